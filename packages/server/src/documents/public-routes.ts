/**
 * The published documents, as the elements read them (GET, HEAD, OPTIONS; CORS for the
 * configured origins):
 *
 *   /d/<slug>.json              the latest version's exact bytes (revalidated: no-cache + ETag)
 *   /d/<slug>/v<n>.json         version n: never changes, cached for a year (immutable)
 *   /d/<slug>/v<n>.json.sig     version n's detached signature envelope
 *   /d/<slug>/history.json      every version: published when, major or minor, change note, SHA-256, signature
 *   /.well-known/gongkai-keys.json   the public keys that sign them
 *   /api/documents/catalogue?office=  every published document as a `catalogue` (feed.ts): the 主动公开 listing
 *
 * A withdrawn document (撤回) answers 410 with its reason at each of its URLs. The table of
 * these URLs is PUBLISHED_ROUTES (router.ts); an organisation served under /t/<org>/ has them there.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sha256Hex } from './signing.js';
import { HttpError } from '../errors.js';
import { allowMethods, corsHeaders, preflight, sendJson } from '../http-common.js';
import type { DocumentRecord, DocumentStorage } from '../storage/document-types.js';
import { publishedCatalogue } from './feed.js';
import { BodyCache } from './body-cache.js';
import { publicHistory } from './history.js';
import type { KeyRing } from './signing.js';
import { Router, type RouteSpec } from '../router.js';

export const KEYS_PATH = '/.well-known/gongkai-keys.json';
export const CATALOGUE_PATH = '/api/documents/catalogue';

export const PUBLISHED_ROUTES = [
  { method: 'GET', path: KEYS_PATH, access: 'public', handler: 'keys' },
  { method: 'GET', path: CATALOGUE_PATH, access: 'public', handler: 'catalogue' },
  { method: 'GET', path: '/d/:slug.json', access: 'public', handler: 'latest' },
  { method: 'GET', path: '/d/:slug/history.json', access: 'public', handler: 'history' },
  { method: 'GET', path: '/d/:slug/v:version.json', access: 'public', handler: 'version' },
  { method: 'GET', path: '/d/:slug/v:version.json.sig', access: 'public', handler: 'signature' },
] as const satisfies readonly RouteSpec[];
const router = new Router(PUBLISHED_ROUTES);
const EXPOSE = 'ETag, Gk-Version, Link';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

export function isPublishedPath(pathname: string): boolean {
  return pathname === KEYS_PATH || pathname === CATALOGUE_PATH || pathname.startsWith('/d/');
}

export interface PublishedDeps {
  documents: DocumentStorage;
  keys: KeyRing;
  origins: ReadonlySet<string>;
  publisher?: string;
  timeZone: string;
  /** The path the organisation is served under ("" or /t/<org>): its URLs in Link headers and the history. */
  base?: string;
  now?: () => Date;
}

/** A representation's ETag: its SHA-256, base64url, quoted. */
const etagOf = (sha256: string) => `"${Buffer.from(sha256, 'hex').toString('base64url')}"`;

