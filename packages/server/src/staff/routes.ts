/**
 * The staff side under /staff (same origin only; no CORS):
 *
 *   GET  /staff/                                   the staff page (strict CSP), /staff/staff.js, /staff/staff.css, /staff/gongkai.js
 *                                                  (and gongkai-provenance.js, the file it loads beside it for a published document)
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
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerConfig } from '../config.js';
import { dayIn } from '../dates.js';
import { HttpError } from '../errors.js';
import type { ServedForm } from '../forms.js';
import { allowMethods, parseJsonObject, readBody, requireJsonContentType, requireSameOrigin, sendJson } from '../http-common.js';
import { staffPage, STAFF_CSS, STAFF_JS } from '../staff-page.js';
import type { DocumentStorage } from '../storage/document-types.js';
import type { StaffStorage } from '../storage/staff-types.js';
import type { KeyRing } from '../documents/signing.js';
import { createDocumentRoutes } from './document-routes.js';
import { ACTIONS, EVENT_LABELS, allowedActions, decision, type ActionName } from '../workflow.js';
import { createAuth, publicUser } from './auth.js';
import { actionForms, canSeeSubmission, formTitles, labelledFields, submissionCatalogue, submissionQuery, submissionScope, submissionSummary } from './views.js';

export { SESSION_COOKIE } from './auth.js';

export const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export interface StaffDeps {
  config: ServerConfig;
  forms: Map<string, ServedForm>;
  staff: StaffStorage;
  documents: DocumentStorage;
  keys: KeyRing;
  now?: () => Date;
}

/** Documents are larger than what citizens send: a budget with its tables runs to a few hundred kilobytes. */
export const DOCUMENT_BODY_LIMIT = 8 * 1024 * 1024;

/**
 * The library's one-file bundle: the `gongkai` package's, wherever it is installed (a dependency of this
 * server); in a checkout without node_modules links, packages/gongkai/dist beside this server's bundle.
 */
function defaultBundle(): URL {
  try {
    return new URL(import.meta.resolve('gongkai/gongkai.js'));
  } catch {
    return new URL('../../gongkai/dist/gongkai.js', import.meta.url);
  }
}

export function createStaff({ config, forms, staff: store, documents, keys, now = () => new Date() }: StaffDeps) {
  const auth = createAuth({ config, store, now });
  const bundlePath = config.staff.bundle ?? defaultBundle();
  // The bundle's own second file, fetched by gongkai.js beside it for a published document's history block.
  const bundleFiles = new Map<string, Promise<Buffer>>();
  const today = () => dayIn(config.timeZone, now());
  const formTitle = formTitles(forms);
  const send = sendJson;

  /** A state-changing request: from this origin (the CSRF defence with SameSite=Strict), JSON, parsed to an object. */
  async function jsonBody(req: IncomingMessage, limit = config.bodyLimit): Promise<Record<string, unknown>> {
    requireSameOrigin(req, config.trustProxy);
    requireJsonContentType(req);
    return parseJsonObject(await readBody(req, limit));
  }
  const handleDocuments = createDocumentRoutes({ documents, keys, now, publisher: config.staff.owner, jsonBody: (req) => jsonBody(req, Math.max(config.bodyLimit, DOCUMENT_BODY_LIMIT)) });

  async function serveBundle(res: ServerResponse, name: string): Promise<void> {
    const file = name === 'gongkai.js' ? bundlePath : new URL(name, typeof bundlePath === 'string' ? pathToFileURL(bundlePath) : bundlePath);
    try {
      const reading = bundleFiles.get(name) ?? readFile(file);
      bundleFiles.set(name, reading);
      const body = await reading;
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Content-Length': String(body.length), 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
      res.end(body);
    } catch {
      bundleFiles.delete(name);
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
    const path = url.pathname;
    const only = (allowed: string) => allowMethods(req, allowed);

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
    if (path === '/staff/gongkai.js' || path === '/staff/gongkai-provenance.js') return (only('GET'), serveBundle(res, path.slice('/staff/'.length)));

    const api = /^\/staff\/api\/(.+?)\/?$/.exec(path)?.[1];
    if (!api) throw new HttpError(404, 'not_found');

    if (api === 'state') {
      only('GET');
      const found = await auth.currentUser(req);
      send(res, 200, { accounts: await store.countUsers(), user: found ? publicUser(found.user) : null });
      return;
    }
    if (api === 'login') {
      only('POST');
      auth.countAttempt(req);
      const { user, setCookie } = await auth.login(req, await jsonBody(req));
      send(res, 200, { user: publicUser(user) }, { 'Set-Cookie': setCookie });
      return;
    }
    if (api === 'logout') {
      only('POST');
      await jsonBody(req);
      send(res, 200, { ok: true }, { 'Set-Cookie': await auth.logout(req) });
      return;
    }

    // Everything below needs a session.
    const { user } = await auth.signedIn(req);

    if (api === 'documents' || api.startsWith('documents/')) return handleDocuments(req, res, url, api, user);
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
      const q = { ...submissionQuery(url.searchParams, 100, 20), office: submissionScope(user) };
      const page = await store.searchSubmissions(q);
      send(res, 200, { total: page.total, page: q.page, pageSize: q.pageSize, items: page.items.map((record) => submissionSummary(record, formTitle)) });
      return;
    }
    if (api === 'submissions.catalogue') {
      only('GET');
      const q = { ...submissionQuery(url.searchParams, 500, 200), office: submissionScope(user) };
      const page = await store.searchSubmissions(q);
      send(res, 200, submissionCatalogue(page.items, page.total, { owner: config.staff.owner ?? '政务公开办', today: today(), formTitle }));
      return;
    }
    const one = /^submissions\/(\d{1,15})(?:\/([a-z]+))?$/.exec(api);
    if (!one) throw new HttpError(404, 'not_found');
    const id = Number(one[1]);
    const action = one[2];
    if (action === undefined) {
      only('GET');
      const record = await store.submission(id);
      if (!record || !canSeeSubmission(user, record)) throw new HttpError(404, 'unknown_submission', { id });
      // Looking at personal data is logged too.
      await store.logSubmissionEvent(id, { at: now().toISOString(), actor: user.name, action: 'view' });
      send(res, 200, {
        submission: { ...submissionSummary(record, formTitle), receivedAt: record.receivedAt, reply: record.reply, reason: record.reason, adoptionReason: record.adoptionReason, data: record.data },
        fields: labelledFields(record, forms.get(record.form)),
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
      if (!canSeeSubmission(user, current)) throw new HttpError(404, 'unknown_submission', { id });
      return decide(current);
    });
    if (!updated) throw new HttpError(404, 'unknown_submission', { id });
    send(res, 200, { submission: submissionSummary(updated, formTitle), actions: allowedActions(updated) });
  };
}
