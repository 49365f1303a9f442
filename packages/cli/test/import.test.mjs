// `gongkai import budget|catalogue FILE`: the built CLI on workbooks shaped like the
// finance bureau's (built here by packages/import/support), CSV files and hostile files.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { budgetWorkbook, functionalSheet } from '../../import/support/budget-workbook.mjs';
import { xlsx, xlsxParts, zip } from '../../import/support/xlsx-writer.mjs';

const bin = fileURLToPath(new URL('../bin/gongkai.mjs', import.meta.url));
const example = JSON.parse(
  readFileSync(new URL('../../elements/src/budget/examples/department-budget-2018.json', import.meta.url), 'utf8'),
);
const dir = mkdtempSync(join(tmpdir(), 'gk-import-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

function write(name, bytes) {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

function gongkai(args, env = {}) {
  const base = { ...process.env };
  delete base.GONGKAI_LANG;
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: dir, env: { ...base, ...env }, encoding: 'utf8' });
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    problems: result.stderr.split('\n').filter(Boolean),
  };
}

/** The 2018 figures of an item tree, by code: what a comparison needs. */
function figures(items, year = 2018, out = {}) {
  for (const item of items ?? []) {
    const row = item.values.find((v) => v.year === year) ?? {};
    out[item.code ?? item.name] = { name: item.name, budget: row.budget, basic: row.basic, project: row.project };
    figures(item.children, year, out);
  }
  return out;
}

