/**
 * A published document on a citizen's page, in a real browser (Debian's Chromium through
 * playwright-core), once with SQLite and once with PostgreSQL: write → submit →
 * self-approval refused → another account approves → a correction approved → the page's
 * <gk-budget src="/d/…"> shows the new figures, "发布于 … · 更新于 …", its 修订记录, what
 * changed ("2018年预算数 210 卫生健康支出：1.2亿元 → 1.3亿元") and "已核验". Then each way
 * the check can fail, with its own message: a tampered byte, a wrong pinned key, a missing
 * signature, a browser without Ed25519 — the document itself shown every time. Then the
 * document is withdrawn and the page says so, with the reason. axe, keyboard, 320 px, print.
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import {
  addUser,
  documentBody,
  eachStorage,
  login,
  signingKeys,
  smallBudget,
  staffClient,
  tempDir,
} from '../support/harness.mjs';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=zh-CN',
];
const require = createRequire(import.meta.url);
const PASSWORD = 'a long enough password';
const DOC = '/staff/api/documents';

/** A page of the county site on the server's origin, with the library from /staff/gongkai.js, under a strict CSP. */
function pageHtml(element) {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>部门预算</title>
<script type="module" src="/staff/gongkai.js"></script></head><body><main><h1>部门预算公开</h1>${element}</main></body></html>`;
}

eachStorage((backend) => {
  let server;
  let browser;
  let axeSource;

  before(async () => {
    assert.ok(existsSync(CHROME), `Chromium not found at ${CHROME} (apt-get install chromium, or set CHROME_PATH)`);
    const dir = tempDir();
    server = await backend.start({
      dir,
      config: { signingKeys: await signingKeys(dir), staff: { login: null, owner: '平罗县卫生健康局' } },
    });
    await addUser(server, 'zhang', PASSWORD, { office: '医政科', role: 'reviewer' });
    await addUser(server, 'liu', PASSWORD, { office: '医政科', role: 'reviewer' });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROME, headless: true, args: ARGS });
    axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A page showing `element`; `routes` fulfil other addresses of the page's origin. */
  async function open(element, { routes = {}, init, viewport = { width: 1000, height: 900 } } = {}) {
    const page = await browser.newPage({ viewport });
    const problems = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    if (init) await page.addInitScript(init);
    await page.route(`${server.url}/page.html`, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: {
          'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'",
        },
        body: pageHtml(element),
      }),
    );
    for (const [prefix, handler] of Object.entries(routes)) await page.route(`${server.url}${prefix}**`, handler);
    await page.goto(`${server.url}/page.html`);
    return { page, problems };
  }

  const shadowText = (page, selector) =>
    page.evaluate(
      (s) =>
        document.querySelector('gk-budget').shadowRoot.querySelector(s)?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      selector,
    );
  const verdictOf = async (page) => {
    await page.waitForFunction(
      () => {
        const el = document.querySelector('gk-budget')?.shadowRoot?.querySelector('[data-verdict]');
        return el && el.dataset.verdict;
      },
      undefined,
      { timeout: 20_000 },
    );
    return page.evaluate(
      () => document.querySelector('gk-budget').shadowRoot.querySelector('[data-verdict]').dataset.verdict,
    );
  };
  /** The page's copy of a URL, passed through a change of its body. */
  const rewrite = (prefix, change) => async (route) => {
    const path = new URL(route.request().url()).pathname.slice(prefix.length);
    const response = await fetch(`${server.url}${path}`);
    const body = change(path, Buffer.from(await response.arrayBuffer()));
    await route.fulfill({
      status: response.status,
      contentType: response.headers.get('content-type') ?? 'application/json',
      body,
    });
  };
  /** The page's copy of history.json, changed by `edit` (the document and the keys pass as they are). */
  const rewriteHistory = (prefix, edit) =>
    rewrite(prefix, (path, body) => {
      if (!path.endsWith('/history.json')) return body;
      const history = JSON.parse(body.toString('utf8'));
      edit(history);
      return Buffer.from(JSON.stringify(history));
    });

  test(
    'write → submit → self-approval refused → another approves → the page shows the figures, history and 已核验',
    { timeout: 120_000 },
    async () => {
      const zhang = staffClient(server.url, (await login(server.url, 'zhang', PASSWORD)).cookie);
      const liu = staffClient(server.url, (await login(server.url, 'liu', PASSWORD)).cookie);
      const created = await zhang.post(DOC, documentBody(smallBudget(12000), { slug: 'budget-2018' }));
      assert.equal(created.status, 201, created.text);
      const id = created.body.revision.id;
      assert.equal((await zhang.post(`${DOC}/budget-2018/revisions/${id}/submit`, {})).status, 200);
      const own = await zhang.post(`${DOC}/budget-2018/revisions/${id}/approve`, {});
      assert.equal(own.status, 403);
      assert.equal(own.body.error.code, 'self_review');
      assert.equal((await liu.post(`${DOC}/budget-2018/revisions/${id}/approve`, {})).status, 200);
      // A correction, major, with its note: 12,000 万元 → 13,000 万元.
      const second = await zhang.post(
        `${DOC}/budget-2018/revisions`,
        documentBody(smallBudget(13000), { changeNote: '更正卫生健康支出预算数', major: true }),
      );
      await zhang.post(`${DOC}/budget-2018/revisions/${second.body.revision.id}/submit`, {});
      assert.equal(
        (await liu.post(`${DOC}/budget-2018/revisions/${second.body.revision.id}/approve`, {})).body.version,
        2,
      );

      const { page, problems } = await open('<gk-budget src="/d/budget-2018.json" view="tables"></gk-budget>');
      assert.equal(await verdictOf(page), 'verified');
      assert.equal(
        await shadowText(page, '[data-verdict]'),
        '已核验：由平罗县卫生健康局发布，经医政科审核 签名密钥 ' +
          (await page.evaluate(() =>
            document.querySelector('gk-budget').shadowRoot.querySelector('.key').textContent.replace('签名密钥 ', ''),
          )),
      );
      // The new figure in the document itself.
      assert.match(await page.evaluate(() => document.querySelector('gk-budget').shadowRoot.textContent), /13,000\.00/);
      await page.waitForFunction(() => document.querySelector('gk-budget').shadowRoot.querySelector('.changes li'));
      assert.equal(await shadowText(page, '.changes li'), '2018年预算数 210 卫生健康支出：1.2亿元 →改为 1.3亿元');
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })
        .format(new Date())
        .split('-')
        .map(Number);
      assert.equal(
        await shadowText(page, '.dates'),
        `发布于 ${today[0]}年${today[1]}月${today[2]}日 · 更新于 ${today[0]}年${today[1]}月${today[2]}日 · 第 2 版`,
      );
      // The revision list: behind a button, reachable and opened by the keyboard.
      assert.equal(
        await page.evaluate(() => document.querySelector('gk-budget').shadowRoot.querySelector('ol.history').hidden),
        true,
      );
      await page.evaluate(() =>
        document.querySelector('gk-budget').shadowRoot.querySelector('.history-toggle').focus(),
      );
      await page.keyboard.press('Enter');
      assert.equal(
        await page.evaluate(() =>
          document.querySelector('gk-budget').shadowRoot.querySelector('.history-toggle').getAttribute('aria-expanded'),
        ),
        'true',
      );
      const items = await page.evaluate(() =>
        [...document.querySelector('gk-budget').shadowRoot.querySelectorAll('ol.history li')].map((li) =>
          li.textContent.replace(/\s+/g, ' ').trim(),
        ),
      );
      assert.equal(items.length, 2);
      assert.match(items[0], /第 2 版 · 重大更新：更正卫生健康支出预算数/);
      assert.match(items[1], /第 1 版 · 重大更新：首次发布/);
      // axe on the page with the block open.
      await page.evaluate(axeSource);
      const result = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
      assert.deepEqual(
        result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        [],
        'axe finds nothing, of any impact',
      );
      // Printed: the list is on paper even when closed on screen.
      await page.keyboard.press('Enter');
      await page.emulateMedia({ media: 'print' });
      assert.equal(
        await page.evaluate(
          () => getComputedStyle(document.querySelector('gk-budget').shadowRoot.querySelector('ol.history')).display,
        ),
        'block',
      );
      await page.emulateMedia({ media: 'screen' });
      // 320 px: nothing wider than the screen.
      await page.setViewportSize({ width: 320, height: 640 });
      assert.ok(
        (await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth)) <= 0,
        'fits 320 px',
      );
      // An older version, by its own address: checked too, and says a newer one exists.
      const old = await open('<gk-budget src="/d/budget-2018/v1.json" view="tables"></gk-budget>');
      assert.equal(await verdictOf(old.page), 'verified');
      assert.match(await shadowText(old.page, '.provenance'), /您看到的是第 1 版，最新为第 2 版/);
      // The bureau's 主动公开 listing: <gk-catalogue> over the feed, its 审核程序 from the workflow.
      const listing = await open('<gk-catalogue src="/api/documents/catalogue"></gk-catalogue>');
      await listing.page.waitForFunction(
        () => /审核后发布/.test(document.querySelector('gk-catalogue')?.shadowRoot?.textContent ?? ''),
        undefined,
        { timeout: 20_000 },
      );
      const listed = await listing.page.evaluate(() =>
        document.querySelector('gk-catalogue').shadowRoot.textContent.replace(/\s+/g, ' '),
      );
      assert.match(listed, /平罗县卫生健康局2018年部门预算/);
      assert.match(listed, /医政科拟稿，医政科审核后发布（\d{4}-\d{2}-\d{2}，第2版）/);
      assert.deepEqual([...problems, ...old.problems, ...listing.problems], []);
    },
  );

  test('a tampered byte shows 未能核验 (and the document)', { timeout: 60_000 }, async () => {
    const tamper = rewrite('/tampered', (path, body) =>
      path === '/d/budget-2018.json' ? Buffer.from(body.toString('utf8').replace('13000', '13900')) : body,
    );
    const { page, problems } = await open('<gk-budget src="/tampered/d/budget-2018.json" view="tables"></gk-budget>', {
      routes: { '/tampered/': tamper },
    });
    assert.equal(await verdictOf(page), 'tampered');
    assert.match(await shadowText(page, '[data-verdict]'), /^未能核验：数据与发布时不一致/);
    assert.match(
      await page.evaluate(() => document.querySelector('gk-budget').shadowRoot.textContent),
      /13,900\.00/,
      'the document is shown all the same',
    );
    assert.deepEqual(problems, []);
  });

  test(
    'a wrong pinned key, a missing signature and a browser without Ed25519 each say so',
    { timeout: 90_000 },
    async () => {
      const other = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x;
      const wrong = await open(
        `<gk-budget src="/d/budget-2018.json" view="tables" signing-key="${Buffer.from(other, 'base64url').toString('base64')}"></gk-budget>`,
      );
      assert.equal(await verdictOf(wrong.page), 'wrong-key');
      assert.equal(await shadowText(wrong.page, '[data-verdict]'), '未能核验：签名不是由本页指定的密钥所签。');

      const keys = (await (await fetch(`${server.url}/.well-known/gongkai-keys.json`)).json()).keys;
      const pinned = await open(
        `<gk-budget src="/d/budget-2018.json" view="tables" signing-key="${keys[0].publicKey}"></gk-budget>`,
      );
      assert.equal(await verdictOf(pinned.page), 'verified');
      assert.match(await shadowText(pinned.page, '.key'), /（本页指定）/);

      const strip = rewriteHistory('/unsigned', (history) => {
        for (const version of history.versions) version.signature = null;
      });
      const unsigned = await open('<gk-budget src="/unsigned/d/budget-2018.json" view="tables"></gk-budget>', {
        routes: { '/unsigned/': strip },
      });
      assert.equal(await verdictOf(unsigned.page), 'unsigned');
      assert.equal(await shadowText(unsigned.page, '[data-verdict]'), '未能核验：此版本没有签名。');

      // An algorithm this page does not check (SM2, say): cannot verify, never "verified".
      const sm2 = rewriteHistory('/sm2', (history) => {
        for (const version of history.versions) version.signature.alg = 'SM2';
      });
      const unknown = await open('<gk-budget src="/sm2/d/budget-2018.json" view="tables"></gk-budget>', {
        routes: { '/sm2/': sm2 },
      });
      assert.equal(await verdictOf(unknown.page), 'unsupported-alg');
      assert.equal(
        await shadowText(unknown.page, '[data-verdict]'),
        '无法核验：此版本使用 SM2 签名，本页面尚不支持核验该算法。',
      );

      // An older browser: its WebCrypto refuses Ed25519 keys (as before Chrome 137, Safari 17, Firefox 129).
      const init = () => {
        const importKey = crypto.subtle.importKey.bind(crypto.subtle);
        crypto.subtle.importKey = (format, data, algorithm, ...rest) =>
          algorithm && (algorithm === 'Ed25519' || algorithm.name === 'Ed25519')
            ? Promise.reject(new DOMException('Unrecognized name.', 'NotSupportedError'))
            : importKey(format, data, algorithm, ...rest);
      };
      const old = await open('<gk-budget src="/d/budget-2018.json" view="tables"></gk-budget>', { init });
      assert.equal(await verdictOf(old.page), 'unsupported');
      assert.match(await shadowText(old.page, '[data-verdict]'), /^无法核验：您的浏览器不支持 Ed25519 签名核验/);
      assert.doesNotMatch(await shadowText(old.page, '.provenance'), /已核验/);
      assert.match(
        await old.page.evaluate(() => document.querySelector('gk-budget').shadowRoot.textContent),
        /13,000\.00/,
      );
      assert.deepEqual(
        [...wrong.problems, ...pinned.problems, ...unsigned.problems, ...unknown.problems, ...old.problems],
        [],
      );
    },
  );

  test(
    "the names shown come from the signed statement: a rewritten history.json does not change them, and v1's signature served with v2 is refused",
    { timeout: 90_000 },
    async () => {
      // history.json names another publisher and reviewer: the page still shows the signed ones.
      const rename = rewriteHistory('/renamed', (history) => {
        history.publisher = '某某公司';
        for (const version of history.versions) version.reviewer = '某某公司';
      });
      const renamed = await open('<gk-budget src="/renamed/d/budget-2018.json" view="tables"></gk-budget>', {
        routes: { '/renamed/': rename },
      });
      assert.equal(await verdictOf(renamed.page), 'verified');
      assert.match(await shadowText(renamed.page, '[data-verdict]'), /^已核验：由平罗县卫生健康局发布，经医政科审核/);
      assert.doesNotMatch(await shadowText(renamed.page, '[data-verdict]'), /某某公司/);

      // The statement itself rewritten to name another reviewer: its signature no longer holds.
      const forge = rewriteHistory('/forged', (history) => {
        for (const version of history.versions)
          version.signature.statement = version.signature.statement.replace(
            '"reviewer":"医政科"',
            '"reviewer":"某某公司"',
          );
      });
      const forged = await open('<gk-budget src="/forged/d/budget-2018.json" view="tables"></gk-budget>', {
        routes: { '/forged/': forge },
      });
      assert.equal(await verdictOf(forged.page), 'bad-signature');
      assert.equal(await shadowText(forged.page, '[data-verdict]'), '未能核验：签名无效，数据或签名可能被改动。');

      // Version 1's (valid) signature put in version 2's place, the page loading version 2.
      const replay = rewriteHistory('/replayed', (history) => {
        const first = history.versions.find((v) => v.version === 1);
        history.versions.find((v) => v.version === 2).signature = first.signature;
      });
      const replayed = await open('<gk-budget src="/replayed/d/budget-2018/v2.json" view="tables"></gk-budget>', {
        routes: { '/replayed/': replay },
      });
      assert.equal(await verdictOf(replayed.page), 'mismatch');
      assert.equal(
        await shadowText(replayed.page, '[data-verdict]'),
        '未能核验：签名所对应的是“budget-2018”第 1 版，而本页载入的是“budget-2018”第 2 版，可能是用其他版本冒充。',
      );
      assert.doesNotMatch(await shadowText(replayed.page, '.provenance'), /已核验/);
      assert.deepEqual([...renamed.problems, ...forged.problems, ...replayed.problems], []);
    },
  );

  test('withdrawn: the page says the document was withdrawn, with the reason', { timeout: 60_000 }, async () => {
    const liu = staffClient(server.url, (await login(server.url, 'liu', PASSWORD)).cookie);
    assert.equal((await liu.post(`${DOC}/budget-2018/withdraw`, { reason: '数据有误，待重新审核' })).status, 200);
    const { page, problems } = await open('<gk-budget src="/d/budget-2018.json"></gk-budget>');
    await page.waitForFunction(() => document.querySelector('gk-budget').shadowRoot.querySelector('[role="alert"]'));
    assert.match(await shadowText(page, '[role="alert"]'), /已撤回.*数据有误，待重新审核/);
    assert.deepEqual(problems, []);
  });
});
