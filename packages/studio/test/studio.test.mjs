/**
 * The studio, built (packages/studio/dist) and served as editors get it: by a real
 * gongkai-server at /studio/ and by a plain static server, both under the strict
 * CSP; driven in headless Chromium with real key presses. Run `pnpm build` first.
 *
 * GONGKAI_SCREENSHOTS=1 also saves the screenshots of docs/studio.md to docs/images/.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addUser, exampleForms, runBinWithInput, startServer } from '../../server/support/harness.mjs';
import { budgetWorkbook } from '../../import/support/budget-workbook.mjs';
import { xlsx } from '../../import/support/xlsx-writer.mjs';
import { startStudioServer, STUDIO_CSP } from '../serve.mjs';
import {
  cursorLine,
  editorText,
  gotoLine,
  launch,
  lineOf,
  openStudio,
  problems,
  ROOT,
  screenshot,
  setEditorText,
  settled,
} from '../support/browser.mjs';
import { KINDS } from '../../../scripts/entries.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const cli = join(ROOT, 'packages/cli/bin/gongkai.mjs');
const budgetExample = JSON.parse(
  readFileSync(join(ROOT, 'packages/elements/src/budget/examples/department-budget-2018.json'), 'utf8'),
);
const work = mkdtempSync(join(tmpdir(), 'gk-studio-'));
const TEMPLATE = 'kind=budget&template=department-budget-2018.json';

assert.ok(
  existsSync(join(ROOT, 'packages/studio/dist/index.html')),
  'packages/studio/dist is missing: run pnpm build first',
);

let browser;
let receiver;
let staticServer;
let staticUrl;
const opened = [];

before(async () => {
  browser = await launch();
  receiver = await startServer();
  await addUser(receiver.db, 'zhangwei', 'correct horse battery staple', { office: '办公室', role: 'admin' });
  staticServer = startStudioServer({ port: 0 });
  await new Promise((resolve) => staticServer.on('listening', resolve));
  staticUrl = `http://127.0.0.1:${staticServer.address().port}`;
});

after(async () => {
  // No CSP violation and nothing thrown on any page any test opened.
  for (const { record, url } of opened) {
    assert.deepEqual(record.violations, [], `CSP violations on ${url}`);
    assert.deepEqual(record.errors, [], `errors thrown on ${url}`);
  }
  await browser?.close();
  await receiver?.stop();
  staticServer?.close();
  rmSync(work, { recursive: true, force: true });
});

async function open(base, query = `fresh&${TEMPLATE}`, options) {
  const url = `${base}/studio/?${query}`;
  const session = await openStudio(browser, url, options);
  opened.push({ ...session, url });
  await settled(session.page);
  return session;
}

/** What `gongkai validate` prints for a text: [{ line, col, path, message }]. */
function cliProblems(text) {
  const file = join(work, 'check.json');
  writeFileSync(file, text);
  const run = spawnSync(process.execPath, [cli, 'validate', file], {
    encoding: 'utf8',
    env: { ...process.env, GONGKAI_LANG: '' },
  });
  return run.stdout
    .split('\n')
    .filter((line) => line.startsWith(file))
    .map((line) => {
      const match = /^.*?:(\d+):(\d+) {2}(.*?) {2}(.*)$/.exec(line);
      return { line: Number(match[1]), col: Number(match[2]), path: match[3], message: match[4] };
    });
}

/** Waits until the preview element's own shadow root shows `text`. */
function previewShows(page, text) {
  return page.waitForFunction(
    (wanted) =>
      document
        .querySelector('gk-studio')
        .shadowRoot.querySelector('#preview-frame > *')
        ?.shadowRoot?.textContent.includes(wanted),
    text,
  );
}