/** What the reader holds, from If-None-Match: the SHA-256 (hex) of each of our ETags it names, or every version ('*'). */
function readerHolds(req: IncomingMessage): { any: boolean; digests: string[] } {
  const tags = String(req.headers['if-none-match'] ?? '')
    .split(',')
    .map((s) => s.trim().replace(/^W\//, ''));
  const digests = [];
  for (const tag of tags) {
    const bytes = /^"[A-Za-z0-9_-]{43}"$/.test(tag) ? Buffer.from(tag.slice(1, -1), 'base64url') : undefined;
    if (bytes?.length === 32) digests.push(bytes.toString('hex'));
  }
  return { any: tags.includes('*'), digests };
}

const SECURE = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
};

/** Sends `text` (null only when the reader holds it) as it is, with an ETag from its SHA-256; 304 when the reader has it. */
function sendExact(
  req: IncomingMessage,
  res: ServerResponse,
  text: string | Buffer | null,
  sha256: string,
  headers: Record<string, string>,
  holds = readerHolds(req),
): void {
  const common = { ...headers, ETag: etagOf(sha256), 'X-Content-Type-Options': 'nosniff' };
  if (holds.any || holds.digests.includes(sha256)) {
    res.writeHead(304, common);
    res.end();
    return;
  }
  if (text === null) throw new Error('published read without its text'); // a storage bug: answered 500, never an empty 200
  const body = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  res.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    ...SECURE,
    ...common,
    'Content-Length': String(body.length),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** 404 for a document never published, 410 with the reason for a withdrawn one; undefined when it may be served. */
function unavailable(
  res: ServerResponse,
  slug: string,
  document: Pick<DocumentRecord, 'latestVersion' | 'withdrawnAt' | 'withdrawnReason'> | undefined,
  cors: Record<string, string>,
): true | undefined {
  if (!document || document.latestVersion === null) throw new HttpError(404, 'unknown_document', { slug }, cors);
  if (!document.withdrawnAt) return undefined;
  const error = new HttpError(
    410,
    'withdrawn',
    { at: document.withdrawnAt.slice(0, 10), reason: document.withdrawnReason ?? '' },
    cors,
  ).body().error;
  sendJson(
    res,
    410,
    { error: { ...error, reason: document.withdrawnReason, withdrawnAt: document.withdrawnAt } },
    { ...cors, 'Cache-Control': REVALIDATE },
  );
  return true;
}

export function createPublished({
  documents,
  keys,
  origins,
  publisher,
  timeZone,
  base = '',
  now = () => new Date(),
}: PublishedDeps) {
  // The keys do not change while the server runs: written out and hashed once.
  const keysText = `${JSON.stringify(keys.publicDocument(), null, 2)}\n`;
  const keysSha256 = sha256Hex(keysText);
  const bodies = new BodyCache();
  return async function handlePublished(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const cors = corsHeaders(req, origins, EXPOSE);
    if (req.method === 'OPTIONS') return preflight(res, cors, 'GET, HEAD, OPTIONS', 'Accept, If-None-Match');
    allowMethods(req, 'GET, HEAD, OPTIONS', cors);

    const { route, params } = router.match('GET', pathname, cors);
    if (route.handler === 'keys') {
      return sendExact(req, res, keysText, keysSha256, { ...cors, 'Cache-Control': 'public, max-age=3600' });
    }
    if (route.handler === 'catalogue') {
      const office = new URL(req.url ?? '/', 'http://x').searchParams.get('office') || undefined;
      const list = await documents.list({ state: 'published', office, page: 1, pageSize: 500 });
      const published = [];
      for (const document of list.items) {
        const latest = await documents.publishedVersion(document.id, document.latestVersion!);
        if (latest) published.push({ document, latest });
      }
      const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(now());
      const text = `${JSON.stringify(publishedCatalogue(published, { publisher: publisher ?? office ?? '本单位', today, timeZone, base }), null, 2)}\n`;
      return sendExact(req, res, text, sha256Hex(text), { ...cors, 'Cache-Control': REVALIDATE });
    }
    const slug = params.slug;
    const sig = route.handler === 'signature';
    if (route.handler === 'history') {
      const document = await documents.bySlug(slug!);
      if (unavailable(res, slug!, document, cors)) return;
      const text = `${JSON.stringify(publicHistory(document!, await documents.publishedVersions(document!.id), publisher, base), null, 2)}\n`;
      return sendExact(req, res, text, sha256Hex(text), { ...cors, 'Cache-Control': REVALIDATE });
    }
    const number = params.version === undefined ? undefined : Number(params.version);
    const holds = readerHolds(req);
    const address = `${slug}/${number ?? 'latest'}`;
    const cached = sig ? undefined : bodies.get(address);
    // The text is read only when neither the reader nor this process holds it (a 304 needs the digest alone).
    const found = await documents.published(slug!, {
      version: number,
      withContent: !sig && !holds.any,
      known: cached ? [...holds.digests, cached.sha256] : holds.digests,
    });
    if (unavailable(res, slug!, found?.document, cors)) return;
    const version = found!.version;
    if (!version) throw new HttpError(404, 'unknown_document', { slug: `${slug}/v${number}` }, cors);
    const headers = {
      ...cors,
      'Gk-Version': String(version.number),
      Link: `<${base}/d/${slug}/history.json>; rel="version-history"`,
      'Cache-Control': number === undefined ? REVALIDATE : IMMUTABLE,
    };
    if (sig) {
      if (!version.signature) throw new HttpError(404, 'not_found', {}, cors);
      const text = `${version.signature}\n`;
      return sendExact(req, res, text, sha256Hex(text), headers, holds);
    }
    let body: Buffer | null = null;
    if (version.content !== null) bodies.set(address, version.sha256, (body = Buffer.from(version.content, 'utf8')));
    else if (cached?.sha256 === version.sha256) body = cached.body;
    return sendExact(req, res, body, version.sha256, headers, holds);
  };
}
