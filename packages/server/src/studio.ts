/**
 * GET /studio/: the editors' app (packages/studio, built by `pnpm build` into
 * packages/studio/dist), as static files under the staff page's strict CSP. The
 * studio finds this server's staff API at ../staff/api/ and saves documents
 * there; signing in is the staff page's. Hashed assets are cached for good,
 * index.html is revalidated.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HttpError } from './errors.js';
import { PAGE_CSP } from './staff/routes.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** From packages/server/dist/gongkai-server.mjs (or src/): packages/studio/dist. */
export const DEFAULT_STUDIO_DIR = fileURLToPath(new URL('../../studio/dist/', import.meta.url));

export function createStudio(dir = DEFAULT_STUDIO_DIR) {
  return async function handleStudio(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'method_not_allowed', { method }, { Allow: 'GET, HEAD' });
    if (url.pathname === '/studio') {
      res.writeHead(308, { Location: '/studio/', 'Content-Length': '0' });
      res.end();
      return;
    }
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname.slice('/studio/'.length)) || 'index.html';
    } catch {
      throw new HttpError(404, 'not_found');
    }
    if (relative.split('/').some((part) => part === '' || part === '..' || part.startsWith('.')) || /[\\\0]/.test(relative)) throw new HttpError(404, 'not_found');
    let file: string;
    let size: number;
    try {
      const root = await realpath(dir);
      file = await realpath(join(root, relative));
      if (!file.startsWith(root + sep)) throw new Error('outside');
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      size = info.size;
    } catch {
      throw new HttpError(404, 'not_found');
    }
    const hashed = /^assets\/.+-[\w-]{8,}\.\w+$/.test(relative);
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': String(size),
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Content-Security-Policy': PAGE_CSP,
      'X-Frame-Options': 'DENY',
    });
    res.end(method === 'HEAD' ? undefined : await readFile(file));
  };
}
