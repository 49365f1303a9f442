/**
 * Browser tests in Debian's headless Chromium. The dev server also answers the
 * test routes under /test-api/ (real HTTP failures: 404, 500, malformed JSON,
 * HTML instead of JSON, slow answers) and serves pages under packages/gongkai/test/pages/ with
 * a strict Content-Security-Policy. /api/ goes to a real gongkai-server (the bundle in
 * packages/server/dist, started here with a temporary SQLite database) through the demo
 * site's own proxy, as `pnpm start` does, so the demo page's forms and feeds are tested against it.
 */
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { build, buildSync } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { startServer as startReceiver } from './packages/server/support/harness.mjs';
import { proxy } from './examples/serve.mjs';
import { oneFile } from './scripts/build.mjs';

const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const root = fileURLToPath(new URL('.', import.meta.url));

const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'";

// The receiver for the demo page: killed when the test runner exits.
const receiver = await startReceiver({ config: { trustProxy: true } });
process.on('exit', () => receiver.child.kill('SIGKILL'));

const require = createRequire(import.meta.url);

/**
 * Old scripts the hostile pages (packages/gongkai/test/pages/hostile-*.html) load, from
 * the registry's own packages: jQuery 1.12.4, RequireJS, Prototype 1.7's language
 * extensions (the `prototype` package, CommonJS, bundled here into one classic script),
 * and an "old cached" copy of our own bundle that says it is version 0.0.9. Also the
 * one-file bundle built as `pnpm build` builds it but with html`…` and svg`…` templates
 * as written, for the template minifier's test (packages/gongkai/test/templates.test.ts).
 */
let asWritten;
const vendorScripts = {
  '/test-vendor/jquery.js': () => readFileSync(require.resolve('jquery/dist/jquery.js'), 'utf8'),
  '/test-vendor/require.js': () => readFileSync(require.resolve('requirejs/require.js'), 'utf8'),
  '/test-vendor/prototype.js': () =>
    buildSync({
      entryPoints: [require.resolve('prototype')],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      write: false,
      logLevel: 'error',
    }).outputFiles[0].text,
  '/test-vendor/gongkai-old.js': () => {
    const version = JSON.parse(
      readFileSync(new URL('./packages/gongkai/package.json', import.meta.url), 'utf8'),
    ).version;
    const bundle = readFileSync(new URL('./packages/gongkai/dist/gongkai.js', import.meta.url), 'utf8').replace(
      /\n\/\/# sourceMappingURL=.*$/,
      '',
    );
    const parts = bundle.split(JSON.stringify(version));
    if (parts.length !== 2)
      throw new Error(`expected the version "${version}" once in dist/gongkai.js, found it ${parts.length - 1} times`);
    return parts.join(JSON.stringify('0.0.9'));
  },
  '/test-vendor/gongkai-as-written.js': () =>
    (asWritten ??= build({ ...oneFile({ htmlTemplates: false }), outfile: 'gongkai.js', write: false }).then(
      (result) => result.outputFiles[0].text,
    )),
};

/** Every example document of every kind: the hostile pages render them all. */
function examplesList() {
  const elements = new URL('./packages/elements/src/', import.meta.url);
  const list = [];
  for (const folder of readdirSync(elements, { withFileTypes: true })) {
    if (!folder.isDirectory() || !existsSync(new URL(`${folder.name}/examples/`, elements))) continue;
    for (const file of readdirSync(new URL(`${folder.name}/examples/`, elements))
      .filter((name) => name.endsWith('.json'))
      .sort()) {
      const { kind } = JSON.parse(readFileSync(new URL(`${folder.name}/examples/${file}`, elements), 'utf8'));
      list.push({
        kind,
        path: `/packages/elements/src/${folder.name}/examples/${file}`,
        valid: !file.startsWith('invalid'),
      });
    }
  }
  return list;
}

const validDocument = readFileSync(
  new URL('./packages/elements/src/document/examples/full.json', import.meta.url),
  'utf8',
);
const flakySeen = new Set();
const submissions = new Map();

function readBody(context) {
  return new Promise((resolve) => {
    let body = '';
    context.req.on('data', (chunk) => (body += chunk));
    context.req.on('end', () => resolve(body));
  });
}

