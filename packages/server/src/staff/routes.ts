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
 *   GET  /studio/, /studio/<file>                   the editors' app (studio.ts), static; it calls the API above
 *
 * Who sees what: an admin account (the office that receives, 受理, and forwards,
 * 转办) sees every submission; a staff account sees only those forwarded to its own
 * office, and anything else answers 404 to it, as if it did not exist.
 *
 * The complete list is the route table, staff/route-table.ts: nothing else is answered.
 * An organisation served under /t/<org>/ has the same URLs below that path.
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
import { parseJsonObject, readBody, requireJsonContentType, requireSameOrigin, sendJson } from '../http-common.js';
import { PAGE_CSP, staffPage, STAFF_CSS, STAFF_JS } from '../staff-page.js';
import { createStudio, type StudioHandler } from '../studio.js';
import type { DocumentStorage } from '../storage/document-types.js';
import type { StaffStorage, StaffUser } from '../storage/staff-types.js';
import type { LimitStore } from '../limits.js';
import { Router } from '../router.js';
import { STAFF_ROUTES, type DocumentHandlerName, type StaffHandlerName } from './route-table.js';
import type { KeyRing } from '../documents/signing.js';
import { createDocumentRoutes } from './document-routes.js';
import { EVENT_LABELS, allowedActions, decision, type ActionName } from '../workflow.js';
import { createAuth, publicUser } from './auth.js';
import {
  actionForms,
  canSeeSubmission,
  formTitles,
  labelledFields,
  submissionCatalogue,
  submissionQuery,
  submissionScope,
  submissionSummary,
} from './views.js';

export { SESSION_COOKIE } from './auth.js';

export interface StaffDeps {
  config: ServerConfig;
  forms: Map<string, ServedForm>;
  /** The organisation's view (server-storage.ts). */
  staff: StaffStorage & { readonly org: string };
  documents: DocumentStorage;
  keys: KeyRing;
  /** The rate-limit counters every instance shares (limits.ts). */
  limits: LimitStore;
  /** The path the organisation is served under ("" or /t/<org>): the cookie's Path, the redirect. */
  base?: string;
  /** Serves a file of the editors' app (studio.ts); default the built packages/studio/dist. */
  studio?: StudioHandler;
  now?: () => Date;
}

/** Documents are larger than what citizens send: a budget with its tables runs to a few hundred kilobytes. */
export const DOCUMENT_BODY_LIMIT = 8 * 1024 * 1024;

/** What a handler of the route table gets: `user` on `account` routes. */
export interface StaffContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  user?: StaffUser;
}
export type StaffHandler = (context: StaffContext) => Promise<void>;

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

