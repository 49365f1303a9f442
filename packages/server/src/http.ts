/**
 * The citizens' API over node:http.
 *
 *   POST    /api/forms/:name                 a submission (JSON) → 201 { trackingCode }
 *   GET     /api/forms/:name/status?code=    where it stands → 200 { code, step, received, deadline, … } (no personal data)
 *   OPTIONS both                             CORS preflight, for the configured origins only
 *   GET     /healthz                         200 { ok: true } when the database answers, else 503
 *   GET     /studio/                         the editors' app (studio.ts), /staff/ the staff page (staff/routes.ts); both in staff/route-table.ts
 *
 * Every error is JSON: { error: { code, message (zh-CN), messageEn } }.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { t } from '../../core/src/i18n.js';
import { issueMessage, validateText, type GkIssue } from '../../core/src/validate.js';
import type { ServerConfig } from './config.js';
import { HttpError, StorageUnavailableError } from './errors.js';
import type { ServedForm } from './forms.js';
import {
  allowMethods,
  clientAddress as addressOf,
  corsHeaders as corsFor,
  preflight,
  readBody as readLimited,
  requireJsonContentType,
  sendJson,
} from './http-common.js';
import { takeOrThrow } from './limits.js';
import type { Limit } from './config.js';
import type { ServerStorage } from './storage/server-storage.js';
import type { Submissions } from './submissions.js';
import { dayIn } from './dates.js';
import { adoption, annualTable3, consultationReport, repliesBoard } from './publish.js';
import { createStaff } from './staff/routes.js';
import { createPublished, isPublishedPath } from './documents/public-routes.js';
import type { KeyRing } from './documents/signing.js';

const ALLOWED_HEADERS = 'Content-Type, Accept, Idempotency-Key';
const RETRY_AFTER_UNAVAILABLE = '5';

/** "JSON 格式错误：文件意外结束（第 1 行第 11 列）" from core's parser, without the editors' "whole file" prefix. */
function syntaxDetail(issue: GkIssue | undefined, lang: 'zh-CN' | 'en'): string {
  if (!issue) return '';
  const place = issue.line === undefined ? '' : t(lang, 'state.at', { line: issue.line, col: issue.col ?? 1 });
  const message = issueMessage(issue, lang).replace(/[。.]$/, '');
  return place ? (lang === 'en' ? `${message} (${place})` : `${message}（${place}）`) : message;
}

export interface AppDeps {
  config: ServerConfig;
  forms: Map<string, ServedForm>;
  submissions: Submissions;
  storage: ServerStorage;
  /** The keys that sign published documents (KeyRing.none(): unsigned). */
  keys: KeyRing;
  /** The path the organisation is served under: "" at the root (its own host names, or the default one), /t/<org> otherwise. */
  base?: string;
  log?: (message: string) => void;
}

type Route = { form: ServedForm; action: 'submit' | 'status' } | { action: 'health' };

/**
 * One organisation's server: `storage` is its view of the database (server-storage.ts),
 * `config` its settings; tenants.ts puts the organisations of a server side by side.
 */