/** Routes a test can fetch. Each mimics something a real server does. */
function testApi(context) {
  const url = new URL(context.url, 'http://localhost');
  const send = (status, type, body) => {
    context.status = status;
    context.set('Content-Type', type);
    context.set('Cache-Control', 'no-store');
    context.body = body;
  };
  if (vendorScripts[url.pathname])
    return Promise.resolve(vendorScripts[url.pathname]()).then((script) =>
      send(200, 'text/javascript; charset=utf-8', script),
    );
  switch (url.pathname) {
    case '/test-api/examples.json':
      return send(200, 'application/json; charset=utf-8', JSON.stringify(examplesList()));
    case '/test-api/ok.json':
      return send(200, 'application/json; charset=utf-8', validDocument);
    case '/test-api/not-found.json':
      return send(404, 'text/plain', 'Not Found');
    case '/test-api/server-error.json':
      return send(500, 'text/plain', 'Internal Server Error');
    case '/test-api/malformed.json':
      return send(
        200,
        'application/json',
        '{\n  "kind": "document",\n  "version": 1,\n  "title": "缺逗号"\n  "issuer": "x"\n}',
      );
    case '/test-api/html-page.json':
      // A CMS that answers a missing file with its home page and status 200.
      return send(
        200,
        'text/html; charset=utf-8',
        '<!doctype html><html><head><title>首页</title></head><body>首页</body></html>',
      );
    case '/test-api/invalid.json':
      return send(
        200,
        'application/json',
        '{\n  "kind": "document",\n  "version": 1,\n  "title": "标题",\n  "issuer": "平罗县卫生和计划生育局",\n  "issued": "2018-04-20",\n  "status": "现行有效",\n  "attachments": [\n    { "name": "a", "format": "pdf", "size": "1.2MB", "url": "/a.pdf" }\n  ]\n}',
      );
    case '/test-api/slow.json': {
      const ms = Math.min(Number(url.searchParams.get('ms') ?? 2000), 10000);
      return new Promise((resolve) => setTimeout(resolve, ms)).then(() => send(200, 'application/json', validDocument));
    }
    case '/test-api/flaky.json': {
      // The first request for each ?key= fails with 503, later ones succeed (for the retry test).
      const key = url.searchParams.get('key') ?? '';
      const seen = flakySeen.has(key);
      flakySeen.add(key);
      return seen ? send(200, 'application/json', validDocument) : send(503, 'text/plain', 'Service Unavailable');
    }
    case '/test-api/items.ndjson': {
      // 30 records of a listing, one a line; line 8 is not JSON and line 15 names an unknown category.
      const lines = Array.from({ length: 30 }, (_, i) =>
        JSON.stringify({
          id: `r${i + 1}`,
          title: `第${i + 1}号行政许可`,
          category: i % 2 ? 'xk' : 'cf',
          date: `2018-0${(i % 9) + 1}-1${i % 9}`,
          kind: i % 2 ? '行政许可' : '行政处罚',
        }),
      );
      lines[7] = '{"id": "r8", "title": 缺引号}';
      lines[14] = JSON.stringify({ id: 'r15', title: '未知分类', category: 'nope', kind: '行政许可' });
      return send(200, 'application/x-ndjson; charset=utf-8', lines.join('\n') + '\n');
    }
    case '/test-api/submit': {
      // A form receiver: the same idempotency key gets the same tracking code, and counts once.
      return readBody(context).then((body) => {
        const key = context.get('idempotency-key') || JSON.parse(body || '{}')._idempotencyKey || '';
        if (!submissions.has(key)) submissions.set(key, `PL2018-${String(submissions.size + 1).padStart(4, '0')}`);
        send(200, 'application/json', JSON.stringify({ trackingCode: submissions.get(key), count: submissions.size }));
      });
    }
    case '/test-api/submit-count':
      return send(200, 'application/json', JSON.stringify({ count: submissions.size }));
    case '/test-api/status': {
      // A status lookup: two known applications, one still processing, one replied.
      const code = url.searchParams.get('code');
      const known = {
        'PL2018-00012': { code: 'PL2018-00012', step: 'processing', received: '2018-05-03', deadline: '2018-05-24' },
        'PL2018-00007': {
          code: 'PL2018-00007',
          step: 'replied',
          received: '2018-04-02',
          deadline: '2018-04-23',
          replied: '2018-04-20',
          outcome: '部分公开',
          reason: '部分内容涉及个人隐私，依据《政府信息公开条例》第十四条不予公开',
        },
      };
      return known[code]
        ? send(200, 'application/json', JSON.stringify(known[code]))
        : send(404, 'application/json', '{"error":"unknown code"}');
    }
    case '/test-api/submit-slow': {
      const ms = Math.min(Number(url.searchParams.get('ms') ?? 1000), 10000);
      return readBody(context)
        .then(() => new Promise((resolve) => setTimeout(resolve, ms)))
        .then(() => send(200, 'application/json', JSON.stringify({ trackingCode: 'PL2018-SLOW' })));
    }
    case '/test-api/submit-422':
      // gongkai-server's answer to a submission its compiled schema refuses (packages/server/src/errors.ts).
      return readBody(context).then(() =>
        send(
          422,
          'application/json; charset=utf-8',
          JSON.stringify({
            error: {
              code: 'invalid_submission',
              message: '提交的内容有 1 处问题，请修改后重新提交。',
              messageEn: 'The submission has 1 problem(s); please correct and send again.',
              issues: [
                {
                  path: 'phone',
                  message: '请填写 11 位手机号码（服务器检查）',
                  messageEn: 'an 11-digit mobile number (server check)',
                },
                { path: 'notAField', message: '不存在的字段', messageEn: 'no such field' },
              ],
            },
          }),
        ),
      );
    case '/test-api/submit-500':
      return readBody(context).then(() => send(500, 'application/json', '{"error":"database down"}'));
    default:
      return undefined;
  }
}

