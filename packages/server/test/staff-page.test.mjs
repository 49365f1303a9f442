/**
 * The staff page in a real browser (Debian's Chromium through playwright-core):
 * a citizen's message sent from the API, a member of staff signs in with the
 * keyboard, finds it in the <gk-catalogue> list, opens it, answers it with the
 * 答复 <gk-form>, and the citizen's status lookup and the published-replies feed
 * show the result. No CSP violation, nothing thrown, axe finds nothing serious.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import {
  addUser,
  exampleForms,
  get,
  mailbox,
  post,
  randomKey,
  runBinWithInput,
  startServer,
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
];
const require = createRequire(import.meta.url);

test('the staff page: sign in, find, open and answer a message, in a real browser', { timeout: 90_000 }, async (t) => {
  assert.ok(existsSync(CHROME), `Chromium not found at ${CHROME} (apt-get install chromium, or set CHROME_PATH)`);
  const { chromium } = await import('playwright-core');
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

  const server = await startServer();
  t.after(() => server.stop());
  await addUser(server.db, 'wangfang', 'correct horse battery staple', { office: '办公室', role: 'admin' });
  const key = randomKey();
  const sent = await post(
    `${server.url}/api/forms/mailbox`,
    mailbox(key, { subject: '门诊排队时间太长', body: '门诊排队时间太长，希望增加挂号窗口。我的电话是13912345678。' }),
    { 'Idempotency-Key': key },
  );
  assert.equal(sent.status, 201, sent.text);
  const code = sent.body.trackingCode;

  const browser = await chromium.launch({ executablePath: CHROME, headless: true, args: ARGS });
  t.after(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // A failed request is logged by the browser too; those are checked below by address instead.
    if (message.type() === 'error' && !/^Failed to load resource/.test(message.text()))
      problems.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    // The one refusal expected here is the deliberately wrong password.
    if (response.status() >= 400 && !(response.status() === 401 && response.url().endsWith('/staff/api/login')))
      problems.push(`HTTP ${response.status()} ${response.url()}`);
  });
  await page.goto(`${server.url}/staff/`);
  const csp = (await page.request.get(`${server.url}/staff/`)).headers()['content-security-policy'] ?? '';
  assert.match(csp, /default-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);

  // Sign in with the keyboard only.
  await page.locator('#login-name').waitFor();
  await page.focus('#login-name');
  await page.keyboard.type('wangfang');
  await page.keyboard.press('Tab');
  await page.keyboard.type('wrong password!');
  await page.keyboard.press('Enter');
  await page.locator('#login-error', { hasText: /./ }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'login-password');
  await page.fill('#login-password', 'correct horse battery staple');
  await page.keyboard.press('Enter');
  await page.locator('#work').waitFor({ state: 'visible' });
  // Focus moves once the signed-in view has loaded its lists, a moment after it shows.
  await page.waitForFunction(() => document.activeElement?.id === 'work-title', null, { timeout: 10_000 });
  assert.match(await page.textContent('#who'), /wangfang/);

  // The list is <gk-catalogue> over the staff feed: the message is there with its tracking code.
  const item = page.locator('gk-catalogue a', { hasText: '门诊排队时间太长' });
  await item.waitFor({ timeout: 15_000 });
  const listed = await page.evaluate(() => document.querySelector('gk-catalogue')?.shadowRoot?.textContent ?? '');
  // One search box on the page: the filters' (server-side, over everything); the list's own is hidden.
  const searchBoxes = await page.evaluate(() =>
    [
      ...document.querySelectorAll('input[type="search"]'),
      ...document.querySelector('gk-catalogue').shadowRoot.querySelectorAll('input[type="search"]'),
    ]
      .filter((input) => input.getClientRects().length > 0)
      .map((input) => input.id || input.name || 'catalogue'),
  );
  assert.deepEqual(searchBoxes, ['f-q']);
  assert.match(listed, /张三|待受理/, 'the list shows who sent it or its state');

  const axe = async (label) => {
    await page.evaluate(axeSource);
    const result = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(
      serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      [],
      `axe on ${label}`,
    );
  };
  await axe('the list');

  // Open it: staff see the personal data; the actions are <gk-form>s.
  await item.click();
  await page.locator('#detail').waitFor({ state: 'visible' });
  assert.match(await page.textContent('#detail-title'), new RegExp(code));
  assert.match(await page.textContent('#detail-fields'), /张三/);
  const reply = page.locator('gk-form[data-action="reply"]');
  await reply.locator('textarea[name="reply"]').waitFor();
  await axe('a message with its action forms');

  await reply.locator('textarea[name="reply"]').fill('已协调门诊增开两个挂号窗口，感谢您的建议。');
  await reply.locator('input[name="publish"][value="yes"]').check();
  await reply.locator('button[type="submit"]').click();
  await page.locator('#notice', { hasText: '已保存' }).waitFor();
  await page.locator('#detail-events', { hasText: /reply|答复/ }).waitFor();

  // What the citizen and the public see: the step, and the de-identified reply on the board.
  const status = await get(`${server.url}/api/forms/mailbox/status?code=${encodeURIComponent(code)}`);
  assert.equal(status.body.step, 'replied');
  assert.doesNotMatch(status.text, /张三|13912345678/);
  const board = await get(`${server.url}/api/forms/mailbox/replies`);
  assert.equal(board.body.kind, 'catalogue');
  assert.match(board.text, /增开两个挂号窗口/);
  assert.doesNotMatch(board.text, /13912345678|张三/);

  // The same message and its forms on a 320 px phone: nothing wider than the screen.
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the signed-in page is ${overflow} px wider than a 320 px screen`);

  // A 科室's staff account: the page says what it can see, and the message (answered, never forwarded to it) is not listed.
  await addUser(server.db, 'lisi', 'another horse battery staple', { office: '医政科' });
  const office = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  office.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await office.goto(`${server.url}/staff/`);
  await office.locator('#login-name').fill('lisi');
  await office.locator('#login-password').fill('another horse battery staple');
  await office.keyboard.press('Enter');
  await office.locator('#scope', { hasText: '只能看到转办至“医政科”的来件' }).waitFor();
  await office.getByText('共 0 件').waitFor({ timeout: 15_000 });
  assert.equal(await office.locator('gk-catalogue a', { hasText: '门诊排队时间太长' }).count(), 0);

  assert.deepEqual(problems, []);
});

test(
  'the staff page with no account yet, on a 320 px phone: says how to create one, fits, passes axe',
  { timeout: 60_000 },
  async (t) => {
    assert.ok(existsSync(CHROME), `Chromium not found at ${CHROME}`);
    const { chromium } = await import('playwright-core');
    const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    const server = await startServer();
    t.after(() => server.stop());
    const browser = await chromium.launch({ executablePath: CHROME, headless: true, args: ARGS });
    t.after(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    const problems = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    await page.goto(`${server.url}/staff/`);
    await page.locator('#no-accounts-title').waitFor();
    assert.match(await page.textContent('[role="alert"]'), /gongkai-server user add/);
    // No default account: there is nothing to sign in to, so no sign-in form is offered.
    assert.equal(await page.isVisible('#login'), false);
    const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than a 320 px screen`);
    await page.evaluate(axeSource);
    const result = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
    assert.deepEqual(
      result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      [],
    );
    assert.deepEqual(problems, []);
  },
);

test(
  'the staff page: the review queue, approve with the keyboard, return with a reason, the history, axe and 320 px',
  { timeout: 120_000 },
  async (t) => {
    assert.ok(existsSync(CHROME), `Chromium not found at ${CHROME}`);
    const { chromium } = await import('playwright-core');
    const { documentBody, login, signingKeys, smallBudget, staffClient, tempDir } =
      await import('../support/harness.mjs');
    const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    const dir = tempDir();
    const server = await startServer({
      dir,
      config: { signingKeys: await signingKeys(dir), staff: { login: null, owner: '平罗县卫生健康局' } },
    });
    t.after(() => server.stop());
    await addUser(server.db, 'li', 'correct horse battery staple', { office: '医政科', role: 'editor' });
    await addUser(server.db, 'zhang', 'correct horse battery staple', { office: '医政科', role: 'reviewer' });
    // The editor writes and submits two documents through the API (as the studio does).
    const li = staffClient(server.url, (await login(server.url, 'li', 'correct horse battery staple')).cookie);
    for (const [slug, amount] of [
      ['budget-2018', 12000],
      ['budget-2019', 9000],
    ]) {
      const created = await li.post(
        '/staff/api/documents',
        documentBody(smallBudget(amount, { title: `${slug} 部门预算` }), { slug }),
      );
      assert.equal(created.status, 201, created.text);
      assert.equal(
        (await li.post(`/staff/api/documents/${slug}/revisions/${created.body.revision.id}/submit`, {})).status,
        200,
      );
    }

    const browser = await chromium.launch({ executablePath: CHROME, headless: true, args: ARGS });
    t.after(() => browser.close());
    const problems = [];
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/^Failed to load resource/.test(message.text()))
        problems.push(`console: ${message.text()}`);
    });
    const axe = async (label) => {
      await page.evaluate(axeSource);
      const result = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
      assert.deepEqual(
        result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        [],
        `axe on ${label}`,
      );
    };

    // The editor's view: its documents, no review queue of its own work, no approve form.
    await page.goto(`${server.url}/staff/#docs`);
    await page.locator('#login-name').fill('li');
    await page.locator('#login-password').fill('correct horse battery staple');
    await page.keyboard.press('Enter');
    await page.locator('#docs', { hasText: '待审核' }).waitFor({ state: 'visible' });
    await page.locator('#doc-list a', { hasText: 'budget-2018 部门预算' }).waitFor();
    assert.equal(await page.isVisible('#queue-empty'), true);
    await page.locator('#doc-list a', { hasText: 'budget-2018 部门预算' }).click();
    await page.locator('#doc-detail').waitFor({ state: 'visible' });
    assert.equal(
      await page.locator('gk-form[data-action="approve"]').count(),
      0,
      'the author is never offered to approve',
    );
    await page.click('#logout');

    // The reviewer: signs in with the keyboard, finds the queue, approves one, returns the other.
    await page.locator('#login-name').waitFor({ state: 'visible' });
    await page.fill('#login-name', '');
    await page.focus('#login-name');
    await page.keyboard.type('zhang');
    await page.keyboard.press('Tab');
    await page.keyboard.type('correct horse battery staple');
    await page.keyboard.press('Enter');
    await page.locator('#who', { hasText: 'zhang' }).waitFor();
    await page.click('#nav-docs');
    const queued = page.locator('#queue a', { hasText: 'budget-2018 部门预算' });
    await queued.waitFor();
    await axe('the documents list and review queue');
    await queued.focus();
    await page.keyboard.press('Enter');
    await page.locator('#doc-detail').waitFor({ state: 'visible' });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'doc-title');
    const approve = page.locator('gk-form[data-action="approve"]');
    await approve.locator('input[name="confirm"]').waitFor();
    await axe('a submitted document with its review forms');
    await approve.locator('input[name="confirm"]').focus();
    await page.keyboard.press('Space');
    await approve.locator('button[type="submit"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('#notice', { hasText: '已办理：审核通过并发布' }).waitFor();
    await page.locator('#doc-versions li', { hasText: '第 1 版' }).waitFor();
    assert.match(await page.textContent('#doc-versions'), /医政科审核 · 已签名 ed25519-/);
    assert.match(await page.textContent('#doc-events'), /zhang 审核通过并发布（第 1 版）/);
    const published = await fetch(`${server.url}/d/budget-2018.json`);
    assert.equal(published.status, 200);

    await page.goto(`${server.url}/staff/#d=budget-2019`);
    const back = page.locator('gk-form[data-action="return"]');
    await back.locator('textarea[name="reason"]').waitFor();
    await back.locator('textarea[name="reason"]').fill('请补充2019年调整预算依据');
    await back.locator('button[type="submit"]').click();
    await page.locator('#doc-fields', { hasText: '请补充2019年调整预算依据' }).waitFor();
    assert.match(await page.textContent('#doc-title'), /已退回/);

    // 320 px: the documents page and one document fit.
    await page.setViewportSize({ width: 320, height: 640 });
    for (const hash of ['#docs', '#d=budget-2018']) {
      await page.goto(`${server.url}/staff/${hash}`);
      await page
        .locator(hash === '#docs' ? '#doc-list a' : '#doc-versions li')
        .first()
        .waitFor();
      const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${hash} is ${overflow} px wider than a 320 px screen`);
    }
    assert.deepEqual(problems, []);
  },
);

test(
  'an organisation’s staff page under /t/<org>/: its own letters only, and its action forms post to its own API',
  { timeout: 90_000 },
  async (t) => {
    assert.ok(existsSync(CHROME), `Chromium not found at ${CHROME}`);
    const { chromium } = await import('playwright-core');
    const dir = tempDir();
    const forms = exampleForms(dir);
    const organisations = { wjj: { name: '平罗县卫生健康局', forms, codePrefix: 'WJ' } };
    const server = await startServer({ dir, config: { organisations } });
    t.after(() => server.stop());
    const configFile = join(dir, 'wjj.json');
    writeFileSync(configFile, JSON.stringify({ forms, storage: server.storage, organisations }));
    const added = await runBinWithInput(
      ['user', 'add', 'zhaoliu', '--office', '办公室', '--role', 'admin', '--org', 'wjj', '--config', configFile],
      'correct horse battery staple\n',
    );
    assert.equal(added.code, 0, added.stderr);
    const ours = await post(`${server.url}/t/wjj/api/forms/mailbox`, mailbox(undefined, { subject: '卫健局的来信' }));
    await post(`${server.url}/api/forms/mailbox`, mailbox(undefined, { subject: '默认单位的来信' }));

    const browser = await chromium.launch({ executablePath: CHROME, headless: true, args: ARGS });
    t.after(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const problems = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.url()}`);
      else if (new URL(response.url()).pathname.startsWith('/staff/'))
        problems.push(`outside the organisation: ${response.url()}`);
    });
    await page.goto(`${server.url}/t/wjj/staff/`);
    await page.locator('#login-name').fill('zhaoliu');
    await page.locator('#login-password').fill('correct horse battery staple');
    await page.keyboard.press('Enter');
    const item = page.locator('gk-catalogue a', { hasText: '卫健局的来信' });
    await item.waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('gk-catalogue a', { hasText: '默认单位的来信' }).count(), 0);
    await item.click();
    await page.locator('#detail-title', { hasText: ours.body.trackingCode }).waitFor();
    const register = page.locator('gk-form[data-action="register"]');
    await register.locator('button[type="submit"]').waitFor();
    await register.locator('button[type="submit"]').click();
    await page.locator('#notice', { hasText: '已保存' }).waitFor();
    assert.equal(
      (await get(`${server.url}/t/wjj/api/forms/mailbox/status?code=${ours.body.trackingCode}`)).body.step,
      'registered',
    );
    assert.deepEqual(problems, []);
  },
);
