#!/usr/bin/env node
/**
 * The demo county site's static file server. No dependencies: node:http and node:fs.
 *
 *   node examples/serve.mjs [--port N]      (else env PORT, else 8080; env HOST, else 127.0.0.1;
 *                                            env GONGKAI_API: the gongkai-server to pass /api/ to)
 *
 * It serves the repository root, but only what the demo needs:
 *   /examples/                  the demo pages, their CSS, data and placeholder files
 *   /packages/gongkai/dist/     the built library
 *   /packages/elements/src/     the elements' example documents (.json files only)
 *   /packages/core/schemas/     the JSON Schemas the example documents point to with "$schema"
 *   /api/, /staff/, /studio/, /d/, /.well-known/gongkai-keys.json   passed to gongkai-server (`api`), see proxy()
 *                               below; without it, /studio/ is the built studio (packages/studio/dist) on its own, saving locally
 * Everything else is 404. Only GET and HEAD, but for what goes to the receiver. Every response carries the strict
 * Content-Security-Policy the library promises to work under: no inline scripts or styles.
 *
 * `pnpm start` (scripts/start.mjs) starts gongkai-server and this server in front of it.
 * For tests: `import { startServer } from './serve.mjs'` and `startServer({ port: 0, api })`.
 */
import { createServer, request as httpRequest } from 'node:http';
import { createReadStream, realpathSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join, posix, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: examples/.. */
export const ROOT = realpathSync(fileURLToPath(new URL('..', import.meta.url)));

export const SECURITY_HEADERS = Object.freeze({
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
});

/** URL prefixes that may be served; `only` restricts the file extensions below a prefix. */
const ALLOWED = [
  { prefix: '/examples/' },
  { prefix: '/packages/gongkai/dist/' },
  { prefix: '/packages/elements/src/', only: ['.json'] },
  { prefix: '/packages/core/schemas/' },
  { prefix: '/packages/studio/dist/' },
];

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.pdf': 'application/pdf',
  '.ofd': 'application/ofd',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.zip': 'application/zip',
};

/** Starts the server and returns it (already listening, or about to: listen for 'listening'). */
export function startServer({ port = 8080, host = '127.0.0.1', api } = {}) {
  const server = createServer((req, res) => {
    handle(req, res, api).catch((error) => {
      console.error('[serve]', error);
      if (!res.headersSent) sendPage(req, res, 500, '服务器内部错误', '读取文件时出错。');
      else res.destroy();
    });
  });
  server.listen(port, host);
  return server;
}

/**
 * The forms on the demo page send to /api/forms/… on this origin. With `api`
 * (the address of a running gongkai-server, as `pnpm start` starts one), /api/
 * /staff/, the published documents under /d/ and the well-known key list
 * (/.well-known/gongkai-keys.json) are passed to it unchanged, with the reader's address in
 * X-Forwarded-For; without it they answer 503 in the receiver's own error shape,
 * so a form says the service is unavailable and keeps what was typed.
 */
const PROXIED = /^\/(?:api|staff|studio|d)(?:\/|$)|^\/\.well-known\/gongkai-keys\.json$/;

/** Passes one request to the receiver at `api` and its answer back (also used by the browser tests' server). */
export function proxy(req, res, api) {
  const target = new URL(req.url ?? '/', api);
  // As nginx with `proxy_set_header Host $host`: the receiver sees the page's own host, so a form on this page is same-origin to it.
  const headers = { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '' };
  const upstream = httpRequest(target, { method: req.method, headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => receiverUnavailable(res));
  req.pipe(upstream);
}

/** With no receiver, the studio is served from its built folder (it then opens and saves files locally). */
function serveStudio(req, res) {
  const url = req.url ?? '/';
  if (/^\/studio(?:\?|$)/.test(url)) {
    redirect(req, res, '/studio/');
    return;
  }
  req.url = url.replace(/^\/studio\//, '/packages/studio/dist/');
  handle(req, res, undefined).catch(() => res.destroy());
}

function receiverUnavailable(res) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(503, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Retry-After': '30',
  });
  res.end(
    JSON.stringify({
      error: {
        code: 'receiver_unavailable',
        message: '表单接收服务暂时无法访问，请稍后再试。您填写的内容仍保留在页面上。',
        messageEn: 'The form service is unavailable. Please try again later; what you typed is still on the page.',
      },
    }),
  );
}

