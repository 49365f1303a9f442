#!/usr/bin/env node
/**
 * `pnpm studio`: the built studio (dist/) on a plain static server, as any web
 * host would serve it, with the same strict Content-Security-Policy as
 * gongkai-server's staff page. No receiver: files are opened and saved locally
 * and drafts stay in the browser.
 *
 *   node packages/studio/serve.mjs [--port N]   (env PORT, else 5174; HOST, else 127.0.0.1)
 *
 * For tests: `import { startStudioServer } from './serve.mjs'`.
 */
import { createServer } from 'node:http';
import { createReadStream, existsSync, realpathSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DIST = fileURLToPath(new URL('./dist/', import.meta.url));

/** The staff page's policy (packages/server/src/staff.ts PAGE_CSP). */
export const STUDIO_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
};

export function startStudioServer({ port = 5174, host = '127.0.0.1', dir = DIST } = {}) {
  const root = realpathSync(dir);
  const server = createServer(async (req, res) => {
    const headers = {
      'Content-Security-Policy': STUDIO_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    };
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400, headers).end();
      return;
    }
    if (pathname === '/' || pathname === '/studio') {
      res.writeHead(302, { ...headers, Location: '/studio/' }).end();
      return;
    }
    const relative = pathname.startsWith('/studio/') ? pathname.slice('/studio/'.length) : pathname.slice(1);
    if (relative.split('/').some((part) => part === '..' || part.startsWith('.'))) {
      res.writeHead(404, headers).end();
      return;
    }
    let file = join(root, relative || 'index.html');
    try {
      file = realpathSync(file);
      if (!file.startsWith(root + sep) && file !== root) throw new Error('outside');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const info = await stat(file);
      res.writeHead(200, {
        ...headers,
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': info.size,
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('404');
    }
  });
  server.listen(port, host);
  return server;
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error('packages/studio/dist is missing: run pnpm build first.');
    process.exit(1);
  }
  const index = process.argv.indexOf('--port');
  const port = Number(index > 0 ? process.argv[index + 1] : process.env.PORT || 5174);
  const host = process.env.HOST || '127.0.0.1';
  const server = startStudioServer({ port, host });
  server.on('listening', () => console.log(`gongkai studio: http://${host}:${server.address().port}/studio/`));
}
