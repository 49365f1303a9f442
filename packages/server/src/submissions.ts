/**
 * Receiving a submission: the honeypot, the idempotency key, a consultation's
 * comment period, core's compiled check of the values, then storage — durably,
 * before anyone is told the tracking code. Concurrent submissions are written in
 * one transaction (group commit): one fsync for all that arrived meanwhile.
 */
import { createHash, randomInt } from 'node:crypto';
import { requestStatusSchema, type RequestStatus } from '../../core/src/schemas/disclosure-request.js';
import { issueMessage, validate } from '../../core/src/validate.js';
import { deidentify } from '../../core/src/deidentify.js';
import type { ServerConfig } from './config.js';
import { addWorkingDays, dayIn } from './dates.js';
import { HttpError } from './errors.js';
import type { ServedForm } from './forms.js';
import type { NewSubmission, Storage, StoredRef } from './storage/types.js';

/** Letters and digits that cannot be misread for one another (no 0/O, 1/I). */
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function newTrackingCode(prefix: string, year: string): string {
  let random = '';
  for (let i = 0; i < 8; i++) random += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${prefix}${year}-${random.slice(0, 4)}-${random.slice(4)}`;
}

/**
 * Collects the submissions that arrive while one transaction is being written, and writes them in the next.
 * One per server, shared by its organisations: each item carries its organisation and its code prefix.
 */
export class GroupCommit {
  private queue: Array<{ item: NewSubmission; resolve: (ref: StoredRef) => void; reject: (error: unknown) => void }> =
    [];
  private scheduled = false;
  private writing = false;

  constructor(
    private readonly storage: Storage,
    private readonly maxBatch = 500,
  ) {}

  /** A tracking code: the organisation's prefix and the year it was received, in its time zone. */
  private readonly newCode = (item: NewSubmission) => newTrackingCode(item.codePrefix, item.receivedOn.slice(0, 4));

  add(item: NewSubmission): Promise<StoredRef> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.writing || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    this.writing = true;
    const batch = this.queue.splice(0, this.maxBatch);
    try {
      const refs = await this.storage.insertSubmissions(
        batch.map((entry) => entry.item),
        this.newCode,
      );
      batch.forEach((entry, i) => entry.resolve(refs[i]!));
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    } finally {
      this.writing = false;
      this.schedule();
    }
  }

  /** Resolves once everything queued so far is written (for a clean shutdown). */
  async drain(): Promise<void> {
    while (this.queue.length || this.writing || this.scheduled) await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export interface Accepted {
  trackingCode: string;
  /** false: a retry of a submission already stored. */
  created: boolean;
}

export class Submissions {
  constructor(
    /** The organisation's view of the database (its status lookups). */
    private readonly storage: Storage & { readonly org: string },
    /** The organisation's settings (codePrefix, timeZone, workingDays, publicContacts). */
    private readonly config: ServerConfig,
    /** The server's one writer (all organisations); a server of one organisation may let this make its own. */
    private readonly writer: GroupCommit = new GroupCommit(storage),
    private readonly now: () => Date = () => new Date(),
  ) {}

  private code(): string {
    return newTrackingCode(this.config.codePrefix, dayIn(this.config.timeZone, this.now()).slice(0, 4));
  }

  async submit(form: ServedForm, body: unknown, headerKey: string | undefined): Promise<Accepted> {
    const values =
      body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
    // The honeypot: a field people never see. Filled in, it was a robot: it is told "received" and nothing is stored.
    if (values && values._website !== undefined && values._website !== '' && values._website !== null) {
      return { trackingCode: this.code(), created: true };
    }
    let submission: unknown = body;
    if (values && headerKey !== undefined) {
      if (values._idempotencyKey !== undefined && values._idempotencyKey !== headerKey)
        throw new HttpError(400, 'idempotency_mismatch');
      submission = { ...values, _idempotencyKey: headerKey };
    }

    const today = dayIn(this.config.timeZone, this.now());
    if (form.opens && today < form.opens) throw new HttpError(409, 'consultation_not_open', { opens: form.opens });
    if (form.closes && today > form.closes) throw new HttpError(409, 'consultation_closed', { closes: form.closes });

    // core's compiled check: the same function <gk-form> checks with in the browser.
    const result = validate(form.submission, submission);
    if (!result.ok) {
      const issues = result.issues.map((issue) => ({
        path: issue.pathText,
        message: issueMessage(issue, 'zh-CN'),
        messageEn: issueMessage(issue, 'en'),
      }));
      throw new HttpError(422, 'invalid_submission', { count: issues.length }, {}, issues);
    }
    const checked = result.value as Record<string, unknown>;
    // Only the form's own fields are stored, in the form's order.
    const data: Record<string, unknown> = {};
    for (const name of form.fields) if (checked[name] !== undefined) data[name] = checked[name];
    const bodyHash = createHash('sha256').update(JSON.stringify(data)).digest('hex');
    const ref = await this.writer.add({
      org: this.storage.org,
      codePrefix: this.config.codePrefix,
      form: form.name,
      kind: form.kind,
      idempotencyKey: String(checked._idempotencyKey),
      bodyHash,
      data,
      receivedAt: this.now().toISOString(),
      receivedOn: today,
      deadline: addWorkingDays(today, this.config.workingDays[form.name] ?? this.config.workingDays.default),
    });
    if (!ref.created && ref.bodyHash !== bodyHash) throw new HttpError(409, 'idempotency_conflict');
    return { trackingCode: ref.trackingCode, created: ref.created };
  }

  /** The status answer <gk-disclosure-request> shows: step, dates, outcome. Checked with core's requestStatusSchema: no personal data can slip in. */
  async status(form: ServedForm, rawCode: string): Promise<RequestStatus> {
    const code = rawCode.trim().toUpperCase();
    if (!/^[A-Z0-9-]{1,64}$/.test(code)) throw new HttpError(404, 'unknown_code', { code: rawCode.slice(0, 64) });
    const row = await this.storage.status(form.name, code);
    if (!row) throw new HttpError(404, 'unknown_code', { code });
    const answer: Record<string, unknown> = {
      code: row.trackingCode,
      step: row.step,
      received: row.receivedOn,
      deadline: row.deadline,
    };
    if (row.repliedOn) answer.replied = row.repliedOn;
    if (row.outcome) answer.outcome = row.outcome;
    // Staff write the reason for the public; core's deidentify still masks any personal data in it, the office's own contacts kept.
    if (row.reason) answer.reason = deidentify(row.reason, 'text', { publicContacts: this.config.publicContacts });
    const checked = validate(requestStatusSchema, answer);
    if (!checked.ok)
      throw new Error(
        `status of ${code} does not fit requestStatusSchema: ${checked.issues.map((i) => i.pathText).join(', ')}`,
      );
    return checked.value;
  }

  drain(): Promise<void> {
    return this.writer.drain();
  }
}