/**
 * `executeServerCommand('gk-screenshot', { name })`: with GK_SCREENSHOTS=1, saves what the
 * test page's screen shows as docs/images/phone/<name>.png (the phone tests make the docs'
 * pictures); otherwise answers false and saves nothing.
 */
function screenshotCommand() {
  return {
    name: 'gk-screenshot',
    async executeCommand({ command, payload, session }) {
      if (command !== 'gk-screenshot') return undefined;
      if (process.env.GK_SCREENSHOTS !== '1') return false;
      const name = String(payload?.name ?? '');
      if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`gk-screenshot: a plain file name, not "${name}"`);
      const folder = fileURLToPath(new URL('./docs/images/phone/', import.meta.url));
      mkdirSync(folder, { recursive: true });
      await session.browser.getPage(session.id).screenshot({ path: `${folder}${name}.png` });
      return true;
    },
  };
}

export default {
  rootDir: root,
  files: ['packages/*/test/**/*.test.ts', 'packages/elements/src/**/*.test.ts', 'examples/test/**/*.test.ts'],
  // gongkai-source: our packages resolve to their TypeScript sources (scripts/entries.mjs), as in tsc and Storybook.
  nodeResolve: { exportConditions: ['gongkai-source', 'browser', 'development'] },
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 300000,
  browserStartTimeout: 60000,
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.base.json', import.meta.url)),
    }),
    screenshotCommand(),
  ],
  middleware: [
    async function routes(context, next) {
      if (context.url.startsWith('/api/')) {
        // The demo site's own reverse proxy (examples/serve.mjs), answering on the raw response.
        context.respond = false;
        await new Promise((resolve) => {
          context.res.once('close', resolve);
          proxy(context.req, context.res, receiver.url);
        });
        return;
      }
      if (context.url.startsWith('/test-api/') || context.url.startsWith('/test-vendor/')) {
        const result = testApi(context);
        if (result) await result;
        if (context.body !== undefined) return;
      }
      await next();
      if (context.path.startsWith('/packages/gongkai/test/pages/')) {
        context.set('Content-Security-Policy', STRICT_CSP);
      }
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromium,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--lang=zh-CN',
        ],
      },
    }),
  ],
};

if (!existsSync(chromium)) {
  console.error(
    `Chromium not found at ${chromium}. Install it: sudo apt-get install -y chromium (or set CHROME_PATH).`,
  );
  process.exit(1);
}