async function axe(page, label) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    }),
  );
  const found = result.violations.map(
    (v) =>
      `${v.id}: ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  );
  assert.deepEqual(found, [], `axe (${label})`);
}

describe('the studio served by gongkai-server at /studio/', () => {
  test("answers with the staff page's strict CSP; assets are files", async () => {
    const page = await fetch(`${receiver.url}/studio/`);
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('content-security-policy'), STUDIO_CSP);
    const html = await page.text();
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
    assert.doesNotMatch(html, /<style|style=/, 'no inline style');
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    const asset = await fetch(`${receiver.url}/studio/${script}`);
    assert.equal(asset.status, 200);
    assert.match(asset.headers.get('content-type'), /^text\/javascript/);
    assert.equal((await fetch(`${receiver.url}/studio/../package.json`)).status, 404);
    assert.equal((await fetch(`${receiver.url}/studio/%2e%2e/%2e%2e/package.json`)).status, 404);
    const redirect = await fetch(`${receiver.url}/studio`, { redirect: 'manual' });
    assert.equal(redirect.status, 308);
  });

  test('completion offers a field with its Chinese description, typed with real keys', async () => {
    const { page } = await open(receiver.url);
    // Remove the "source" line: put the cursor on it, select the line, delete it.
    await gotoLine(page, await lineOf(page, '"source"'));
    // The line wraps on screen: Alt+L selects the whole line (CodeMirror's selectLine).
    await page.keyboard.press('Alt+l');
    await page.keyboard.press('Delete');
    assert.ok(!(await editorText(page)).includes('"source"'));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('"sou');
    const option = page.locator('gk-studio .cm-tooltip-autocomplete li', { hasText: 'source' });
    await option.waitFor();
    assert.match(await option.innerText(), /数据来源说明/);
    await screenshot(page, 'completion', { clip: { x: 0, y: 0, width: 1000, height: 560 } });
    // CodeMirror ignores Enter for a moment after the list opens (interactionDelay); a person is slower than that.
    await page.waitForTimeout(200);
    await page.keyboard.press('Enter');
    await page.keyboard.type('数据来源：县财政局');
    // The field panel explains the field under the cursor.
    await page.locator('gk-studio .help .description', { hasText: '数据来源说明' }).waitFor();
    await page.keyboard.press('End');
    await page.keyboard.type(',');
    await settled(page);
    assert.match(await editorText(page), /"source": "数据来源：县财政局",\n/);
    assert.deepEqual(await problems(page), []);
    // A field with a few allowed values: after its name, the values are offered.
    await gotoLine(page, await lineOf(page, '"stage"'));
    await page.keyboard.press('Alt+l');
    await page.keyboard.press('Delete');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('"stag');
    await page.locator('gk-studio .cm-tooltip-autocomplete li', { hasText: 'stage' }).waitFor();
    await page.waitForTimeout(200);
    await page.keyboard.press('Enter');
    const final = page.locator('gk-studio .cm-tooltip-autocomplete li', { hasText: '决算' }).first();
    await final.waitFor();
    assert.deepEqual(await page.locator('gk-studio .cm-tooltip-autocomplete li .cm-completionLabel').allInnerTexts(), [
      '预算',
      '调整预算',
      '决算',
    ]);
    await page.waitForTimeout(200);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.type(',');
    await settled(page);
    assert.match(await editorText(page), /"stage": "决算",\n/);
    // Hovering a field name shows its description too.
    const box = await page.locator('gk-studio .cm-line', { hasText: '"tolerance"' }).evaluate((line) => {
      const node = [...line.childNodes].find((n) => n.nodeType === 3 && n.textContent.includes('tolerance'));
      const range = document.createRange();
      const at = node.textContent.indexOf('tolerance');
      range.setStart(node, at);
      range.setEnd(node, at + 'tolerance'.length);
      const { x, y, width, height } = range.getBoundingClientRect();
      return { x, y, width, height };
    });
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.locator('gk-studio .cm-tooltip', { hasText: '合计校验的允许误差' }).waitFor();
  });

  test('a mistake is marked in Chinese, as `gongkai validate` says it, and the problem list jumps to it', async () => {
    const { page } = await open(receiver.url);
    const unitLine = await lineOf(page, '"unit"');
    await gotoLine(page, unitLine);
    await page.keyboard.press('End');
    // "unit": "万元",  →  "unit": "万",
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Backspace');
    await settled(page);
    const listed = await problems(page);
    const expected = cliProblems(await editorText(page));
    assert.equal(expected.length, 1);
    assert.deepEqual(
      listed,
      expected.map((p) => ({ where: `第 ${p.line} 行第 ${p.col} 列`, what: `${p.path}：${p.message}` })),
    );
    assert.match(listed[0].what, /^unit：/);
    assert.match(listed[0].what, /元/);
    // Marked in place, on the value, with the same message.
    assert.equal(await page.locator('gk-studio .cm-lintRange-error').innerText(), '"万"');
    await screenshot(page, 'problem');
    // Move away, then jump back from the list.
    await page.keyboard.press('Control+End');
    assert.notEqual(await cursorLine(page), unitLine);
    await page.locator('gk-studio .problems button').first().click();
    assert.equal(await cursorLine(page), unitLine);
    // The cursor is at the value: typing goes there.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('元');
    // Wait for the new check; then nothing is wrong any more.
    await page.waitForFunction(() => document.querySelector('gk-studio').shadowRoot.querySelector('.problems .ok'));
    assert.match(await editorText(page), /"unit": "万元"/);
  });

  test("columns agree with CodeMirror's UTF-16 positions on a line with emoji, astral CJK and CJK", async () => {
    const { page } = await open(receiver.url);
    const text = [
      '{',
      '  "kind": "budget", "version": 1,',
      '  "title": "😀𠮷县卫生健康局2018年部门预算", "department": "𠮷县卫生健康局", "stage": "预算书", "year": 2018,',
      '  "years": [2018], "unit": "万元", "published": "2018-02-09", "functional": []',
      '}',
    ].join('\n');
    await setEditorText(page, text);
    await settled(page);
    const [problem] = cliProblems(text);
    assert.equal(problem.path, 'stage');
    // The CLI's column counts UTF-16 units: 😀 and 𠮷 are two each.
    assert.equal(problem.col, text.split('\n')[2].indexOf('"预算书"') + 1);
    assert.deepEqual(await problems(page), [
      { where: `第 3 行第 ${problem.col} 列`, what: `stage：${problem.message}` },
    ]);
    assert.equal(await page.locator('gk-studio .cm-lintRange-error').innerText(), '"预算书"');
  });

  test('the preview is the real element, updated as the document is typed, at 375 px and 1024 px, in zh and en', async () => {
    const { page } = await open(receiver.url);
    await previewShows(page, '平罗县卫生和计划生育局2018年部门预算');
    assert.equal(
      await page.locator('gk-studio #preview-frame').evaluate((frame) => frame.getBoundingClientRect().width),
      375,
    );
    // Type into the title: the preview follows.
    await gotoLine(page, await lineOf(page, '"title"'));
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('（草稿）');
    await previewShows(page, '平罗县卫生和计划生育局2018年部门预算（草稿）');
    await screenshot(page, 'preview-phone');
    // A mistake shows as the element shows it on a page: its error box, with the line.
    await page.keyboard.press('End');
    await page.keyboard.type('x');
    await page.locator('gk-studio #preview-frame gk-budget [part="error"]').waitFor();
    assert.match(
      await page.locator('gk-studio #preview-frame gk-budget [part="error"]').innerText(),
      /第 \d+ 行第 \d+ 列/,
    );
    await page.keyboard.press('Backspace');
    await previewShows(page, '平罗县卫生和计划生育局2018年部门预算（草稿）');
    // English, at desktop width.
    await page.locator('gk-studio button', { hasText: 'English' }).click();
    await page.locator('gk-studio button', { hasText: '电脑 1024px' }).click();
    assert.equal(
      await page.locator('gk-studio #preview-frame').evaluate((frame) => frame.getBoundingClientRect().width),
      1024,
    );
    assert.equal(await page.locator('gk-studio #preview-frame gk-budget').getAttribute('lang'), 'en');
    await previewShows(page, 'Amounts in');
  });

  test('importing a budget workbook (merged headers, 万元) gives a valid document', async () => {
    const { page } = await open(receiver.url);
    const file = join(work, '平罗县卫生和计划生育局2018年部门预算公开表.xlsx');
    writeFileSync(file, budgetWorkbook(budgetExample));
    await page.locator('gk-studio button', { hasText: '从表格导入' }).click();
    await page.locator('gk-studio studio-import input[type=file]').setInputFiles(file);
    await page.locator('gk-studio studio-import h3', { hasText: '识别出的表' }).waitFor();
    const found = await page.locator('gk-studio studio-import li').allInnerTexts();
    assert.ok(found.includes('一般公共预算支出表：一般公共预算支出表（功能分类），37 行，单位 万元'), found.join('\n'));
    assert.ok(found.includes('“三公”经费支出表：“三公”经费支出表，2 行，单位 万元'), found.join('\n'));
    await axe(page, 'import dialog');
    await screenshot(page, 'import-budget');
    await page.locator('gk-studio studio-import button', { hasText: '使用导入结果' }).click();
    await page.waitForFunction(() => document.querySelector('gk-studio').shadowRoot.querySelector('.problems .ok'));
    const doc = JSON.parse(await editorText(page));
    assert.equal(doc.functional[0].values[0].budget, 13020.05);
    assert.equal(doc.functional[0].children[1].children[0].name, '综合医院');
    assert.deepEqual(cliProblems(await editorText(page)), []);
  });

  test('importing a catalogue sheet: the check step maps columns, shows a type that does not fit, and gives a valid document', async () => {
    const { page } = await open(receiver.url, 'fresh&kind=catalogue');
    const rows = [
      ['平罗县卫生和计划生育局政府信息公开目录'],
      ['序号', '信息名称', '类别', '发布日期', '责任科室', '公开时限', '审核程序', '发布平台', '金额'],
      [
        '1',
        '关于印发2018年工作要点的通知',
        '机构职能',
        { date: '2018-04-20' },
        '办公室',
        '20个工作日',
        '科室初审',
        '县政府网站',
        { n: '1234.5' },
      ],
      [
        '2',
        '卫生监督公示',
        '监督执法',
        { date: '2018-05-03' },
        '卫生监督所',
        '7个工作日',
        '局长审核',
        '县政府网站',
        'abc',
      ],
    ];
    const file = join(work, '公开目录.xlsx');
    writeFileSync(file, xlsx([{ name: '目录', rows, merges: ['A1:I1'] }]));
    await page.locator('gk-studio button', { hasText: '从表格导入' }).click();
    await page.locator('gk-studio studio-import input[type=file]').setInputFiles(file);
    const money = page.locator('gk-studio studio-import select[aria-label="第 9 列“金额”对应到"]');
    await money.waitFor();
    assert.equal(
      await page.locator('gk-studio studio-import select[aria-label="第 2 列“信息名称”对应到"]').inputValue(),
      'field:title',
    );
    assert.equal(
      await page.locator('gk-studio studio-import select[aria-label="第 4 列“发布日期”对应到"]').inputValue(),
      'field:date',
    );
    await money.selectOption('type:money');
    await page
      .locator('gk-studio studio-import li', { hasText: '目录!I4：“金额”应为金额（数字），实际为“abc”' })
      .waitFor();
    await screenshot(page, 'import-catalogue');
    await page.locator('gk-studio studio-import button', { hasText: '使用导入结果' }).click();
    await page.waitForFunction(() => document.querySelector('gk-studio').shadowRoot.querySelector('.problems .ok'));
    const doc = JSON.parse(await editorText(page));
    assert.equal(doc.kind, 'catalogue');
    assert.equal(doc.type, '主动公开');
    assert.equal(doc.items[0].col9, 1234.5);
    assert.equal(doc.items[1].col9, undefined);
    assert.equal(doc.items[0].date, '2018-04-20');
  });

  test('the grid: keyboard editing, and a block of cells pasted from Excel, in the same document as the JSON', async () => {
    const { page } = await open(receiver.url);
    await page.locator('gk-studio #tab-grid').click();
    const grid = page.locator('gk-studio studio-grid [role=treegrid]');
    await grid.waitFor();
    // The last 项 of the last 类: 2210201 住房公积金.
    await grid.locator('td', { hasText: '住房公积金' }).click();
    await page.keyboard.press('ArrowLeft');
    await page.locator('gk-studio studio-grid button', { hasText: '添加行' }).click();
    // Two rows as Excel copies them: tab-separated, a quoted cell with a line break.
    const block = '2210202\t"提租补贴\n（含物业补贴）"\t12.50\n2210203\t购房补贴\t"1,000.25"\n';
    await page.evaluate((text) => navigator.clipboard.writeText(text), block);
    await page.keyboard.press('Control+V');
    await page.locator('gk-studio studio-grid [role=status]', { hasText: '已粘贴 2 行 3 列' }).waitFor();
    await settled(page);
    const doc = JSON.parse(await editorText(page));
    const housing = doc.functional.find((item) => item.code === '221').children[0];
    assert.deepEqual(
      housing.children.map((item) => [item.code, item.name, item.values[0].budget]),
      [
        ['2210201', '住房公积金', 589.83],
        ['2210202', '提租补贴 （含物业补贴）', 12.5],
        ['2210203', '购房补贴', 1000.25],
      ],
    );
    // The sum checks show at once: 22102 and 221 no longer add up.
    await page.locator('gk-studio studio-grid td.mismatch', { hasText: '下级合计 1602.58' }).first().waitFor();
    await screenshot(page, 'grid');
    // Keyboard: arrows, Enter to edit, type, Enter to commit; Escape cancels. From 2210202's code to 2210203's name:
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('取消的修改');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('购房补贴（一次性）');
    await page.keyboard.press('Enter');
    await settled(page);
    const text = await editorText(page);
    assert.match(text, /"name": "购房补贴（一次性）"/);
    assert.doesNotMatch(text, /取消的修改/);
    // Edits in the JSON show in the grid.
    await page.locator('gk-studio #tab-json').click();
    await setEditorText(page, text.replace('"购房补贴（一次性）"', '"购房补贴（改自 JSON）"'));
    await page.locator('gk-studio #tab-grid').click();
    await grid.locator('td', { hasText: '购房补贴（改自 JSON）' }).waitFor();
    // Indent, outdent and remove, from the toolbar: 2210203 under 2210202, back, then gone.
    const row = () => grid.locator('tr', { hasText: '购房补贴（改自 JSON）' });
    await row().locator('td').nth(1).click();
    await page.locator('gk-studio studio-grid button', { hasText: '降一级' }).click();
    await settled(page);
    assert.equal(await row().getAttribute('aria-level'), '4');
    assert.equal(JSON.parse(await editorText(page)).functional[2].children[0].children[1].children[0].code, '2210203');
    await page.locator('gk-studio studio-grid button', { hasText: '升一级' }).click();
    await settled(page);
    assert.equal(await row().getAttribute('aria-level'), '3');
    await page.locator('gk-studio studio-grid button', { hasText: '删除行' }).click();
    await settled(page);
    assert.equal(await row().count(), 0);
    assert.doesNotMatch(await editorText(page), /2210203/);
    await axe(page, 'grid');
  });

  test('axe finds nothing on the studio; every kind opens from its template with its own element', async () => {
    const { page } = await open(receiver.url);
    await axe(page, 'editor');
    const kinds = await page
      .locator('gk-studio select')
      .first()
      .evaluate((select) => [...select.options].map((option) => option.value));
    assert.deepEqual(
      kinds,
      KINDS.map(({ kind }) => kind),
    );
    for (const kind of kinds.filter((k) => k !== 'budget')) {
      await page.locator('gk-studio select').first().selectOption(kind);
      await page.locator(`gk-studio #preview-frame gk-${kind}`).waitFor({ state: 'attached' });
      await page.waitForFunction(() => document.querySelector('gk-studio').shadowRoot.querySelector('.problems .ok'));
      assert.equal(JSON.parse(await editorText(page)).kind, kind);
    }
  });

  test('save to the receiver: sign in, save a draft; the documents API has it', async () => {
    const { page } = await open(receiver.url);
    await page.locator('gk-studio input[name=name]').fill('zhangwei');
    await page.locator('gk-studio input[name=password]').fill('correct horse battery staple');
    await page.locator('gk-studio button', { hasText: '登录接收端' }).click();
    await page.locator('gk-studio .handoff', { hasText: '已登录为 zhangwei' }).waitFor();
    // The receiver has the documents API (issue 16): the studio offers to save there.
    assert.equal(await page.evaluate(async () => (await fetch('../staff/api/documents?pageSize=1')).status), 200);
    await page.locator('gk-studio input[placeholder="如 budget-2018"]').fill('budget-2018');
    await page.locator('gk-studio button', { hasText: '保存草稿到接收端' }).click();
    await page.locator('gk-studio .handoff [role=status]', { hasText: '已保存为草稿' }).waitFor();
    const stored = await page.evaluate(async () => (await fetch('../staff/api/documents/budget-2018')).json());
    assert.equal(stored.open.state, 'draft');
    assert.equal(stored.open.contentText, await editorText(page));
  });
});

