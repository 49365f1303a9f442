/**
 * The packages as npm would deliver them (run by `pnpm test` after `pnpm build`):
 * `pnpm pack` of each published package, installed from the tarballs into a fresh
 * Vite + TypeScript app outside the workspace, which type-checks its use of
 * gongkai/budget and gongkai/catalogue (and must fail on a wrong field), builds
 * with Vite and renders both in Chromium; then the CLI (validate, and import of a
 * small workbook: @gongkai/import is bundled into the CLI) and the server run from
 * the tarballs through npx.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ELEMENTS, KINDS, SOURCE_CONDITION } from '../entries.mjs';
import { entryFileProblems, expectedManifests } from '../manifests.mjs';
import { buildModule, createApp, packAll, removeApp, run, viteBuild, WORKSPACE } from './consumer.mjs';
import { functionalSheet } from '../../packages/import/support/budget-workbook.mjs';
import { xlsx } from '../../packages/import/support/xlsx-writer.mjs';

const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const VERSION = JSON.parse(readFileSync(join(WORKSPACE, 'packages/gongkai/package.json'), 'utf8')).version;
let work;
let app;
let tarballs;

/** Every file path in a tarball (without the leading package/). */
function contents(tarball) {
  return execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((path) => path.replace(/^package\//, ''));
}

/** The manifest inside a tarball (what pnpm pack made of package.json). */
function packedManifest(tarball) {
  return JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
}

/** Every file an export map can point to, for users (not the workspace's source condition). */
function targets(exports) {
  const found = [];
  const visit = (value, condition) => {
    if (condition === SOURCE_CONDITION) return;
    if (typeof value === 'string') found.push(value);
    else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) visit(inner, key);
  };
  visit(exports);
  return found;
}

describe(
  'the published packages, installed from their tarballs into a Vite + TypeScript app',
  { timeout: 600_000 },
  () => {
    before(() => {
      work = join(tmpdir(), `gongkai-consumer-test-${process.pid}`);
      tarballs = packAll(join(work, 'tarballs'));
      app = createApp({
        tarballs,
        dir: join(work, 'app'),
        extraFiles: { 'budget-only.js': "import 'gongkai/budget';\n" },
      });
    });
    after(() => {
      if (work && !process.env.KEEP_CONSUMER_APP) removeApp(work);
    });

    it('package.json exports and sideEffects are the ones scripts/entries.mjs makes, and its files exist', () => {
      assert.deepEqual(entryFileProblems(), []);
      for (const [dir, fields] of Object.entries(expectedManifests())) {
        const manifest = JSON.parse(readFileSync(join(WORKSPACE, 'packages', dir, 'package.json'), 'utf8'));
        for (const [key, value] of Object.entries(fields))
          assert.deepEqual(
            manifest[key],
            value,
            `packages/${dir}/package.json ${key}: run node scripts/manifests.mjs --write`,
          );
      }
    });

    it('each tarball holds compiled JavaScript and .d.ts, no TypeScript sources, and every file its exports name', () => {
      assert.deepEqual(Object.keys(tarballs).sort(), [
        '@gongkai/cli',
        '@gongkai/core',
        '@gongkai/elements',
        '@gongkai/server',
        'gongkai',
      ]);
      for (const [name, tarball] of Object.entries(tarballs)) {
        const files = contents(tarball);
        const manifest = packedManifest(tarball);
        assert.deepEqual(
          files.filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts')),
          [],
          `${name} ships .ts sources`,
        );
        assert.ok(manifest.engines?.node, `${name} has engines.node`);
        assert.ok(manifest.files?.length, `${name} has files`);
        for (const target of targets(manifest.exports)) {
          const path = target.replace(/^\.\//, '');
          if (path.includes('*')) {
            const prefix = path.slice(0, path.indexOf('*'));
            assert.ok(
              files.some((file) => file.startsWith(prefix)),
              `${name}: nothing under ${target}`,
            );
          } else assert.ok(files.includes(path), `${name}: ${target} is named in exports but not packed`);
        }
        // Every export that has code has types first (TypeScript takes the first condition that matches).
        for (const [subpath, value] of Object.entries(manifest.exports ?? {})) {
          if (typeof value !== 'object' || !value.default?.endsWith('.js')) continue;
          assert.ok(value.types?.endsWith('.d.ts'), `${name} ${subpath} has a types condition`);
          assert.ok(
            Object.keys(value).indexOf('types') < Object.keys(value).indexOf('default'),
            `${name} ${subpath}: types before default`,
          );
        }
        // workspace:* never reaches npm.
        for (const deps of [manifest.dependencies, manifest.peerDependencies]) {
          for (const [dep, range] of Object.entries(deps ?? {}))
            assert.ok(!String(range).startsWith('workspace:'), `${name} depends on ${dep}@${range}`);
        }
      }
      const gongkai = contents(tarballs.gongkai);
      for (const file of [
        'dist/gongkai.js',
        'dist/gongkai-provenance.js',
        'dist/react.d.ts',
        'dist/vue.d.ts',
        'dist/web-types.json',
        'dist/vscode.html-custom-data.json',
        'dist/custom-elements.json',
      ]) {
        assert.ok(gongkai.includes(file), `gongkai ships ${file}`);
      }
      for (const { name } of ELEMENTS)
        assert.ok(gongkai.includes(`dist/${name}.js`) && gongkai.includes(`dist/${name}.d.ts`), `gongkai/${name}`);
    });

    it("the editors' completion data lists every element with its attributes and values", () => {
      const vscode = JSON.parse(
        readFileSync(join(app, 'node_modules/gongkai/dist/vscode.html-custom-data.json'), 'utf8'),
      );
      const webTypes = JSON.parse(readFileSync(join(app, 'node_modules/gongkai/dist/web-types.json'), 'utf8'));
      const tags = ELEMENTS.map((element) => element.tag).sort();
      assert.deepEqual(vscode.tags.map((tag) => tag.name).sort(), tags);
      assert.deepEqual(webTypes.contributions.html.elements.map((element) => element.name).sort(), tags);
      const budget = vscode.tags.find((tag) => tag.name === 'gk-budget');
      assert.deepEqual(
        budget.attributes.find((a) => a.name === 'view').values.map((v) => v.name),
        ['treemap', 'bars', 'execution', 'years', 'sangong', 'debt', 'tables'],
      );
      assert.ok(budget.attributes.some((a) => a.name === 'heading-level'));
      const manifest = JSON.parse(readFileSync(join(app, 'node_modules/gongkai/package.json'), 'utf8'));
      assert.equal(manifest['web-types'], './dist/web-types.json');
    });

    it('type-checks the app (typed .data, events, tag names, React 19 JSX, Vue components)', () => {
      const { status, output } = run(
        process.execPath,
        [join(app, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'],
        { cwd: app, allowFailure: true },
      );
      assert.equal(status, 0, output);
    });

    it('refuses a budget with a field the schema does not have', () => {
      const { status, output } = run(
        process.execPath,
        [join(app, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.wrong.json'],
        { cwd: app, allowFailure: true },
      );
      assert.notEqual(status, 0, 'tsc accepted a budget with "titel"');
      assert.match(output, /src\/wrong\.ts\(\d+,\d+\): error TS\d+:.*'titel' does not exist in type/);
    });

    it('gongkai/budget, bundled by Vite or by esbuild, holds no other kind and no Markdown code', async () => {
      const { files } = await buildModule(app, 'budget-only.js', join(app, 'dist-budget-only'));
      const vite = files.map((file) => readFileSync(file, 'utf8')).join('\n');
      const { build } = await import('esbuild');
      const result = await build({
        entryPoints: [join(app, 'budget-only.js')],
        bundle: true,
        minify: true,
        format: 'esm',
        write: false,
        logLevel: 'error',
      });
      for (const [bundler, text] of [
        ['Vite', vite],
        ['esbuild', result.outputFiles[0].text],
      ]) {
        assert.match(text, /"budget\.[A-Za-z]+":/, `${bundler}: the budget messages are there`);
        for (const { prefix } of KINDS.filter(({ kind }) => kind !== 'budget')) {
          assert.doesNotMatch(
            text,
            new RegExp(`"${prefix}\\.[A-Za-z]+":`),
            `${bundler}: gongkai/budget carries the ${prefix} messages`,
          );
        }
        assert.ok(!text.includes('blockquoteStart'), `${bundler}: gongkai/budget carries marked`);
      }
    });

    it('every per-element entry, bundled by esbuild, holds its own kind (and those it renders or borrows messages from) and no other', async () => {
      const { build } = await import('esbuild');
      for (const { kind, uses = [], borrows = [] } of KINDS) {
        const result = await build({
          stdin: { contents: `import 'gongkai/${kind}';`, resolveDir: app, loader: 'js' },
          bundle: true,
          minify: true,
          format: 'esm',
          write: false,
          logLevel: 'error',
        });
        const text = result.outputFiles[0].text;
        const own = new Set([kind, ...uses, ...borrows]);
        for (const other of KINDS) {
          const holds = new RegExp(`"${other.prefix}\\.[A-Za-z]+":`).test(text);
          assert.equal(
            holds,
            own.has(other.kind),
            `gongkai/${kind} ${holds ? 'carries' : 'lacks'} the ${other.kind} messages`,
          );
        }
      }
    });

    it("gongkai/catalogue, bundled by Vite, holds marked's lexer and none of its HTML renderer, and its elements know their version", async () => {
      writeFileSync(join(app, 'catalogue-only.js'), "import 'gongkai/catalogue';\n");
      const { files } = await buildModule(app, 'catalogue-only.js', join(app, 'dist-catalogue-only'));
      const text = files.map((file) => readFileSync(file, 'utf8')).join('\n');
      assert.ok(text.includes('blockquoteStart'), "marked's block grammar is there");
      for (const marker of [
        '<pre><code class="language-',
        'disabled="" type="checkbox"',
        'Please report this to https://github.com/markedjs/marked.',
        'DOMPurify',
      ]) {
        assert.ok(!text.includes(marker), `the Vite build carries ${marker}`);
      }
      // The version a second copy names (base/define.ts) is written in when the packages are built, not left to a global.
      assert.ok(!text.includes('__GONGKAI_VERSION__'), 'the version define is left unresolved');
      assert.match(
        text,
        new RegExp(`["'\`]${VERSION.replaceAll('.', '\\.')}["'\`]`),
        `the version ${VERSION} is in the build`,
      );
    });

    it(
      'builds with Vite and renders <gk-budget> and <gk-catalogue> in Chromium',
      { skip: !existsSync(chromium) && `no Chromium at ${chromium}` },
      async () => {
        const dist = viteBuild(app);
        const server = await serve(dist, publishedBudget(readFileSync(join(dist, 'department-budget-2018.json'))));
        const { chromium: launcher } = await import('playwright-core');
        const browser = await launcher.launch({
          executablePath: chromium,
          headless: true,
          args: ['--no-sandbox', '--disable-gpu'],
        });
        try {
          const page = await browser.newPage();
          const errors = [];
          page.on('pageerror', (error) => errors.push(error.message));
          page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
          await page.goto(`http://127.0.0.1:${server.address().port}/`);
          await page.waitForFunction(
            () => {
              const tiles = (id) =>
                document.querySelector(`gk-budget#${id}`)?.shadowRoot?.querySelectorAll('svg.chart .mark').length ?? 0;
              const rows =
                document
                  .querySelector('gk-catalogue')
                  ?.shadowRoot?.querySelectorAll('tbody tr, [part~="card"], li.card, article').length ?? 0;
              const light = document.querySelector('gk-budget#light-elder');
              const lightTiles =
                light && !light.shadowRoot ? light.querySelectorAll('.gk-root svg .mark, .gk-root svg rect').length : 0;
              const provenance = (element) => (element?.shadowRoot ?? element)?.querySelector('[part~="verdict"]');
              const published =
                provenance(document.querySelector('#published')) &&
                provenance(document.querySelector('#published-light'));
              return tiles('from-src') > 0 && tiles('from-data') > 0 && lightTiles > 0 && rows > 0 && published;
            },
            undefined,
            { timeout: 60_000 },
          );
          const state = await page.evaluate(() => ({
            title: document.body.dataset.budgetTitle,
            catalogueError: document.body.dataset.catalogueError,
            budgetHeading: document.querySelector('gk-budget#from-src').shadowRoot.querySelector('h2')?.textContent,
            catalogueHeading: document.querySelector('gk-catalogue').shadowRoot.querySelector('h2')?.textContent,
            // The catalogue's description is Markdown: marked's lexer, loaded on first use (scripts/lazy-deps.mjs), parsed it.
            catalogueProse: document.querySelector('gk-catalogue').shadowRoot.querySelector('.prose p')?.textContent,
            defined: ['gk-budget', 'gk-catalogue', 'gk-document', 'gk-form'].map((tag) =>
              Boolean(customElements.get(tag)),
            ),
            version: customElements.get('gk-budget').gongkaiVersion,
            // Light DOM (pointer reading) and elder mode: the heading is the element's own child, in elder mode's large type.
            lightHeading: document.querySelector('gk-budget#light-elder > .gk-root h2')?.textContent,
            elderFontPx: parseFloat(
              getComputedStyle(document.querySelector('gk-budget#light-elder > .gk-root')).fontSize,
            ),
            // The provenance block, loaded as its own chunk for a published src, with its styles, in a shadow root and in light DOM.
            published: ['#published', '#published-light'].map((id) => {
              const element = document.querySelector(id);
              const block = (element.shadowRoot ?? element).querySelector('[part~="provenance"]');
              return {
                text: block.textContent.replace(/\s+/g, ' '),
                border: getComputedStyle(block).borderTopWidth,
                light: !element.shadowRoot,
              };
            }),
            chunks: performance
              .getEntriesByType('resource')
              .map((entry) => new URL(entry.name).pathname)
              .filter((path) => path.includes('provenance')),
          }));
          assert.equal(state.title, '平罗县示例部门2018年部门预算', 'the typed gk-load listener ran');
          assert.equal(state.catalogueError, undefined);
          assert.match(state.budgetHeading ?? '', /2018年部门预算/);
          assert.match(state.catalogueHeading ?? '', /主动公开基本目录/);
          assert.match(state.catalogueProse ?? '', /依据/);
          // Only what the page imported is registered.
          assert.deepEqual(state.defined, [true, true, false, false]);
          assert.equal(state.version, VERSION);
          assert.match(state.lightHeading ?? '', /2018年部门预算/);
          assert.ok(state.elderFontPx >= 21, `elder mode's type is ${state.elderFontPx}px`);
          for (const [i, block] of state.published.entries()) {
            assert.equal(block.light, i === 1);
            assert.match(block.text, /第 1 版/);
            assert.match(block.text, /未能核验：此版本没有签名。/);
            assert.equal(block.border, '1px', "the block's own styles apply");
          }
          assert.equal(state.chunks.length, 1, `one chunk for the provenance block: ${state.chunks}`);
          assert.deepEqual(errors, []);
        } finally {
          await browser.close();
          server.close();
        }
      },
    );

    it('runs gongkai-server --help and gongkai validate from the tarballs (npx)', () => {
      const npx = (args) => run('npx', ['--offline', ...args], { cwd: app, allowFailure: true });
      const help = npx(['gongkai-server', '--help']);
      assert.equal(help.status, 0, help.output);
      assert.match(help.output, /gongkai-server/);
      assert.match(help.output, /--config/);
      const valid = npx(['gongkai', 'validate', 'public/department-budget-2018.json', 'public/proactive-2018.json']);
      assert.equal(valid.status, 0, valid.output);
      writeFileSync(
        join(app, 'public/wrong.json'),
        JSON.stringify({ kind: 'budget', version: 1, titel: 'x' }, null, 2),
      );
      const wrong = npx(['gongkai', 'validate', '--lang', 'en', 'public/wrong.json']);
      assert.equal(wrong.status, 1, wrong.output);
      assert.match(wrong.output, /wrong\.json:\d+:\d+\s+titel\s/);
    });

    it('runs gongkai import budget on a small 万元 workbook from the CLI tarball (npx), and its output validates', () => {
      // The 一般公共预算支出表 of the budget example, as the finance bureau lays it out (title rows, unit line, merged headers).
      const example = JSON.parse(readFileSync(join(app, 'public/department-budget-2018.json'), 'utf8'));
      writeFileSync(join(app, 'public/budget.xlsx'), xlsx([functionalSheet(example)]));
      const imported = run('npx', ['--offline', 'gongkai', 'import', 'budget', 'public/budget.xlsx'], {
        cwd: app,
        allowFailure: true,
      });
      assert.equal(imported.status, 0, imported.output);
      const doc = JSON.parse(imported.stdout);
      assert.equal(doc.kind, 'budget');
      assert.equal(doc.unit, '万元');
      assert.deepEqual(
        doc.functional.map((item) => item.code),
        example.functional.map((item) => item.code),
      );
      writeFileSync(join(app, 'public/imported.json'), imported.stdout);
      const valid = run('npx', ['--offline', 'gongkai', 'validate', 'public/imported.json'], {
        cwd: app,
        allowFailure: true,
      });
      assert.equal(valid.status, 0, valid.output);
    });
  },
);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** A budget as gongkai-server publishes it (/d/<slug>.json and its history.json), unsigned: what the provenance block reads. */
function publishedBudget(bytes) {
  const at = '2026-12-07T02:00:00.000Z';
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const version = {
    version: 1,
    publishedAt: at,
    major: true,
    changeNote: null,
    sha256,
    reviewed: true,
    reviewer: '预算股',
    unreviewedReason: null,
    signature: null,
  };
  const history = {
    slug: 'budget-2018',
    title: '2018年部门预算',
    office: '平罗县财政局',
    publisher: '平罗县财政局',
    firstPublished: at,
    updated: at,
    latest: 1,
    versions: [version],
  };
  return { '/d/budget-2018.json': bytes, '/d/budget-2018/history.json': Buffer.from(JSON.stringify(history)) };
}

function serve(root, routes = {}) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (Object.hasOwn(routes, path)) {
      response.writeHead(200, { 'content-type': TYPES['.json'] }).end(routes[path]);
      return;
    }
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
