/**
 * Workbooks shaped like a finance bureau's 部门预算公开表, built from a budget
 * document so a test can import them and compare: a title row merged across the
 * table, a unit line, two header rows with merged cells (科目编码 over 类/款/项,
 * 本年一般公共预算支出 over 合计/基本支出/项目支出), a 合计 row with a SUM formula
 * and its cached value, and the amounts written with the digits a person typed.
 *
 *   budgetWorkbookSheets(doc, { unit: '万元' | '元', codes: 'split' | 'single' }) → sheets for xlsx()
 */
import { xlsx } from './xlsx-writer.mjs';

/** Exact decimal text of an amount in the document's 万元, in `unit`. */
export function amountIn(value, from, to) {
  if (value === undefined) return null;
  const power = { 元: 0, 千元: 3, 万元: 4 }[from] - { 元: 0, 千元: 3, 万元: 4 }[to];
  const [whole, fraction = ''] = String(value).split('.');
  let digits = whole + fraction;
  let scale = fraction.length - power;
  if (scale < 0) {
    digits += '0'.repeat(-scale);
    scale = 0;
  }
  digits = digits.replace(/^0+(?=\d)/, '');
  const text = scale
    ? `${digits.padStart(scale + 1, '0').slice(0, -scale)}.${digits.padStart(scale + 1, '0').slice(-scale)}`
    : digits;
  return { n: text.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '') };
}

function flatten(items, depth = 0, out = []) {
  for (const item of items) {
    out.push({ item, depth });
    if (item.children) flatten(item.children, depth + 1, out);
  }
  return out;
}

/** 一般公共预算支出表 by 功能分类. */
export function functionalSheet(doc, { unit = doc.unit, codes = 'split', name = '一般公共预算支出表' } = {}) {
  const year = doc.year;
  const rows = [];
  const merges = [];
  const split = codes === 'split';
  const width = split ? 7 : 5;
  const last = String.fromCharCode(64 + width);
  rows.push([`${doc.department}${year}年一般公共预算支出表`]);
  merges.push(`A1:${last}1`);
  const unitRow = Array(width).fill(null);
  unitRow[0] = `部门：${doc.department}`;
  unitRow[width - 1] = `单位：${unit}`;
  rows.push(unitRow);
  if (split) {
    rows.push(['科目编码', null, null, '科目名称', '本年一般公共预算支出', null, null]);
    rows.push(['类', '款', '项', null, '合计', '基本支出', '项目支出']);
    merges.push('A3:C3', 'D3:D4', 'E3:G3');
  } else {
    rows.push(['功能分类科目', null, '本年一般公共预算支出', null, null]);
    rows.push(['科目编码', '科目名称', '合计', '基本支出', '项目支出']);
    merges.push('A3:B3', 'C3:E3');
  }
  const first = rows.length + 2;
  const lines = flatten(doc.functional);
  const amount = (item, measure) => amountIn(item.values.find((v) => v.year === year)?.[measure], doc.unit, unit);
  const total = (measure) => {
    const cells = doc.functional.map((item) => item.values.find((v) => v.year === year)?.[measure] ?? 0);
    const cents = cells.reduce((sum, value) => sum + Math.round(value * 100), 0);
    return amountIn(cents / 100, doc.unit, unit);
  };
  const col = split ? ['E', 'F', 'G'] : ['C', 'D', 'E'];
  const sumOf = (c) => ({
    f: `SUM(${c}${first}:${c}${first + lines.length - 1})`,
    v: total(['budget', 'basic', 'project'][col.indexOf(c)]).n,
  });
  rows.push(
    split
      ? ['合计', null, null, null, sumOf('E'), sumOf('F'), sumOf('G')]
      : ['合计', null, sumOf('C'), sumOf('D'), sumOf('E')],
  );
  if (split) merges.push(`A${rows.length}:D${rows.length}`);
  for (const { item, depth } of lines) {
    const code = item.code;
    const name = `${'　'.repeat(depth)}${item.name}`;
    const amounts = [amount(item, 'budget'), amount(item, 'basic'), amount(item, 'project')];
    if (split) {
      // As finance systems export it: 类 on its own row, then 款 and 项 with the 类 repeated.
      rows.push([
        code.slice(0, 3),
        code.length >= 5 ? code.slice(3, 5) : null,
        code.length === 7 ? code.slice(5, 7) : null,
        name,
        ...amounts,
      ]);
    } else rows.push([code, name, ...amounts]);
  }
  return { name, rows, merges };
}

/** 一般公共预算基本支出表 by 经济分类. */
export function economicSheet(doc, { unit = doc.unit } = {}) {
  const rows = [
    [`${doc.department}${doc.year}年一般公共预算基本支出表`],
    [null, null, `单位：${unit}`],
    ['经济分类科目', null, '本年一般公共预算基本支出'],
    ['科目编码', '科目名称', '合计'],
  ];
  for (const { item } of flatten(doc.economic ?? []))
    rows.push([item.code, item.name, amountIn(item.values.find((v) => v.year === doc.year)?.budget, doc.unit, unit)]);
  return { name: '一般公共预算基本支出表', rows, merges: ['A1:C1', 'A3:B3'] };
}

