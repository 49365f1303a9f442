/**
 * The editors' app (packages/studio, built by `pnpm build` into packages/studio/dist),
 * as static files under the staff page's strict CSP, at /studio/ (and /t/<org>/studio/:
 * the same files for every organisation). Its routes are in the staff route table
 * (staff/route-table.ts), which hands this the file's path. The studio finds the
 * staff API at ../staff/api/ (relative, so under /t/<org>/ its organisation's) and
 * saves documents there; signing in is the staff page's. Hashed assets are cached
 * for good, index.html is revalidated.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HttpError } from './errors.js';
import { PAGE_CSP } from './staff-page.js';

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

/** Sends the file at `relative` (a path inside the studio's folder, "" for index.html); 404 for anything else. */
export type StudioHandler = (req: IncomingMessage, res: ServerResponse, relative: string) => Promise<void>;

export function createStudio(dir = DEFAULT_STUDIO_DIR): StudioHandler {
  return async function serveStudio(req, res, path) {
    let relative: string;
    try {
      relative = decodeURIComponent(path) || 'index.html';
    } catch {
      throw new HttpError(404, 'not_found');
    }
    if (
      relative.split('/').some((part) => part === '' || part === '..' || part.startsWith('.')) ||
      /[\\\0]/.test(relative)
    )
      throw new HttpError(404, 'not_found');
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
    res.end(req.method === 'HEAD' ? undefined : await readFile(file));
  };
}