describe('the studio of one organisation of a platform, at /t/<org>/studio/', () => {
  let platform;
  before(async () => {
    const config = {
      forms: undefined,
      organisations: { wjj: { name: '平罗县卫生健康局', forms: exampleForms(work) } },
    };
    platform = await startServer({ dir: work, config });
    const configFile = join(work, 'platform.json');
    writeFileSync(configFile, JSON.stringify({ ...config, storage: platform.storage }));
    const added = await runBinWithInput(
      ['user', 'add', 'lina', '--office', '办公室', '--role', 'admin', '--org', 'wjj', '--config', configFile],
      'correct horse battery staple\n',
    );
    assert.equal(added.code, 0, added.stderr);
  });
  after(() => platform?.stop());

  test("signs in and saves to its own organisation's documents API", async () => {
    const { page } = await open(`${platform.url}/t/wjj`);
    await page.locator('gk-studio input[name=name]').fill('lina');
    await page.locator('gk-studio input[name=password]').fill('correct horse battery staple');
    await page.locator('gk-studio button', { hasText: '登录接收端' }).click();
    await page.locator('gk-studio .handoff', { hasText: '已登录为 lina' }).waitFor();
    await page.locator('gk-studio input[placeholder="如 budget-2018"]').fill('budget-2018');
    await page.locator('gk-studio button', { hasText: '保存草稿到接收端' }).click();
    await page.locator('gk-studio .handoff [role=status]', { hasText: '已保存为草稿' }).waitFor();
    // The draft is wjj's, read back with the session the studio signed in with (its cookie's Path is /t/wjj/staff).
    const stored = await page.evaluate(async () => {
      const response = await fetch('/t/wjj/staff/api/documents/budget-2018');
      return { status: response.status, body: await response.json() };
    });
    assert.equal(stored.status, 200);
    assert.equal(stored.body.open.state, 'draft');
    assert.equal(stored.body.open.contentText, await editorText(page));
  });
});

