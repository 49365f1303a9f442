/**
 * Every URL of the staff side (/staff…, and the editors' app at /studio…), in one table: the router (router.ts) dispatches
 * only through it, and the isolation test walks it (test/tenants.test.mjs). `account`
 * routes need a session of the organisation the URL is for (staff/auth.ts); the
 * handlers are in staff/routes.ts (submissions, accounts, the page) and
 * staff/document-routes.ts (信息审核发布).
 */
import type { RouteSpec } from '../router.js';
import { ACTIONS } from '../workflow.js';

export const STAFF_ROUTES = [
  // The page and its files. '/staff/' before '/staff', whose pattern also takes a trailing slash.
  { method: 'GET', path: '/staff/', access: 'public', handler: 'page' },
  { method: 'GET', path: '/staff/index.html', access: 'public', handler: 'page' },
  { method: 'GET', path: '/staff', access: 'public', handler: 'redirect' },
  { method: 'GET', path: '/staff/staff.js', access: 'public', handler: 'script' },
  { method: 'GET', path: '/staff/staff.css', access: 'public', handler: 'styles' },
  { method: 'GET', path: '/staff/gongkai.js', access: 'public', handler: 'bundle' },
  { method: 'GET', path: '/staff/gongkai-provenance.js', access: 'public', handler: 'provenance' },
  // The editors' app (studio.ts): static files, no organisation's data; it calls the API below.
  { method: 'GET', path: '/studio/', access: 'public', handler: 'studio' },
  { method: 'GET', path: '/studio', access: 'public', handler: 'studio.redirect' },
  { method: 'GET', path: '/studio/:file', access: 'public', handler: 'studio' },
  // Sessions.
  { method: 'GET', path: '/staff/api/state', access: 'public', handler: 'state' },
  { method: 'POST', path: '/staff/api/login', access: 'public', handler: 'login' },
  { method: 'POST', path: '/staff/api/logout', access: 'public', handler: 'logout' },
  // Submissions (受理、转办、反馈) and the account log.
  { method: 'GET', path: '/staff/api/forms', access: 'account', handler: 'forms' },
  { method: 'GET', path: '/staff/api/audit', access: 'account', handler: 'audit' },
  { method: 'GET', path: '/staff/api/submissions', access: 'account', handler: 'submissions' },
  { method: 'GET', path: '/staff/api/submissions.catalogue', access: 'account', handler: 'catalogue' },
  { method: 'GET', path: '/staff/api/submissions/:id', access: 'account', handler: 'submission' },
  {
    method: 'POST',
    path: `/staff/api/submissions/:id/:action(${ACTIONS.join('|')})`,
    access: 'account',
    handler: 'act',
  },
  // Documents (信息审核发布). 'review' and 'audit' before ':slug', which they would also match.
  { method: 'GET', path: '/staff/api/documents', access: 'account', handler: 'documents.list' },
  { method: 'POST', path: '/staff/api/documents', access: 'account', handler: 'documents.create' },
  { method: 'GET', path: '/staff/api/documents/review', access: 'account', handler: 'documents.review' },
  { method: 'GET', path: '/staff/api/documents/audit', access: 'account', handler: 'documents.audit' },
  { method: 'GET', path: '/staff/api/documents/:slug', access: 'account', handler: 'documents.show' },
  { method: 'POST', path: '/staff/api/documents/:slug/withdraw', access: 'account', handler: 'documents.withdraw' },
  { method: 'POST', path: '/staff/api/documents/:slug/revisions', access: 'account', handler: 'documents.revise' },
  { method: 'GET', path: '/staff/api/documents/:slug/revisions/:id', access: 'account', handler: 'documents.revision' },
  { method: 'PUT', path: '/staff/api/documents/:slug/revisions/:id', access: 'account', handler: 'documents.save' },
  {
    method: 'POST',
    path: '/staff/api/documents/:slug/revisions/:id/:action(submit|approve|return|publish)',
    access: 'account',
    handler: 'documents.step',
  },
] as const satisfies readonly RouteSpec[];

export type StaffHandlerName = (typeof STAFF_ROUTES)[number]['handler'];
export type DocumentHandlerName = Extract<StaffHandlerName, `documents.${string}`>;
