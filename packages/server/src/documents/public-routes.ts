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
 * A withdrawn document (撤回) answers 410 with its reason at each of its URLs.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sha256Hex } from './signing.js';
import { HttpError } from '../errors.js';
import { allowMethods, corsHeaders, preflight, sendJson } from '../http-common.js';
import type { DocumentStorage } from '../storage/document-types.js';
import { publishedCatalogue } from './feed.js';
import { publicHistory } from './history.js';
import type { KeyRing } from './signing.js';

const PATH = /^\/d\/([a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)(?:\.json|\/(history)\.json|\/v([1-9]\d{0,8})\.json(\.sig)?)$/;
export const KEYS_PATH = '/.well-known/gongkai-keys.json';
export const CATALOGUE_PATH = '/api/documents/catalogue';
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
  now?: () => Date;
}

/** Sends `text` as it is, with an ETag from its SHA-256; 304 when the reader has it. */
function sendExact(req: IncomingMessage, res: ServerResponse, text: string, sha256: string, headers: Record<string, string>): void {
  const etag = `"${Buffer.from(sha256, 'hex').toString('base64url')}"`;
  const common = { ...headers, ETag: etag, 'X-Content-Type-Options': 'nosniff' };
  const match = String(req.headers['if-none-match'] ?? '').split(',').map((s) => s.trim().replace(/^W\//, ''));
  if (match.includes(etag) || match.includes('*')) {
    res.writeHead(304, common);
    res.end();
    return;
  }
  const body = Buffer.from(text, 'utf8');
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'", 'Referrer-Policy': 'no-referrer', ...common, 'Content-Length': String(body.length) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

export function createPublished({ documents, keys, origins, publisher, timeZone, now = () => new Date() }: PublishedDeps) {
  return async function handlePublished(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const cors = corsHeaders(req, origins, EXPOSE);
    if (req.method === 'OPTIONS') return preflight(res, cors, 'GET, HEAD, OPTIONS', 'Accept, If-None-Match');
    allowMethods(req, 'GET, HEAD, OPTIONS', cors);

    if (pathname === KEYS_PATH) {
      const text = `${JSON.stringify(keys.publicDocument(), null, 2)}\n`;
      return sendExact(req, res, text, sha256Hex(text), { ...cors, 'Cache-Control': 'public, max-age=3600' });
    }
    if (pathname === CATALOGUE_PATH) {
      const office = new URL(req.url ?? '/', 'http://x').searchParams.get('office') || undefined;
      const list = await documents.list({ state: 'published', office, page: 1, pageSize: 500 });
      const published = [];
      for (const document of list.items) {
        const latest = await documents.publishedVersion(document.id, document.latestVersion!);
        if (latest) published.push({ document, latest });
      }
      const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(now());
      const text = `${JSON.stringify(publishedCatalogue(published, { publisher: publisher ?? office ?? '本单位', today, timeZone }), null, 2)}\n`;
      return sendExact(req, res, text, sha256Hex(text), { ...cors, 'Cache-Control': REVALIDATE });
    }
    const match = PATH.exec(pathname);
    if (!match) throw new HttpError(404, 'not_found', {}, cors);
    const [, slug, history, versionText, sig] = match;
    const found = await documents.published(slug!, versionText === undefined ? undefined : Number(versionText));
    const document = found?.document;
    if (!document || document.latestVersion === null) throw new HttpError(404, 'unknown_document', { slug: slug! }, cors);
    if (document.withdrawnAt) {
      const error = new HttpError(410, 'withdrawn', { at: document.withdrawnAt.slice(0, 10), reason: document.withdrawnReason ?? '' }, cors).body().error;
      return sendJson(res, 410, { error: { ...error, reason: document.withdrawnReason, withdrawnAt: document.withdrawnAt } }, { ...cors, 'Cache-Control': REVALIDATE });
    }
    const links = `</d/${document.slug}/history.json>; rel="version-history"`;
    if (history) {
      const body = publicHistory(document, await documents.publishedVersions(document.id), publisher);
      const text = `${JSON.stringify(body, null, 2)}\n`;
      return sendExact(req, res, text, sha256Hex(text), { ...cors, 'Cache-Control': REVALIDATE });
    }
    const number = versionText === undefined ? document.latestVersion : Number(versionText);
    const version = found.revision;
    if (!version) throw new HttpError(404, 'unknown_document', { slug: `${slug}/v${number}` }, cors);
    const headers = { ...cors, 'Gk-Version': String(number), Link: links, 'Cache-Control': versionText === undefined ? REVALIDATE : IMMUTABLE };
    if (sig) {
      if (!version.signature) throw new HttpError(404, 'not_found', {}, cors);
      const text = `${version.signature}\n`;
      return sendExact(req, res, text, sha256Hex(text), headers);
    }
    return sendExact(req, res, version.content, version.sha256, headers);
  };
}
