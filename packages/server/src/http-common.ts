/**
 * The checks and answers every part of the server shares (the citizens' API, the
 * feeds, the published documents, the staff side), written once: JSON answers with
 * the same safe headers, the body read up to a limit, the client's address, CORS for
 * the configured origins and preflight, same-origin for state-changing staff requests,
 * the JSON content type. (429 with Retry-After: limits.ts.)
 *
 * Nothing here holds global state: what a check needs (origins, trustProxy, the body
 * limit) is passed in, so a server may later keep one set per tenant.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from './errors.js';

export const JSON_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
};

/** Sends `body` as JSON (nothing for undefined) with the shared headers; `headers` win. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { ...JSON_HEADERS, ...headers, 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}

/** Reads a request body of at most `limit` bytes as UTF-8 (413 beyond it). */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit)
    return Promise.reject(new HttpError(413, 'payload_too_large', { limit }, { Connection: 'close' }));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        chunks.length = 0;
        reject(new HttpError(413, 'payload_too_large', { limit }, { Connection: 'close' }));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (error) => {
      if (!failed) reject(error);
    });
  });
}

/** The client's address: behind a trusted proxy the last X-Forwarded-For entry. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = String(req.headers['x-forwarded-for'] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (forwarded.length) return forwarded[forwarded.length - 1]!;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/** 415 unless the request says it is JSON (UTF-8 if it names a charset). */
export function requireJsonContentType(req: IncomingMessage, headers: Record<string, string> = {}): void {
  const [mime, ...params] = String(req.headers['content-type'] ?? '')
    .toLowerCase()
    .split(';')
    .map((s) => s.trim());
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  if (mime !== 'application/json' || (charset && charset !== 'utf-8' && charset !== 'utf8'))
    throw new HttpError(415, 'unsupported_media_type', {}, headers);
}

/** This server's own origins as the request names them: its Host and, behind a trusted proxy, X-Forwarded-Host. */
function ownHosts(req: IncomingMessage, trustProxy: boolean): string[] {
  return [
    req.headers.host,
    trustProxy
      ? String(req.headers['x-forwarded-host'] ?? '')
          .split(',')[0]!
          .trim()
      : undefined,
  ].filter((h): h is string => !!h);
}

export function isOwnOrigin(req: IncomingMessage, origin: string, trustProxy: boolean): boolean {
  return ownHosts(req, trustProxy).some((host) => origin === `http://${host}` || origin === `https://${host}`);
}

/** 403 for a request from another origin (Origin, or Sec-Fetch-Site: cross-site): the staff side's CSRF check. */
export function requireSameOrigin(req: IncomingMessage, trustProxy: boolean): void {
  const origin = req.headers.origin;
  if (origin && !isOwnOrigin(req, origin, trustProxy))
    throw new HttpError(403, 'origin_not_allowed', { origin: origin.slice(0, 200) });
  if (String(req.headers['sec-fetch-site'] ?? 'same-origin') === 'cross-site')
    throw new HttpError(403, 'origin_not_allowed', { origin: 'cross-site' });
}

/**
 * CORS headers for a request: for a configured origin, Allow-Origin (and the headers
 * the page may read); for this server's own origin, none; another origin is a 403.
 */
export function corsHeaders(
  req: IncomingMessage,
  origins: ReadonlySet<string>,
  expose = 'Retry-After, Idempotent-Replayed',
): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin) return {};
  if (origins.has(origin))
    return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': expose, Vary: 'Origin' };
  if (isOwnOrigin(req, origin, false)) return { Vary: 'Origin' };
  throw new HttpError(403, 'origin_not_allowed', { origin: origin.slice(0, 200) }, { Vary: 'Origin' });
}

/** Answers a CORS preflight: 204, with the allowed methods and headers for a configured origin. */
export function preflight(
  res: ServerResponse,
  cors: Record<string, string>,
  allow: string,
  allowHeaders: string,
): void {
  sendJson(res, 204, undefined, {
    ...cors,
    ...(cors['Access-Control-Allow-Origin']
      ? {
          'Access-Control-Allow-Methods': allow,
          'Access-Control-Allow-Headers': allowHeaders,
          'Access-Control-Max-Age': '600',
        }
      : {}),
    Allow: allow,
  });
}

/** 405 unless the method is one of `allow` ("GET, OPTIONS"; GET allows HEAD). */
export function allowMethods(req: IncomingMessage, allow: string, headers: Record<string, string> = {}): void {
  const method = req.method ?? 'GET';
  const allowed = allow.split(', ');
  if (allowed.includes(method) || (method === 'HEAD' && allowed.includes('GET'))) return;
  throw new HttpError(405, 'method_not_allowed', { method }, { Allow: allow, ...headers });
}

/** A JSON request body parsed to an object: 400 malformed_json, 422 when it is not an object. */
export function parseJsonObject(text: string): Record<string, unknown> {
  let body: unknown;
  try {
    body = text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, 'malformed_json', { detail: (error as Error).message });
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new HttpError(422, 'invalid_request', { count: 1 }, {}, [
      { path: '', message: '请求应为一个 JSON 对象', messageEn: 'the body must be a JSON object' },
    ]);
  return body as Record<string, unknown>;
}