async function handle(req, res, api) {
  if (PROXIED.test(req.url ?? '')) {
    if (api) proxy(req, res, api);
    else if (/^\/studio(?:\/|$)/.test(req.url ?? '')) serveStudio(req, res);
    else {
      req.resume();
      receiverUnavailable(res);
    }
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendPage(req, res, 405, '不支持的请求方法', '本演示服务器只接受 GET 和 HEAD 请求。', { Allow: 'GET, HEAD' });
    return;
  }

  const target = resolveRequestPath(req.url ?? '');
  if (target.status) {
    sendPage(req, res, target.status, target.title, target.message);
    return;
  }
  const { pathname } = target;

  if (pathname === '/' || pathname === '/examples') {
    redirect(req, res, '/examples/');
    return;
  }

  const rule = ALLOWED.find((r) => pathname.startsWith(r.prefix));
  if (!rule) {
    notFound(req, res, pathname);
    return;
  }

  // Map to the file system; symlinks must not lead out of the allowed folder.
  let file = join(ROOT, ...pathname.split('/').filter(Boolean));
  let info;
  try {
    const base = await realpath(join(ROOT, rule.prefix));
    file = await realpath(file);
    if (file !== base && !file.startsWith(base + sep)) throw new Error('outside the allowed folder');
    info = await stat(file);
  } catch {
    notFound(req, res, pathname);
    return;
  }

  if (info.isDirectory()) {
    if (!pathname.endsWith('/')) {
      // Relative links in the index must resolve against the directory.
      redirect(req, res, `${pathname}/${target.search}`);
      return;
    }
    file = join(file, 'index.html');
    try {
      info = await stat(file);
    } catch {
      notFound(req, res, pathname);
      return;
    }
  }

  const ext = extname(file).toLowerCase();
  if (!info.isFile() || (rule.only && !rule.only.includes(ext))) {
    notFound(req, res, pathname);
    return;
  }

  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Last-Modified': info.mtime.toUTCString(),
    // A demo for editors: an edited JSON file must show on the next reload.
    'Cache-Control': 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/**
 * The request path, decoded and checked. `..` anywhere (plain or percent-encoded),
 * backslashes, NUL bytes and dot-files are refused before the path is normalized.
 */
export function resolveRequestPath(rawUrl) {
  const bad = { status: 400, title: '请求地址无效', message: '请求的地址格式不正确。' };
  if (!rawUrl.startsWith('/')) return bad;
  const queryAt = rawUrl.search(/[?#]/);
  const rawPath = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
  const search = queryAt === -1 ? '' : rawUrl.slice(queryAt).replace(/#.*$/, '');
  let decoded;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return bad;
  }
  if (/[\\\0]/.test(decoded)) return bad;
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return bad;
  // Dot-files (.git, .env, .DS_Store) are never served.
  if (segments.some((s) => s.startsWith('.'))) return { status: 404, title: '页面不存在', message: '' };
  const pathname = posix.normalize(decoded);
  if (!pathname.startsWith('/') || pathname.includes('..')) return bad;
  return { pathname, search };
}

function redirect(req, res, location) {
  res.writeHead(302, { ...SECURITY_HEADERS, Location: location, 'Content-Length': 0 });
  res.end();
}

function notFound(req, res, pathname) {
  sendPage(req, res, 404, '页面不存在', `没有找到地址 ${pathname} 对应的页面或文件。`);
}

function sendPage(req, res, status, title, message, extraHeaders = {}) {
  const body = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${status} ${escapeHtml(title)}</title>
<link rel="icon" href="/examples/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/examples/site.css">
</head>
<body>
<main class="error-page">
<h1>${status} ${escapeHtml(title)}</h1>
${message ? `<p>${escapeHtml(message)}</p>` : ''}
<p><a href="/examples/">返回政务公开演示页面</a></p>
</main>
</body>
</html>
`;
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...extraHeaders,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function parsePort(argv, env) {
  const index = argv.findIndex((a) => a === '--port' || a.startsWith('--port='));
  const raw = index === -1 ? env.PORT : argv[index].includes('=') ? argv[index].split('=')[1] : argv[index + 1];
  if (raw === undefined || raw === '') return 8080;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`gongkai demo: invalid port "${raw}"`);
    process.exit(2);
  }
  return port;
}

function isMain() {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const host = process.env.HOST || '127.0.0.1';
  const api = process.env.GONGKAI_API || undefined;
  const server = startServer({ port: parsePort(process.argv.slice(2), process.env), host, api });
  server.on('listening', () => {
    const { port } = server.address();
    const shown = host.includes(':') ? `[${host}]` : host;
    console.log(
      `gongkai demo: http://${shown}:${port}/examples/${api ? ` (forms → ${api})` : ' (no form receiver: set GONGKAI_API, or use pnpm start)'}`,
    );
  });
  server.on('error', (error) => {
    console.error(error.code === 'EADDRINUSE' ? `gongkai demo: port ${error.port} is in use; try --port N` : error);
    process.exit(1);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