export function createApp({
  config,
  forms,
  submissions,
  storage,
  keys,
  base = '',
  log = (m) => console.error(m),
}: AppDeps) {
  const submitLimit = config.rateLimit.submissions;
  const lookupLimit = config.rateLimit.lookups;
  const origins = new Set(config.origins);
  const handleStaff = createStaff({
    config,
    forms,
    staff: storage,
    documents: storage.documents,
    keys,
    limits: storage.limits,
    base,
  });
  const handlePublished = createPublished({
    documents: storage.documents,
    keys,
    origins,
    publisher: config.staff.owner,
    timeZone: config.timeZone,
    base,
  });
  const FEED = /^\/api\/forms\/([^/]+)\/(replies|report|adoption|annual-report)\/?$/;

  /** The public feeds (publish.ts): GET, JSON, CORS like the citizens' API. */
  async function feed(req: IncomingMessage, res: ServerResponse, url: URL, match: RegExpExecArray): Promise<void> {
    let name: string;
    try {
      name = decodeURIComponent(match[1]!);
    } catch {
      throw new HttpError(404, 'not_found');
    }
    const form = forms.get(name);
    if (!form) throw new HttpError(404, 'unknown_form', { form: name.slice(0, 64) });
    const method = req.method ?? 'GET';
    const cors = corsHeaders(req);
    if (method === 'OPTIONS') return preflight(res, cors, 'GET, OPTIONS', 'Accept');
    allowMethods(req, 'GET, OPTIONS', cors);
    await limited('lookups', lookupLimit, req);
    const today = dayIn(config.timeZone, new Date());
    let body: unknown;
    switch (match[2]) {
      case 'replies':
        body = await repliesBoard(form, storage, today, config.staff.owner, config.publicContacts);
        break;
      case 'report':
        body = await consultationReport(form, storage, today, config.publicContacts);
        break;
      case 'adoption':
        body = await adoption(form, storage, today, config.publicContacts);
        break;
      default: {
        const raw = url.searchParams.get('year') ?? today.slice(0, 4);
        const year = Number(raw);
        if (!/^\d{4}$/.test(raw) || year < 2000 || year > 2100) {
          throw new HttpError(422, 'invalid_request', { count: 1 }, cors, [
            { path: 'year', message: '年份应为四位数字，如 2026', messageEn: 'year must have four digits, like 2026' },
          ]);
        }
        body = await annualTable3(form, storage, year, today);
      }
    }
    // Readers revalidate (no-cache) and get a 304 while nothing has changed.
    const etag = `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ...cors, ETag: etag, 'Cache-Control': 'no-cache' });
      res.end();
      return;
    }
    sendJson(res, 200, body, { ...cors, 'Cache-Control': 'no-cache', ETag: etag });
  }

  const clientAddress = (req: IncomingMessage) => addressOf(req, config.trustProxy);
  const corsHeaders = (req: IncomingMessage) => corsFor(req, origins);

  function route(pathname: string): Route | HttpError {
    if (pathname === '/healthz') return { action: 'health' };
    const match = /^\/api\/forms\/([^/]+)(\/status)?\/?$/.exec(pathname);
    if (!match) return new HttpError(404, 'not_found');
    let name: string;
    try {
      name = decodeURIComponent(match[1]!);
    } catch {
      return new HttpError(404, 'not_found');
    }
    const form = forms.get(name);
    if (!form) return new HttpError(404, 'unknown_form', { form: name.slice(0, 64) });
    return { form, action: match[2] ? 'status' : 'submit' };
  }

  const readBody = (req: IncomingMessage) => readLimited(req, config.bodyLimit);
  /** Per client address, across the server's organisations and instances. */
  const limited = (name: string, limit: Limit | null, req: IncomingMessage) =>
    takeOrThrow(storage.limits, `${name}:${clientAddress(req)}`, limit);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://server.invalid');
    // The staff side and the studio: only what staff/route-table.ts lists.
    if (/^\/(staff|studio)(\/|$)/.test(url.pathname)) return handleStaff(req, res, url);
    if (isPublishedPath(url.pathname)) return handlePublished(req, res, url.pathname);
    const feedMatch = FEED.exec(url.pathname);
    if (feedMatch) return feed(req, res, url, feedMatch);
    const found = route(url.pathname);
    if (found instanceof HttpError) throw found;
    const method = req.method ?? 'GET';

    if (found.action === 'health') {
      allowMethods(req, 'GET, HEAD');
      try {
        await storage.ping();
      } catch (error) {
        throw error instanceof StorageUnavailableError ? error : new StorageUnavailableError(error);
      }
      sendJson(res, 200, { ok: true });
      return;
    }

    const allow = found.action === 'submit' ? 'POST, OPTIONS' : 'GET, OPTIONS';
    if (method === 'OPTIONS') return preflight(res, corsHeaders(req), allow, ALLOWED_HEADERS);
    const cors = corsHeaders(req);

    if (found.action === 'status') {
      allowMethods(req, allow, cors);
      await limited('lookups', lookupLimit, req);
      const code = url.searchParams.get('code');
      if (!code || !code.trim()) throw new HttpError(400, 'missing_code', {}, cors);
      const status = await submissions.status(found.form, code);
      sendJson(res, 200, status, cors);
      return;
    }

    allowMethods(req, allow, cors);
    await limited('submissions', submitLimit, req);
    requireJsonContentType(req, cors);
    const text = await readBody(req);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      // core's parser says where, in both languages.
      const parsed = validateText(found.form.submission, text);
      const issue = parsed.ok ? undefined : parsed.issues[0];
      throw new HttpError(
        400,
        'malformed_json',
        { detail: { zh: syntaxDetail(issue, 'zh-CN'), en: syntaxDetail(issue, 'en') } },
        cors,
      );
    }
    const headerKey = req.headers['idempotency-key'];
    const accepted = await submissions.submit(
      found.form,
      body,
      typeof headerKey === 'string' && headerKey !== '' ? headerKey : undefined,
    );
    sendJson(
      res,
      201,
      { trackingCode: accepted.trackingCode },
      { ...cors, ...(accepted.created ? {} : { 'Idempotent-Replayed': 'true' }) },
    );
  }

  return function listener(req: IncomingMessage, res: ServerResponse): void {
    handle(req, res).catch((error: unknown) => {
      let httpError: HttpError;
      if (error instanceof HttpError) httpError = error;
      else if (error instanceof StorageUnavailableError) {
        log(`gongkai-server: ${error.message}`);
        httpError = new HttpError(503, 'storage_unavailable', {}, { 'Retry-After': RETRY_AFTER_UNAVAILABLE });
      } else {
        log(`gongkai-server: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        httpError = new HttpError(500, 'internal');
      }
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // CORS headers on errors too, so the page can read the message.
      let cors: Record<string, string> = {};
      try {
        if (httpError.code !== 'origin_not_allowed') cors = corsHeaders(req);
      } catch {
        cors = {};
      }
      sendJson(res, httpError.status, httpError.body(), { ...cors, ...httpError.headers });
      // A body over the limit is not read: close the connection once the answer is out.
      if (httpError.status === 413) req.resume();
    });
  };
}