describe('the studio from a static host (no receiver)', () => {
  test('opens, keeps a draft in the browser, saves the JSON as a file and copies the embed snippet', async () => {
    const { page, context } = await open(staticUrl);
    assert.equal((await fetch(`${staticUrl}/studio/`)).headers.get('content-security-policy'), STUDIO_CSP);
    await page.locator('gk-studio .handoff', { hasText: '没有连接 gongkai-server' }).waitFor();
    // Edit, then reload: the draft is back.
    const text = (await editorText(page)).replace('"平罗县卫生和计划生育局2018年部门预算"', '"草稿标题"');
    await setEditorText(page, text);
    await page.waitForTimeout(1200);
    const again = await context.newPage();
    await again.goto(`${staticUrl}/studio/?kind=budget`);
    await again.waitForSelector('gk-studio .cm-content');
    assert.match(await editorText(again), /"草稿标题"/);
    assert.match(await again.locator('gk-studio .status').innerText(), /已恢复浏览器中保存的草稿/);
    await again.close();
    // Save: a download where the File System Access API is not offered (removed here, as in Firefox and Safari).
    await page.evaluate(() => {
      delete window.showSaveFilePicker;
      window.showSaveFilePicker = undefined;
    });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('gk-studio button', { hasText: '保存 JSON' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'department-budget-2018.json');
    const saved = readFileSync(await download.path(), 'utf8');
    assert.equal(saved, `${text}`.endsWith('\n') ? text : `${text}\n`);
    // The embed snippet, copied to the clipboard.
    await page.locator('gk-studio button', { hasText: '复制嵌入代码' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(
      copied,
      '<script type="module" src="/gongkai/gongkai.js"></script>\n<gk-budget src="department-budget-2018.json"></gk-budget>',
    );
    await screenshot(page, 'handoff', { fullPage: true });
  });
});