describe('gongkai import budget', () => {
  test('the four tables of a 万元 workbook (merged headers, 类/款/项 split, a SUM 合计 row) become the document they were made from', () => {
    const file = write('budget-2018.xlsx', budgetWorkbook(example));
    const run = gongkai(['import', 'budget', 'budget-2018.xlsx']);
    assert.equal(run.code, 0, run.stderr);
    const doc = JSON.parse(run.stdout);
    assert.equal(doc.kind, 'budget');
    assert.equal(doc.department, '平罗县卫生和计划生育局');
    assert.equal(doc.year, 2018);
    assert.equal(doc.unit, '万元');
    assert.equal(doc.stage, '预算');
    assert.deepEqual(figures(doc.functional), figures(example.functional));
    assert.deepEqual(figures(doc.economic), figures(example.economic));
    // The 三公 table has the four statutory columns (会议费 and 培训费 are published apart).
    const four = (rows) =>
      rows.map(({ year, travelAbroad, vehiclePurchase, vehicleOperation, reception }) => ({
        year,
        travelAbroad,
        vehiclePurchase,
        vehicleOperation,
        reception,
      }));
    assert.deepEqual(four(doc.sangong), four([...example.sangong].sort((a, b) => a.year - b.year)));
    assert.deepEqual(
      doc.revenue.map((r) => [r.name, r.values[0].budget]),
      example.revenue.map((r) => [r.name, r.values.find((v) => v.year === 2018).budget]),
    );
    // What it could not know is said, not guessed silently; nothing is an error.
    assert.ok(
      run.problems.some((line) => line.includes('公开日期按今天')),
      run.stderr,
    );
    assert.ok(run.problems.every((line) => !line.includes('金额不是数字')));
    // The output is a valid document for `gongkai validate`.
    writeFileSync(join(dir, 'imported.json'), run.stdout);
    assert.equal(gongkai(['validate', 'imported.json']).code, 0);
    void file;
  });

  test('元 with codes in one column: amounts are exact, and a 元 sheet in a 万元 workbook is converted exactly', () => {
    write('yuan.xlsx', budgetWorkbook(example, { unit: '元', codes: 'single' }));
    const yuan = gongkai(['import', 'budget', 'yuan.xlsx']);
    assert.equal(yuan.code, 0, yuan.stderr);
    const doc = JSON.parse(yuan.stdout);
    assert.equal(doc.unit, '元');
    // 13020.05 万元 is 130,200,500 元 exactly; 6978.05 万元 is 69,780,500.
    assert.deepEqual(doc.functional[0].values[0], {
      year: 2018,
      budget: 130200500,
      basic: 69780500,
      project: 60420000,
    });

    write('mixed.xlsx', budgetWorkbook(example, { economicUnit: '元' }));
    const mixed = gongkai(['import', 'budget', 'mixed.xlsx']);
    assert.equal(mixed.code, 0, mixed.stderr);
    assert.ok(
      mixed.problems.some((line) => line.includes('一般公共预算基本支出表!C2：本表单位为 元，已精确换算为 万元')),
      mixed.stderr,
    );
    // Back in 万元 without a binary float's tail: 1486.2, not 1486.2000000000003.
    assert.deepEqual(figures(JSON.parse(mixed.stdout).economic), figures(example.economic));
    assert.match(mixed.stdout, /"budget": 1486\.2\b/);
  });

  test('a cell that is not a number and a 合计 that does not add up are named by sheet and cell; exit 1', () => {
    const sheet = functionalSheet(example);
    // Row 6 is 210 (after title, unit, two header rows, 合计); row 7 its first 款. Column E is 合计.
    assert.equal(sheet.rows[5][0], '210');
    sheet.rows[6][4] = '55７.0６x';
    sheet.rows[4][5] = { f: 'SUM(F6:F42)', v: '9999.99' };
    write('broken.xlsx', xlsx([sheet]));
    const run = gongkai(['import', 'budget', 'broken.xlsx']);
    assert.equal(run.code, 1);
    assert.ok(run.problems.includes('broken.xlsx  一般公共预算支出表!E7：金额不是数字：“55７.0６x”'), run.stderr);
    assert.ok(
      run.problems.includes('broken.xlsx  一般公共预算支出表!F5：合计行为 9999.99，各类科目之和为 8747.54（万元）'),
      run.stderr,
    );
    // The document is still written, for the editor to fix.
    assert.equal(JSON.parse(run.stdout).kind, 'budget');
  });

  test('formulas are never evaluated: a formula without a cached value is an empty cell, its cached value is what Excel showed', () => {
    const sheet = functionalSheet(example, { codes: 'single' });
    const row = sheet.rows.findIndex((r) => r[0] === '2100101');
    sheet.rows[row][2] = { f: 'D8+E8' }; // no <v>: a file written by a script that never calculated
    sheet.rows[row][3] = { f: '1/0', v: '412.36' };
    write('formulas.xlsx', xlsx([sheet]));
    const doc = JSON.parse(gongkai(['import', 'budget', 'formulas.xlsx']).stdout);
    const item = doc.functional[0].children[0].children[0];
    assert.equal(item.code, '2100101');
    assert.deepEqual(item.values[0], { year: 2018, basic: 412.36, project: 0 });
  });

  test('English messages with --lang en', () => {
    const sheet = functionalSheet(example);
    sheet.rows[6][4] = 'n/a';
    write('en.xlsx', xlsx([sheet]));
    const run = gongkai(['import', 'budget', 'en.xlsx', '--lang', 'en']);
    assert.equal(run.code, 1);
    assert.ok(run.problems.includes('en.xlsx  一般公共预算支出表!E7: the amount is not a number: “n/a”'), run.stderr);
  });

  test('a CSV export of one table (title rows, unit line, 元) imports too', () => {
    const sheet = functionalSheet(example, { codes: 'single', unit: '元' });
    const cell = (c) => (c === null || c === undefined ? '' : typeof c === 'object' ? (c.n ?? c.v ?? '') : String(c));
    const csv = sheet.rows
      .map((row) =>
        row
          .map((c) => {
            const t = cell(c);
            return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
          })
          .join(','),
      )
      .join('\r\n');
    write('functional.csv', `\uFEFF${csv}\r\n`);
    const run = gongkai(['import', 'budget', 'functional.csv']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).functional[0].values[0].budget, 130200500);
  });

  test('a workbook with no budget table says what it expected; exit 1', () => {
    write(
      'other.xlsx',
      xlsx([
        {
          name: '通讯录',
          rows: [
            ['姓名', '电话'],
            ['王芳', '0952-1234567'],
          ],
        },
      ]),
    );
    const run = gongkai(['import', 'budget', 'other.xlsx']);
    assert.equal(run.code, 1);
    assert.ok(run.stderr.includes('没有找到可导入的预算公开表'), run.stderr);
  });
});

