/**
 * A route table and its matcher: the staff side and the published documents are
 * dispatched only through their tables (staff/route-table.ts, documents/public-routes.ts),
 * so the table is the complete list of what they answer — the isolation test
 * (test/tenants.test.mjs) walks it, and a route cannot exist outside it.
 *
 * A path is literal text with parameters: `:id` (digits), `:slug` (a document's address
 * name), `:version` (1, 2, …), `:name` (a form's name, one segment), `:file` (a file's
 * path in a folder of static files, segments of letters, digits and `_.%-`; its handler
 * refuses `..` and hidden names) or `:param(a|b|c)` (one of the words listed). GET routes answer HEAD too.
 */
import { HttpError } from './errors.js';

export type Method = 'GET' | 'POST' | 'PUT';

export interface RouteSpec<Handler extends string = string> {
  method: Method;
  path: string;
  /** Who may call it: anyone, or a signed-in account of the organisation the URL is for. */
  access: 'public' | 'account';
  /** The name of its handler in the module that serves the table. */
  handler: Handler;
}

const PARAMETERS: Record<string, string> = {
  id: '\\d{1,15}',
  slug: '[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?',
  version: '[1-9]\\d{0,8}',
  name: '[^/]+',
  file: '[\\w.%-]+(?:/[\\w.%-]+)*',
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The path's regular expression, parameters as named groups. */
export function pathPattern(path: string): RegExp {
  let source = '';
  let last = 0;
  for (const token of path.matchAll(/:([a-z]+)(?:\(([a-z|.-]+)\))?/g)) {
    source += escape(path.slice(last, token.index));
    const [, name, words] = token;
    const pattern = words ?? PARAMETERS[name!];
    if (!pattern) throw new Error(`route ${path}: unknown parameter :${name}`);
    source += `(?<${name}>${pattern})`;
    last = token.index! + token[0].length;
  }
  return new RegExp(`^${source}${escape(path.slice(last))}/?$`);
}

export interface Matched<Handler extends string> {
  route: RouteSpec<Handler>;
  params: Record<string, string>;
}

export class Router<Handler extends string> {
  private readonly compiled: Array<{ route: RouteSpec<Handler>; pattern: RegExp }>;

  constructor(readonly routes: readonly RouteSpec<Handler>[]) {
    this.compiled = routes.map((route) => ({ route, pattern: pathPattern(route.path) }));
  }

  /** The route for a method and path; 404 when no path matches, 405 (with Allow) when only the method does not. */
  match(method: string, pathname: string, headers: Record<string, string> = {}): Matched<Handler> {
    const allowed: string[] = [];
    for (const { route, pattern } of this.compiled) {
      const found = pattern.exec(pathname);
      if (!found) continue;
      if (route.method === method || (method === 'HEAD' && route.method === 'GET')) {
        const params: Record<string, string> = {};
        for (const [key, value] of Object.entries(found.groups ?? {})) params[key] = value;
        return { route, params };
      }
      if (!allowed.includes(route.method)) allowed.push(route.method);
    }
    if (allowed.length === 0) throw new HttpError(404, 'not_found', {}, headers);
    throw new HttpError(405, 'method_not_allowed', { method }, { Allow: allowed.join(', '), ...headers });
  }

  /** Whether some route's path matches (whatever the method). */
  has(pathname: string): boolean {
    return this.compiled.some(({ pattern }) => pattern.test(pathname));
  }
}