/** 收支总表: income on the left, spending on the right. */
export function summarySheet(doc, { unit = doc.unit } = {}) {
  const rows = [
    [`${doc.department}${doc.year}年部门收支总表`],
    [null, null, null, `单位：${unit}`],
    ['收入', null, '支出', null],
    ['项目', '预算数', '项目', '预算数'],
  ];
  const income = doc.revenue ?? [];
  const spending = doc.functional;
  const numerals = '一二三四五六七八九十';
  for (let i = 0; i < Math.max(income.length, spending.length); i++) {
    const a = income[i];
    const b = spending[i];
    rows.push([
      a ? `${numerals[i]}、${a.name}` : null,
      a ? amountIn(a.values.find((v) => v.year === doc.year)?.budget, doc.unit, unit) : null,
      b ? `${numerals[i]}、${b.name}` : null,
      b ? amountIn(b.values.find((v) => v.year === doc.year)?.budget, doc.unit, unit) : null,
    ]);
  }
  rows.push(['本年收入合计', null, '本年支出合计', null]);
  return { name: '收支总表', rows, merges: ['A1:D1', 'A3:B3', 'C3:D3'] };
}

/** “三公”经费支出表: 公务用车购置及运行费 merged over 小计, 购置费 and 运行费. */
export function sangongSheet(doc, { unit = doc.unit } = {}) {
  const rows = [
    [`${doc.department}${doc.year}年“三公”经费支出表`],
    [null, null, null, null, null, null, `单位：${unit}`],
  ];
  rows.push(['项目', '合计', '因公出国（境）费', '公务用车购置及运行费', null, null, '公务接待费']);
  rows.push([null, null, null, '小计', '公务用车购置费', '公务用车运行费', null]);
  const money = (value) => amountIn(value, doc.unit, unit);
  for (const row of [...(doc.sangong ?? [])].sort((a, b) => a.year - b.year)) {
    const cents = (v) => Math.round(v * 100);
    const vehicles = (cents(row.vehiclePurchase) + cents(row.vehicleOperation)) / 100;
    const total =
      (cents(row.travelAbroad) + cents(row.vehiclePurchase) + cents(row.vehicleOperation) + cents(row.reception)) / 100;
    rows.push([
      `${row.year}年预算数`,
      money(total),
      money(row.travelAbroad),
      money(vehicles),
      money(row.vehiclePurchase),
      money(row.vehicleOperation),
      money(row.reception),
    ]);
  }
  return { name: '“三公”经费支出表', rows, merges: ['A1:G1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:F3', 'G3:G4'] };
}

/** The whole workbook: 收支总表, 一般公共预算支出表, 基本支出表, 三公. */
export function budgetWorkbook(doc, options = {}) {
  const sheets = [
    summarySheet(doc, options),
    functionalSheet(doc, options),
    ...(doc.economic ? [economicSheet(doc, { unit: options.economicUnit ?? options.unit })] : []),
    ...(doc.sangong ? [sangongSheet(doc, options)] : []),
  ];
  return xlsx(sheets);
}

/** A budget of `count` 项 (10 类 × n 款 × m 项), amounts in 万元 with two decimals, sums exact. */
export function syntheticBudget(count = 2000, seed = 7) {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const perKuan = 20;
  const kuanCount = Math.ceil(count / 10 / perKuan);
  const cents = (items, measure) => items.reduce((s, item) => s + Math.round(item.values[0][measure] * 100), 0);
  const functional = [];
  let made = 0;
  for (let c = 0; c < 10 && made < count; c++) {
    const kuan = [];
    for (let k = 0; k < kuanCount && made < count; k++) {
      const xiang = [];
      for (let x = 0; x < perKuan && made < count; x++, made++) {
        const basic = Math.round(random() * 50000) / 100;
        const project = Math.round(random() * 50000) / 100;
        xiang.push({
          code: `${201 + c}${String(k + 1).padStart(2, '0')}${String(x + 1).padStart(2, '0')}`,
          name: `第${c + 1}类第${k + 1}款第${x + 1}项`,
          values: [{ year: 2018, budget: Math.round(basic * 100 + project * 100) / 100, basic, project }],
        });
      }
      const row = (items) => ({
        year: 2018,
        budget: cents(items, 'budget') / 100,
        basic: cents(items, 'basic') / 100,
        project: cents(items, 'project') / 100,
      });
      kuan.push({
        code: `${201 + c}${String(k + 1).padStart(2, '0')}`,
        name: `第${c + 1}类第${k + 1}款`,
        values: [row(xiang)],
        children: xiang,
      });
    }
    const sumRow = {
      year: 2018,
      budget: kuan.reduce((s, k) => s + Math.round(k.values[0].budget * 100), 0) / 100,
      basic: kuan.reduce((s, k) => s + Math.round(k.values[0].basic * 100), 0) / 100,
      project: kuan.reduce((s, k) => s + Math.round(k.values[0].project * 100), 0) / 100,
    };
    functional.push({ code: `${201 + c}`, name: `第${c + 1}类支出`, values: [sumRow], children: kuan });
  }
  return {
    kind: 'budget',
    version: 1,
    title: '示例县卫生健康局2018年部门预算',
    department: '示例县卫生健康局',
    stage: '预算',
    year: 2018,
    years: [2018],
    unit: '万元',
    published: '2018-02-09',
    functional,
  };
}