describe('gongkai import: unreadable and hostile files exit 2', () => {
  test('a missing file', () => {
    const run = gongkai(['import', 'budget', 'nope.xlsx']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'nope.xlsx  无法读取文件：文件不存在\n');
    assert.equal(run.stdout, '');
  });

  test('an old .xls workbook', () => {
    write('old.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    const run = gongkai(['import', 'budget', 'old.xls']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /旧版 Excel 文件（\.xls），请在 Excel 中“另存为” \.xlsx/);
  });

  test('not a zip archive, though named .xlsx', () => {
    write('fake.xlsx', 'just text');
    assert.equal(gongkai(['import', 'budget', 'fake.xlsx']).code, 2);
  });

  test('a zip bomb declaring gigabytes is refused before anything is inflated', () => {
    const parts = xlsxParts([{ name: 'a', rows: [['x']] }]);
    write('bomb.xlsx', zip(parts, { lie: { 'xl/worksheets/sheet1.xml': 4_000_000_000 } }));
    const run = gongkai(['import', 'budget', 'bomb.xlsx']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /解压后过大（3814\.7 MB，上限 200\.0 MB），可能是“压缩炸弹”，拒绝打开/);
  });

  test('an entry that inflates to more than it declares is refused mid-way', () => {
    // 50 MB of zeros deflate to about 50 KB; the entry claims 1 KB.
    const parts = xlsxParts([{ name: 'a', rows: [['x']] }]);
    parts['xl/worksheets/sheet1.xml'] = Buffer.alloc(50 * 1024 * 1024, 0x20);
    write('liar.xlsx', zip(parts, { lie: { 'xl/worksheets/sheet1.xml': 1024 } }));
    const run = gongkai(['import', 'budget', 'liar.xlsx']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /xl\/worksheets\/sheet1\.xml 解压后比声明的大小更大，可能是“压缩炸弹”/);
  });

  test('an archive of 5,000 entries is refused', () => {
    const parts = xlsxParts([{ name: 'a', rows: [['x']] }]);
    for (let i = 0; i < 5000; i++) parts[`xl/media/image${i}.xml`] = '<x/>';
    write('many.xlsx', zip(parts, { store: true }));
    const run = gongkai(['import', 'budget', 'many.xlsx']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /包含的文件过多（5007 个，上限 2000 个）/);
  });

  test('usage mistakes', () => {
    assert.equal(gongkai(['import']).code, 2);
    const run = gongkai(['import', 'report', 'x.xlsx']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /请指定导入类型/);
  });
});

describe('gongkai import catalogue', () => {
  const header = ['序号', '信息名称', '类别', '发布日期', '责任科室', '公开时限', '审核程序', '发布平台', '金额'];

  test('a GBK CSV from Excel, with a quoted cell holding a line break and doubled quotes: columns mapped by their names', () => {
    const lines = [
      '平罗县卫生和计划生育局政府信息公开目录',
      header.join(','),
      '1,"关于印发""2018年工作要点""的通知\n（全文）",机构职能,2018-04-20,办公室,20个工作日,科室初审、分管领导审核,县政府网站,"1,234.50"',
      '2,卫生监督公示,监督执法,2018/5/3,卫生监督所,7个工作日,局长审核,县政府网站,80',
    ];
    const gbk = new TextEncoder(); // placeholder to show intent: the file is written in GB18030 below
    void gbk;
    const bytes = Buffer.from(new Uint8Array([...iconvGb18030(lines.join('\r\n') + '\r\n')]));
    write('catalogue.csv', bytes);
    const run = gongkai(['import', 'catalogue', 'catalogue.csv']);
    assert.equal(run.code, 0, run.stderr);
    const doc = JSON.parse(run.stdout);
    assert.equal(doc.title, '平罗县卫生和计划生育局政府信息公开目录');
    assert.equal(doc.owner, '平罗县卫生和计划生育局');
    assert.equal(doc.type, '主动公开');
    assert.deepEqual(
      doc.columns.map((c) => c.key),
      ['office', 'timeLimit', 'review', 'platform', 'col9'],
    );
    assert.equal(doc.items[0].title, '关于印发"2018年工作要点"的通知\n（全文）');
    assert.equal(doc.items[1].date, '2018-05-03');
    assert.equal(doc.items[1].category, '监督执法');
    assert.deepEqual(doc.categories, [
      { id: '机构职能', name: '机构职能' },
      { id: '监督执法', name: '监督执法' },
    ]);
  });

  test('a sheet whose date column holds a non-date names the cell; exit 1', () => {
    const rows = [
      ['行政许可公示'],
      header.slice(0, 4),
      ['1', '医疗机构执业许可', '许可', { date: '2018-04-20' }],
      ['2', '放射诊疗许可', '许可', '四月下旬'],
    ];
    write('licences.xlsx', xlsx([{ name: '许可', rows, merges: ['A1:D1'] }]));
    const run = gongkai(['import', 'catalogue', 'licences.xlsx']);
    assert.equal(run.code, 1);
    assert.ok(
      run.problems.includes('licences.xlsx  许可!D4：“发布日期”应为日期（如 2018-04-20），实际为“四月下旬”'),
      run.stderr,
    );
    const doc = JSON.parse(run.stdout);
    assert.equal(doc.type, '记录');
    assert.equal(doc.items[0].date, '2018-04-20');
    assert.equal(doc.items[1].date, undefined);
  });

  test('a category merged down several rows (as catalogues are often laid out) applies to each of them', () => {
    const rows = [
      ['平罗县卫生和计划生育局行政许可公示'],
      ['序号', '事项名称', '类别', '发布日期'],
      ['1', '医疗机构执业许可', '医政', { date: '2018-04-20' }],
      ['2', '医师执业注册', null, { date: '2018-04-21' }],
      ['3', '放射诊疗许可', null, { date: '2018-04-22' }],
      ['4', '公共场所卫生许可', '公共卫生', { date: '2018-04-23' }],
    ];
    write('merged.xlsx', xlsx([{ name: '许可', rows, merges: ['A1:D1', 'C3:C5'] }]));
    const run = gongkai(['import', 'catalogue', 'merged.xlsx']);
    const doc = JSON.parse(run.stdout);
    assert.deepEqual(
      doc.items.map((item) => item.category),
      ['医政', '医政', '医政', '公共卫生'],
    );
    assert.equal(doc.title, '平罗县卫生和计划生育局行政许可公示');
  });

  test('--sheet picks a sheet by name', () => {
    write(
      'two.xlsx',
      xlsx([
        { name: '说明', rows: [['本表说明']] },
        {
          name: '目录',
          rows: [
            ['编号', '标题'],
            ['a1', '第一条'],
          ],
        },
      ]),
    );
    const run = gongkai(['import', 'catalogue', 'two.xlsx', '--sheet', '目录']);
    assert.equal(JSON.parse(run.stdout).items[0].id, 'a1');
    // No title row names the office that keeps it: core says so, at its line in the JSON written.
    assert.equal(run.code, 1);
    assert.deepEqual(run.problems, ['two.xlsx  导入结果:5:12  owner  不能为空']);
    assert.equal(gongkai(['import', 'catalogue', 'two.xlsx', '--sheet', '无此表']).code, 2);
  });
});

/** GB18030 bytes of a string, through Node's own ICU (TextDecoder knows gb18030; encoding by lookup). */
function iconvGb18030(text) {
  const decoder = new TextDecoder('gb18030');
  const out = [];
  const cache = new Map();
  for (const char of text) {
    const code = char.codePointAt(0);
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    if (!cache.has(char)) cache.set(char, findGbBytes(decoder, char));
    out.push(...cache.get(char));
  }
  return out;
}

/** Searches the two-byte GBK range for the bytes that decode to `char`. */
function findGbBytes(decoder, char) {
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      if (decoder.decode(new Uint8Array([lead, trail])) === char) return [lead, trail];
    }
  }
  throw new Error(`no GBK bytes for ${char}`);
}
