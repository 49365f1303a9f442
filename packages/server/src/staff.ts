/**
 * The staff side under /staff (same origin only; no CORS):
 *
 *   GET  /staff/                                   the staff page (strict CSP), /staff/staff.js, /staff/staff.css, /staff/gongkai.js
 *   GET  /staff/api/state                          { accounts: n, user: {…} | null } (no sign-in needed)
 *   POST /staff/api/login   {name, password}       a session cookie (HttpOnly, SameSite=Strict, Path=/staff; Secure over https)
 *   POST /staff/api/logout
 *   GET  /staff/api/forms                          the forms served
 *   GET  /staff/api/submissions?form&kind&step&q&from&to&page&pageSize      a page of submissions (JSON)
 *   GET  /staff/api/submissions.catalogue?…        the same as a `catalogue` document, for <gk-catalogue>
 *   GET  /staff/api/submissions/:id                one submission with its personal data, history, and its action forms
 *   POST /staff/api/submissions/:id/:action        register | forward | process | extend | reply | adoption | publish (workflow.ts)
 *   GET  /staff/api/audit                          account events (admins)
 *
 * Who sees what: an admin account (the office that receives, 受理, and forwards,
 * 转办) sees every submission; a staff account sees only those forwarded to its own
 * office, and anything else answers 404 to it, as if it did not exist.
 *
 * Every state-changing request must be JSON (415 otherwise) from this origin
 * (403 otherwise): with the SameSite=Strict cookie, the CSRF defence. Every action
 * on a submission is logged (submission_events), every sign-in and account change too (staff_events).
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { catalogueSchema, type CatalogueItem, type GkCatalogue } from '../../core/src/schemas/catalogue.js';
import { formFieldList, type GkForm } from '../../core/src/schemas/form.js';
import { REQUEST_OUTCOMES } from '../../core/src/schemas/disclosure-request.js';
import { issueMessage, validate } from '../../core/src/validate.js';
import type { Limit, ServerConfig } from './config.js';
import { dayIn } from './dates.js';
import { HttpError } from './errors.js';
import type { ServedForm } from './forms.js';
import { dummyHash, verifyPassword } from './passwords.js';
import { RateLimiter } from './rate-limit.js';
import { staffPage, STAFF_CSS, STAFF_JS } from './staff-page.js';
import type { StaffStorage, StaffUser, SubmissionQuery, SubmissionRecord } from './storage/staff-types.js';
import { ACTION_LABELS, ACTIONS, EVENT_LABELS, ADOPTION_LABELS, allowedActions, decision, OUTCOME_DETAILS, STEP_LABELS, type ActionName } from './workflow.js';

export const SESSION_COOKIE = 'gk_staff';

export const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export interface HttpHelpers {
  send(res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void;
  readBody(req: IncomingMessage): Promise<string>;
  clientAddress(req: IncomingMessage): string;
}

/** Failed sign-ins per account in a fixed window (only failures count; a success clears the account). */
class FailureCounter {
  private entries = new Map<string, { start: number; count: number }>();
  constructor(private readonly limit: Limit) {}
  /** Seconds to wait, or 0. */
  blocked(key: string, now = Date.now()): number {
    const entry = this.entries.get(key);
    if (!entry) return 0;
    const windowMs = this.limit.windowSeconds * 1000;
    if (now - entry.start >= windowMs) {
      this.entries.delete(key);
      return 0;
    }
    return entry.count >= this.limit.max ? Math.max(1, Math.ceil((entry.start + windowMs - now) / 1000)) : 0;
  }
  fail(key: string, now = Date.now()): void {
    const entry = this.entries.get(key);
    if (!entry || now - entry.start >= this.limit.windowSeconds * 1000) this.entries.set(key, { start: now, count: 1 });
    else entry.count++;
    if (this.entries.size > 10_000) this.entries.delete(this.entries.keys().next().value!);
  }
  clear(key: string): void {
    this.entries.delete(key);
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function cookies(req: IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return out;
}

export interface StaffDeps {
  config: ServerConfig;
  forms: Map<string, ServedForm>;
  staff: StaffStorage;
  helpers: HttpHelpers;
  now?: () => Date;
}

/**
 * The library's one-file bundle: the `gongkai` package's, wherever it is installed (a dependency of this
 * server); in a checkout without node_modules links, packages/gongkai/dist beside this server.
 */
function defaultBundle(): URL {
  try {
    return new URL(import.meta.resolve('gongkai/gongkai.js'));
  } catch {
    return new URL('../../gongkai/dist/gongkai.js', import.meta.url);
  }
}

export function createStaff({ config, forms, staff: store, helpers, now = () => new Date() }: StaffDeps) {
  const { send, readBody, clientAddress } = helpers;
  const addressLimit = config.staff.login.perAddress ? new RateLimiter(config.staff.login.perAddress) : undefined;
  const accountFailures = config.staff.login.perAccount ? new FailureCounter(config.staff.login.perAccount) : undefined;
  const bundlePath = config.staff.bundle ?? defaultBundle();
  let bundle: Promise<Buffer> | undefined;
  const today = () => dayIn(config.timeZone, now());

  function isHttps(req: IncomingMessage): boolean {
    if ((req.socket as { encrypted?: boolean }).encrypted) return true;
    if (!config.trustProxy) return false;
    const proto = String(req.headers['x-forwarded-proto'] ?? '').split(',').map((s) => s.trim()).filter(Boolean).pop();
    return proto === 'https';
  }

  function sessionCookie(req: IncomingMessage, token: string, maxAge: number): string {
    return `${SESSION_COOKIE}=${token}; Path=/staff; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${isHttps(req) ? '; Secure' : ''}`;
  }

  async function currentUser(req: IncomingMessage): Promise<{ user: StaffUser; tokenHash: string } | undefined> {
    const token = cookies(req).get(SESSION_COOKIE);
    if (!token || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
    const tokenHash = sha256(token);
    const user = await store.sessionUser(tokenHash, now().toISOString());
    return user ? { user, tokenHash } : undefined;
  }

  async function signedIn(req: IncomingMessage): Promise<{ user: StaffUser; tokenHash: string }> {
    const found = await currentUser(req);
    if (!found) throw new HttpError(401, 'unauthorized');
    return found;
  }

  /** A state-changing request: from this origin, JSON, parsed to an object. */
  async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
    const origin = req.headers.origin;
    // This server's own origin: its Host, or behind a trusted proxy the host the proxy says it forwarded.
    const hosts = [req.headers.host, config.trustProxy ? String(req.headers['x-forwarded-host'] ?? '').split(',')[0]!.trim() : undefined].filter(Boolean);
    if (origin && !hosts.some((host) => origin === `http://${host}` || origin === `https://${host}`)) throw new HttpError(403, 'origin_not_allowed', { origin: origin.slice(0, 200) });
    if (String(req.headers['sec-fetch-site'] ?? 'same-origin') === 'cross-site') throw new HttpError(403, 'origin_not_allowed', { origin: 'cross-site' });
    const [mime, ...params] = String(req.headers['content-type'] ?? '').toLowerCase().split(';').map((s) => s.trim());
    const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
    if (mime !== 'application/json' || (charset && charset !== 'utf-8' && charset !== 'utf8')) throw new HttpError(415, 'unsupported_media_type');
    const text = await readBody(req);
    let body: unknown;
    try {
      body = text.trim() === '' ? {} : JSON.parse(text);
    } catch (error) {
      throw new HttpError(400, 'malformed_json', { detail: (error as Error).message });
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(422, 'invalid_request', { count: 1 }, {}, [{ path: '', message: '请求应为一个 JSON 对象', messageEn: 'the body must be a JSON object' }]);
    return body as Record<string, unknown>;
  }

  function query(url: URL, maxPageSize: number, defaultPageSize: number): SubmissionQuery {
    const p = url.searchParams;
    const issues: Array<{ path: string; message: string; messageEn: string }> = [];
    const q: SubmissionQuery = { page: 1, pageSize: defaultPageSize };
    const form = p.get('form');
    if (form) q.form = form;
    const kind = p.get('kind');
    if (kind) q.kind = kind;
    const step = p.get('step');
    if (step) {
      if (!(step in STEP_LABELS)) issues.push({ path: 'step', message: `step 应为 ${Object.keys(STEP_LABELS).join('、')}`, messageEn: `step must be one of ${Object.keys(STEP_LABELS).join(', ')}` });
      q.step = step;
    }
    const text = p.get('q')?.trim();
    if (text) q.text = text.slice(0, 100);
    for (const key of ['from', 'to'] as const) {
      const value = p.get(key);
      if (!value) continue;
      if (!DATE.test(value)) issues.push({ path: key, message: '日期应为 YYYY-MM-DD', messageEn: 'a date must be YYYY-MM-DD' });
      q[key] = value;
    }
    const page = Number(p.get('page') ?? 1);
    const size = Number(p.get('pageSize') ?? defaultPageSize);
    if (!Number.isInteger(page) || page < 1) issues.push({ path: 'page', message: 'page 应为正整数', messageEn: 'page must be a positive integer' });
    if (!Number.isInteger(size) || size < 1 || size > maxPageSize) issues.push({ path: 'pageSize', message: `pageSize 应为 1–${maxPageSize}`, messageEn: `pageSize must be 1 to ${maxPageSize}` });
    if (issues.length) throw new HttpError(422, 'invalid_request', { count: issues.length }, {}, issues);
    q.page = page;
    q.pageSize = size;
    return q;
  }

  /** A staff account's scope: what was forwarded to its office. Admins see everything. */
  function scope(user: StaffUser): string | undefined {
    return user.role === 'admin' ? undefined : user.office;
  }

  function visible(user: StaffUser, record: SubmissionRecord): boolean {
    const office = scope(user);
    return office === undefined || record.office === office;
  }

  function formTitle(name: string): string {
    return forms.get(name)?.title ?? name;
  }

  function summary(record: SubmissionRecord) {
    const subject = ['subject', 'title'].map((k) => record.data[k]).find((v): v is string => typeof v === 'string' && v.trim() !== '');
    const text = subject ?? Object.values(record.data).find((v): v is string => typeof v === 'string' && [...v].length >= 10) ?? '';
    return {
      id: record.id,
      trackingCode: record.trackingCode,
      form: record.form,
      formTitle: formTitle(record.form),
      kind: record.kind,
      step: record.step,
      stepLabel: STEP_LABELS[record.step],
      receivedOn: record.receivedOn,
      deadline: record.deadline,
      repliedOn: record.repliedOn,
      office: record.office,
      outcome: record.outcome,
      outcomeDetail: record.outcomeDetail,
      adoption: record.adoption,
      adoptionLabel: record.adoption ? ADOPTION_LABELS[record.adoption] : null,
      publish: record.publish,
      extended: record.extended,
      sender: typeof record.data.name === 'string' ? record.data.name : typeof record.data.organisation === 'string' ? record.data.organisation : null,
      subject: [...text].length > 60 ? `${[...text].slice(0, 60).join('')}…` : text,
    };
  }

  function fieldsShown(record: SubmissionRecord) {
    const served = forms.get(record.form);
    const fields = served ? formFieldList(served.form) : [];
    const shown = fields
      .filter((field) => record.data[field.name] !== undefined)
      .map((field) => {
        const value = record.data[field.name];
        const values = Array.isArray(value) ? value : [value];
        const text = values.map((v) => (typeof v === 'boolean' ? (v ? '是' : '否') : (field.options?.find((o) => o.value === v)?.label ?? String(v)))).join('、');
        return { name: field.name, label: field.label, value: text };
      });
    // Values of fields the form no longer has are shown too, by name.
    for (const [name, value] of Object.entries(record.data)) if (!fields.some((f) => f.name === name)) shown.push({ name, label: name, value: typeof value === 'string' ? value : JSON.stringify(value) });
    return shown;
  }

  /** The <gk-form> documents of the actions open to this submission; each POSTs to the staff API. */
  function actionForms(record: SubmissionRecord): Partial<Record<ActionName, GkForm>> {
    const out: Partial<Record<ActionName, GkForm>> = {};
    type Field = GkForm['sections'][number]['fields'][number];
    const note: Field = { name: 'note', label: '备注（内部）', type: 'textarea', maxLength: 2000 };
    const yesNo = (name: string, label: string, yes: string, no: string): Field => ({ name, label, type: 'radio', required: true, options: [{ value: 'yes', label: yes }, { value: 'no', label: no }] });
    for (const action of allowedActions(record)) {
      let fields: GkForm['sections'][number]['fields'];
      switch (action) {
        case 'forward':
          fields = [{ name: 'office', label: '转办至（科室或单位）', type: 'text', required: true, maxLength: 64 }, note];
          break;
        case 'extend':
          fields = [{ name: 'reason', label: '延期理由（经机构负责人同意，最长 20 个工作日）', type: 'textarea', required: true, maxLength: 500 }];
          break;
        case 'reply':
          fields =
            record.kind === 'disclosure-request'
              ? [
                  { name: 'outcome', label: '答复结果（年度报告分类）', type: 'select', required: true, options: REQUEST_OUTCOMES.map((o) => ({ value: o, label: o })) },
                  {
                    name: 'outcomeDetail',
                    label: '具体情形（不予公开、无法提供、不予处理、其他处理时必选）',
                    type: 'select',
                    options: Object.entries(OUTCOME_DETAILS).flatMap(([o, details]) => details.map((d) => ({ value: d, label: `${o}：${d}` }))),
                  },
                  { name: 'reason', label: '理由（在办理进度查询中公开，请勿写入个人信息）', type: 'textarea', maxLength: 2000 },
                  { name: 'reply', label: '答复内容', type: 'textarea', required: true, maxLength: 20000 },
                  note,
                ]
              : [{ name: 'reply', label: '答复内容', type: 'textarea', required: true, maxLength: 20000 }, yesNo('publish', '是否在答复公开栏公开（去标识化后）', '公开', '不公开'), note];
          break;
        case 'adoption':
          fields = [
            { name: 'adoption', label: '采纳情况', type: 'radio', required: true, options: Object.entries(ADOPTION_LABELS).map(([value, label]) => ({ value, label })) },
            { name: 'reason', label: '理由（部分采纳、未采纳时必填；去标识化后公开）', type: 'textarea', maxLength: 2000 },
            note,
          ];
          break;
        case 'publish':
          fields = [yesNo('publish', '答复公开栏', '公开', '不公开'), note];
          break;
        default:
          fields = [note];
      }
      out[action] = {
        kind: 'form',
        version: 1,
        title: `${ACTION_LABELS[action]}（${record.trackingCode}）`,
        action: `/staff/api/submissions/${record.id}/${action}`,
        privacy: '此操作将以您的账号记入操作日志（谁、何时、做了什么）。',
        sections: [{ fields }],
      } as GkForm;
    }
    return out;
  }

  function staffCatalogue(records: SubmissionRecord[], total: number): GkCatalogue {
    const items = records.map((record): CatalogueItem => {
      const s = summary(record);
      const item: CatalogueItem = {
        id: record.trackingCode,
        title: s.subject || `${s.formTitle}（${record.trackingCode}）`,
        date: record.receivedOn,
        url: `#s=${record.id}`,
        formTitle: s.formTitle,
        step: s.stepLabel,
        deadline: record.deadline,
      };
      if (s.sender) item.sender = s.sender;
      if (record.office) item.office = record.office;
      if (record.adoption) item.adoption = ADOPTION_LABELS[record.adoption];
      return item;
    });
    const doc: GkCatalogue = {
      kind: 'catalogue',
      version: 1,
      title: '来件列表',
      owner: config.staff.owner ?? '政务公开办',
      type: '记录',
      updated: today(),
      description: `共 ${total} 件${total > records.length ? `，显示最新的 ${records.length} 件，请用筛选条件缩小范围` : ''}。`,
      columns: [
        { key: 'formTitle', label: '栏目', type: 'text', facet: true },
        { key: 'step', label: '办理状态', type: 'enum', values: Object.values(STEP_LABELS), facet: true },
        { key: 'sender', label: '来件人', type: 'text' },
        { key: 'deadline', label: '答复期限', type: 'date' },
        { key: 'office', label: '转办单位', type: 'text' },
        { key: 'adoption', label: '采纳情况', type: 'enum', values: Object.values(ADOPTION_LABELS), facet: true },
      ],
      items,
    };
    const result = validate(catalogueSchema, doc);
    if (!result.ok) throw new Error(`staff catalogue does not fit core's schema: ${result.issues.map((i) => `${i.pathText} ${issueMessage(i, 'en')}`).join('; ')}`);
    return doc;
  }

  async function serveBundle(res: ServerResponse): Promise<void> {
    try {
      bundle ??= readFile(bundlePath);
      const body = await bundle;
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Content-Length': String(body.length), 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
      res.end(body);
    } catch {
      bundle = undefined;
      throw new HttpError(404, 'not_found');
    }
  }

  function asset(res: ServerResponse, type: string, body: string, csp?: string): void {
    res.writeHead(200, {
      'Content-Type': `${type}; charset=utf-8`,
      'Content-Length': String(Buffer.byteLength(body)),
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      ...(csp ? { 'Content-Security-Policy': csp, 'X-Frame-Options': 'DENY' } : {}),
    });
    res.end(body);
  }

  /** Handles a request under /staff. */
  return async function handleStaff(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const only = (allowed: string) => {
      if (!allowed.split(', ').includes(method) && !(allowed.includes('GET') && method === 'HEAD')) throw new HttpError(405, 'method_not_allowed', { method }, { Allow: allowed });
    };

    if (path === '/staff') {
      res.writeHead(308, { Location: '/staff/', 'Content-Length': '0' });
      res.end();
      return;
    }
    if (path === '/staff/' || path === '/staff/index.html') {
      only('GET');
      asset(res, 'text/html', staffPage({ accounts: await store.countUsers() }), PAGE_CSP);
      return;
    }
    if (path === '/staff/staff.js') return (only('GET'), asset(res, 'text/javascript', STAFF_JS));
    if (path === '/staff/staff.css') return (only('GET'), asset(res, 'text/css', STAFF_CSS));
    if (path === '/staff/gongkai.js') return (only('GET'), serveBundle(res));

    const api = /^\/staff\/api\/(.+?)\/?$/.exec(path)?.[1];
    if (!api) throw new HttpError(404, 'not_found');

    if (api === 'state') {
      only('GET');
      const found = await currentUser(req);
      send(res, 200, { accounts: await store.countUsers(), user: found ? publicUser(found.user) : null });
      return;
    }
    if (api === 'login') {
      only('POST');
      const address = clientAddress(req);
      const wait = addressLimit?.take(address) ?? 0;
      if (wait > 0) throw new HttpError(429, 'rate_limited', { seconds: wait }, { 'Retry-After': String(wait) });
      const body = await jsonBody(req);
      const name = typeof body.name === 'string' ? body.name.trim().slice(0, 64) : '';
      const password = typeof body.password === 'string' ? body.password.slice(0, 1024) : '';
      if (!name || !password) throw new HttpError(422, 'invalid_request', { count: 1 }, {}, [{ path: name ? 'password' : 'name', message: '请填写用户名和密码', messageEn: 'name and password are required' }]);
      const accountWait = accountFailures?.blocked(name) ?? 0;
      if (accountWait > 0) {
        await store.logStaffEvent({ at: now().toISOString(), actor: name, action: 'login.blocked', detail: { address } });
        throw new HttpError(429, 'rate_limited', { seconds: accountWait }, { 'Retry-After': String(accountWait) });
      }
      const user = await store.userByName(name);
      // The same scrypt work whether or not the account exists.
      const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
      if (!user || !ok || user.disabled) {
        accountFailures?.fail(name);
        await store.logStaffEvent({ at: now().toISOString(), actor: name, action: 'login.failed', detail: { address } });
        throw new HttpError(401, 'login_failed');
      }
      accountFailures?.clear(name);
      const token = randomBytes(32).toString('base64url');
      const maxAge = config.staff.sessionHours * 3600;
      const at = now();
      await store.createSession({ tokenHash: sha256(token), userId: user.id, createdAt: at.toISOString(), expiresAt: new Date(at.getTime() + maxAge * 1000).toISOString() });
      await store.logStaffEvent({ at: at.toISOString(), actor: user.name, action: 'login', detail: { address } });
      send(res, 200, { user: publicUser(user) }, { 'Set-Cookie': sessionCookie(req, token, maxAge) });
      return;
    }
    if (api === 'logout') {
      only('POST');
      await jsonBody(req);
      const found = await currentUser(req);
      if (found) {
        await store.deleteSession(found.tokenHash);
        await store.logStaffEvent({ at: now().toISOString(), actor: found.user.name, action: 'logout' });
      }
      send(res, 200, { ok: true }, { 'Set-Cookie': sessionCookie(req, '', 0) });
      return;
    }

    // Everything below needs a session.
    const { user } = await signedIn(req);

    if (api === 'forms') {
      only('GET');
      send(res, 200, { forms: [...forms.values()].map((f) => ({ name: f.name, kind: f.kind, title: f.title })) });
      return;
    }
    if (api === 'audit') {
      only('GET');
      if (user.role !== 'admin') throw new HttpError(403, 'forbidden');
      const limit = Math.min(1000, Math.max(1, Number(url.searchParams.get('limit') ?? 200) || 200));
      send(res, 200, { events: await store.staffEvents(limit) });
      return;
    }
    if (api === 'submissions') {
      only('GET');
      const q = { ...query(url, 100, 20), office: scope(user) };
      const page = await store.searchSubmissions(q);
      send(res, 200, { total: page.total, page: q.page, pageSize: q.pageSize, items: page.items.map(summary) });
      return;
    }
    if (api === 'submissions.catalogue') {
      only('GET');
      const q = { ...query(url, 500, 200), office: scope(user) };
      const page = await store.searchSubmissions(q);
      send(res, 200, staffCatalogue(page.items, page.total));
      return;
    }
    const one = /^submissions\/(\d{1,15})(?:\/([a-z]+))?$/.exec(api);
    if (!one) throw new HttpError(404, 'not_found');
    const id = Number(one[1]);
    const action = one[2];
    if (action === undefined) {
      only('GET');
      const record = await store.submission(id);
      if (!record || !visible(user, record)) throw new HttpError(404, 'unknown_submission', { id });
      // Looking at personal data is logged too.
      await store.logSubmissionEvent(id, { at: now().toISOString(), actor: user.name, action: 'view' });
      send(res, 200, {
        submission: { ...summary(record), receivedAt: record.receivedAt, reply: record.reply, reason: record.reason, adoptionReason: record.adoptionReason, data: record.data },
        fields: fieldsShown(record),
        // Each entry with its name in words, for the page's history list.
        events: (await store.submissionEvents(id)).map((event) => ({ ...event, label: EVENT_LABELS[event.action] ?? event.action })),
        actions: allowedActions(record),
        forms: actionForms(record),
      });
      return;
    }
    if (!(ACTIONS as string[]).includes(action)) throw new HttpError(404, 'not_found');
    only('POST');
    const body = await jsonBody(req);
    const decide = decision(action as ActionName, body, today());
    // Checked inside the action's transaction: a submission forwarded elsewhere meanwhile is out of reach.
    const updated = await store.act(id, user.name, now().toISOString(), (current) => {
      if (!visible(user, current)) throw new HttpError(404, 'unknown_submission', { id });
      return decide(current);
    });
    if (!updated) throw new HttpError(404, 'unknown_submission', { id });
    send(res, 200, { submission: summary(updated), actions: allowedActions(updated) });
  };
}

function publicUser(user: StaffUser) {
  return { name: user.name, office: user.office, role: user.role };
}