export function createStaff({
  config,
  forms,
  staff: store,
  documents,
  keys,
  limits,
  base = '',
  studio = createStudio(),
  now = () => new Date(),
}: StaffDeps) {
  const auth = createAuth({ config, store, limits, base, now });
  const bundlePath = config.staff.bundle ?? defaultBundle();
  // The bundle's own second file, fetched by gongkai.js beside it for a published document's history block.
  const bundleFiles = new Map<string, Promise<Buffer>>();
  const today = () => dayIn(config.timeZone, now());
  const formTitle = formTitles(forms);

  /** A state-changing request: from this origin (the CSRF defence with SameSite=Strict), JSON, parsed to an object. */
  async function jsonBody(req: IncomingMessage, limit = config.bodyLimit): Promise<Record<string, unknown>> {
    requireSameOrigin(req, config.trustProxy);
    requireJsonContentType(req);
    return parseJsonObject(await readBody(req, limit));
  }
  const documentHandlers = createDocumentRoutes({
    documents,
    keys,
    now,
    publisher: config.staff.owner,
    base,
    jsonBody: (req) => jsonBody(req, Math.max(config.bodyLimit, DOCUMENT_BODY_LIMIT)),
  });
  const router = new Router(STAFF_ROUTES);

  async function serveBundle(res: ServerResponse, name: string): Promise<void> {
    const file =
      name === 'gongkai.js'
        ? bundlePath
        : new URL(name, typeof bundlePath === 'string' ? pathToFileURL(bundlePath) : bundlePath);
    try {
      const reading = bundleFiles.get(name) ?? readFile(file);
      bundleFiles.set(name, reading);
      const body = await reading;
      res.writeHead(200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Content-Length': String(body.length),
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
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

  const handlers: Record<Exclude<StaffHandlerName, DocumentHandlerName>, StaffHandler> = {
    redirect: async ({ res }) => {
      res.writeHead(308, { Location: `${base}/staff/`, 'Content-Length': '0' });
      res.end();
    },
    page: async ({ res }) => asset(res, 'text/html', staffPage({ accounts: await store.countUsers(), base }), PAGE_CSP),
    script: async ({ res }) => asset(res, 'text/javascript', STAFF_JS),
    styles: async ({ res }) => asset(res, 'text/css', STAFF_CSS),
    bundle: ({ res }) => serveBundle(res, 'gongkai.js'),
    provenance: ({ res }) => serveBundle(res, 'gongkai-provenance.js'),
    // The editors' app (studio.ts): static files, the same for every organisation; under /t/<org>/studio/ it
    // finds this organisation's staff API at ../staff/api/.
    'studio.redirect': async ({ res }) => {
      res.writeHead(308, { Location: `${base}/studio/`, 'Content-Length': '0' });
      res.end();
    },
    studio: ({ req, res, params }) => studio(req, res, params.file ?? ''),
    state: async ({ req, res }) => {
      const found = await auth.currentUser(req);
      sendJson(res, 200, { accounts: await store.countUsers(), user: found ? publicUser(found.user) : null });
    },
    login: async ({ req, res }) => {
      await auth.countAttempt(req);
      const { user, setCookie } = await auth.login(req, await jsonBody(req));
      sendJson(res, 200, { user: publicUser(user) }, { 'Set-Cookie': setCookie });
    },
    logout: async ({ req, res }) => {
      await jsonBody(req);
      sendJson(res, 200, { ok: true }, { 'Set-Cookie': await auth.logout(req) });
    },
    forms: async ({ res }) =>
      sendJson(res, 200, { forms: [...forms.values()].map((f) => ({ name: f.name, kind: f.kind, title: f.title })) }),
    audit: async ({ res, url, user }) => {
      if (user!.role !== 'admin') throw new HttpError(403, 'forbidden');
      const limit = Math.min(1000, Math.max(1, Number(url.searchParams.get('limit') ?? 200) || 200));
      sendJson(res, 200, { events: await store.staffEvents(limit) });
    },
    submissions: async ({ res, url, user }) => {
      const q = { ...submissionQuery(url.searchParams, 100, 20), office: submissionScope(user!) };
      const page = await store.searchSubmissions(q);
      sendJson(res, 200, {
        total: page.total,
        page: q.page,
        pageSize: q.pageSize,
        items: page.items.map((record) => submissionSummary(record, formTitle)),
      });
    },
    catalogue: async ({ res, url, user }) => {
      const q = { ...submissionQuery(url.searchParams, 500, 200), office: submissionScope(user!) };
      const page = await store.searchSubmissions(q);
      sendJson(
        res,
        200,
        submissionCatalogue(page.items, page.total, {
          owner: config.staff.owner ?? '政务公开办',
          today: today(),
          formTitle,
        }),
      );
    },
    submission: async ({ res, params, user }) => {
      const id = Number(params.id);
      const record = await store.submission(id);
      if (!record || !canSeeSubmission(user!, record)) throw new HttpError(404, 'unknown_submission', { id });
      // Looking at personal data is logged too.
      await store.logSubmissionEvent(id, { at: now().toISOString(), actor: user!.name, action: 'view' });
      sendJson(res, 200, {
        submission: {
          ...submissionSummary(record, formTitle),
          receivedAt: record.receivedAt,
          reply: record.reply,
          reason: record.reason,
          adoptionReason: record.adoptionReason,
          data: record.data,
        },
        fields: labelledFields(record, forms.get(record.form)),
        // Each entry with its name in words, for the page's history list.
        events: (await store.submissionEvents(id)).map((event) => ({
          ...event,
          label: EVENT_LABELS[event.action] ?? event.action,
        })),
        actions: allowedActions(record),
        forms: actionForms(record),
      });
    },
    act: async ({ req, res, params, user }) => {
      const id = Number(params.id);
      const body = await jsonBody(req);
      const decide = decision(params.action as ActionName, body, today());
      // Checked inside the action's transaction: a submission forwarded elsewhere meanwhile is out of reach.
      const updated = await store.act(id, user!.name, now().toISOString(), (current) => {
        if (!canSeeSubmission(user!, current)) throw new HttpError(404, 'unknown_submission', { id });
        return decide(current);
      });
      if (!updated) throw new HttpError(404, 'unknown_submission', { id });
      sendJson(res, 200, { submission: submissionSummary(updated, formTitle), actions: allowedActions(updated) });
    },
  };
  const all: Record<StaffHandlerName, StaffHandler> = { ...handlers, ...documentHandlers };

  /** Handles a request under /staff: only what the route table lists; `account` routes need a session of this organisation. */
  return async function handleStaff(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const { route, params } = router.match(req.method ?? 'GET', url.pathname);
    const user = route.access === 'account' ? (await auth.signedIn(req)).user : undefined;
    await all[route.handler]({ req, res, url, params, user });
  };
}
