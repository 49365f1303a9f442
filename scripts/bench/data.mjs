/**
 * Deterministic data for the render bench: the same numbers for every renderer,
 * run after run. A seeded PRNG (mulberry32), never Math.random. Amounts are built
 * bottom-up in integer fen (cents of 万元) so every parent is exactly the sum of
 * its children, as the budget schema checks.
 *
 * Each workload gives both a gongkai `"kind": "budget"` document and the plain
 * arrays the peers (ECharts, Chart.js, the hand-written d3 floor) draw from.
 *
 *   W1  20 top-level items, one year            → bars
 *   W2  10 类 × 10 款 × 20 项 = 2,000 leaves     → treemap of one level (+ an update
 *       where every leaf value changes)
 *   W3  30 top-level items × 10 years           → years (lines)
 */

// The same seeded PRNG as the large-catalogue generator, so every bench draws from one.
import { mulberry32 as prng } from '../../packages/elements/src/catalogue/examples/generate-large.mjs';

export { prng };

/** Real 类 of the 政府收支分类科目 (function classification), for realistic labels and codes. */
const CLASSES = [
  ['201', '一般公共服务支出'],
  ['203', '国防支出'],
  ['204', '公共安全支出'],
  ['205', '教育支出'],
  ['206', '科学技术支出'],
  ['207', '文化旅游体育与传媒支出'],
  ['208', '社会保障和就业支出'],
  ['210', '卫生健康支出'],
  ['211', '节能环保支出'],
  ['212', '城乡社区支出'],
  ['213', '农林水支出'],
  ['214', '交通运输支出'],
  ['215', '资源勘探工业信息等支出'],
  ['216', '商业服务业等支出'],
  ['217', '金融支出'],
  ['219', '援助其他地区支出'],
  ['220', '自然资源海洋气象等支出'],
  ['221', '住房保障支出'],
  ['222', '粮油物资储备支出'],
  ['224', '灾害防治及应急管理支出'],
];

const BASE_YEAR = 2024;
const pad = (n, width = 2) => String(n).padStart(width, '0');
/** Fen (integer) → 万元 with two decimals, exactly representable as the JSON number the editor would type. */
const yuan = (fen) => fen / 100;

function header(title, extra) {
  return {
    kind: 'budget',
    version: 1,
    title,
    department: '示例县财政局',
    stage: '预算',
    year: BASE_YEAR,
    years: [BASE_YEAR],
    unit: '万元',
    published: '2024-02-20',
    source: '基准测试数据（确定性生成，非真实数字）。',
    ...extra,
  };
}

/** A skewed amount in fen: a few large items, many small ones, like real budgets. */
const skewed = (rand, min, max) => min + Math.floor(rand() ** 2.2 * (max - min));

// ---------------------------------------------------------------- W1: 20 bars

export function w1() {
  const rand = prng(0x5731);
  const items = CLASSES.map(([code, name]) => ({ code, name, fen: skewed(rand, 5_000, 2_000_000) }));
  const doc = header('示例县2024年一般公共预算支出（20类）', {
    views: ['bars', 'treemap', 'tables'],
    defaultView: 'bars',
    functional: items.map(({ code, name, fen }) => ({ code, name, values: [{ year: BASE_YEAR, budget: yuan(fen) }] })),
  });
  return { doc, plain: { items: items.map(({ code, name, fen }) => ({ code, name, value: yuan(fen) })) } };
}

// ------------------------------------------------- W2: 2,000 leaves in 3 levels

export const W2_SHAPE = { classes: 10, kuan: 10, xiang: 20 };

/** Leaf amounts in fen, [类][款][项]; `update` changes every one of them deterministically. */
function w2Leaves(update) {
  const rand = prng(0x2000);
  const leaves = [];
  for (let c = 0; c < W2_SHAPE.classes; c++) {
    const scale = 0.3 + rand() * 1.7; // some 类 are much bigger than others
    const kuan = [];
    for (let k = 0; k < W2_SHAPE.kuan; k++) {
      const xiang = [];
      for (let x = 0; x < W2_SHAPE.xiang; x++) xiang.push(Math.max(1, Math.round(skewed(rand, 500, 200_000) * scale)));
      kuan.push(xiang);
    }
    leaves.push(kuan);
  }
  if (update) {
    // Every leaf moves by −20%…+35%, at least one fen, never to zero.
    const change = prng(0x2001);
    for (const kuan of leaves) {
      for (const xiang of kuan) {
        for (let x = 0; x < xiang.length; x++) {
          const delta = Math.round(xiang[x] * (change() * 0.55 - 0.2)) || 1;
          xiang[x] = Math.max(1, xiang[x] + delta);
        }
      }
    }
  }
  return leaves;
}

function w2Build(update) {
  const leaves = w2Leaves(update);
  const functional = [];
  const tree = [];
  let total = 0;
  leaves.forEach((kuanList, c) => {
    const [classCode, className] = CLASSES[c];
    const short = className.replace(/支出$/, '');
    const kuanItems = [];
    const kuanPlain = [];
    let classFen = 0;
    kuanList.forEach((xiangList, k) => {
      const kuanCode = classCode + pad(k + 1);
      const kuanName = `${short}第${k + 1}款`;
      let kuanFen = 0;
      const xiangItems = [];
      const xiangPlain = [];
      xiangList.forEach((fen, x) => {
        const code = kuanCode + pad(x + 1);
        const name = `${kuanName}第${x + 1}项`;
        kuanFen += fen;
        xiangItems.push({ code, name, values: [{ year: BASE_YEAR, budget: yuan(fen) }] });
        xiangPlain.push({ code, name, value: yuan(fen) });
      });
      classFen += kuanFen;
      kuanItems.push({
        code: kuanCode,
        name: kuanName,
        values: [{ year: BASE_YEAR, budget: yuan(kuanFen) }],
        children: xiangItems,
      });
      kuanPlain.push({ code: kuanCode, name: kuanName, value: yuan(kuanFen), children: xiangPlain });
    });
    total += classFen;
    functional.push({
      code: classCode,
      name: className,
      values: [{ year: BASE_YEAR, budget: yuan(classFen) }],
      children: kuanItems,
    });
    tree.push({ code: classCode, name: className, value: yuan(classFen), children: kuanPlain });
  });
  const doc = header(`示例县${BASE_YEAR}年一般公共预算支出（2,000个项级科目）${update ? '（调整后）' : ''}`, {
    views: ['treemap', 'bars', 'tables'],
    defaultView: 'treemap',
    functional,
  });
  return { doc, plain: { tree, total: yuan(total) } };
}

/** W2 first render, and W2 after every leaf value changed. */
export function w2() {
  return w2Build(false);
}
export function w2Update() {
  return w2Build(true);
}

// ------------------------------------------------- W3: 10 years × 30 categories

export function w3() {
  const rand = prng(0x3030);
  const years = Array.from({ length: 10 }, (_, i) => BASE_YEAR - 9 + i);
  const series = [];
  for (let i = 0; i < 30; i++) {
    const [classCode, className] = CLASSES[i % CLASSES.length];
    // 30 distinct 3-digit codes: the 20 real 类, then 230–239 for the rest.
    const code = i < CLASSES.length ? classCode : String(230 + i - CLASSES.length);
    const name = i < CLASSES.length ? className : `其他支出${i - CLASSES.length + 1}`;
    let fen = skewed(rand, 20_000, 1_500_000);
    const growth = -0.04 + rand() * 0.14;
    const values = years.map(() => {
      const now = fen;
      fen = Math.max(100, Math.round(fen * (1 + growth + (rand() - 0.5) * 0.08)));
      return now;
    });
    series.push({ code, name, fen: values });
  }
  const doc = header(`示例县${years[0]}—${years[years.length - 1]}年支出（30类）`, {
    years,
    views: ['years', 'bars', 'treemap', 'tables'],
    defaultView: 'years',
    functional: series.map(({ code, name, fen }) => ({
      code,
      name,
      values: years.map((year, y) => ({ year, budget: yuan(fen[y]) })),
    })),
  });
  return {
    doc,
    plain: { years, series: series.map(({ code, name, fen }) => ({ code, name, values: fen.map(yuan) })) },
  };
}

/** Every data file the pages load, by name. */
export function allData() {
  return { w1: w1(), w2: w2(), w2u: w2Update(), w3: w3() };
}

/** Counts the leaves and nodes of a functional tree (for the report). */
export function countItems(items) {
  let nodes = 0;
  let leaves = 0;
  const walk = (list) => {
    for (const item of list) {
      nodes++;
      if (item.children?.length) walk(item.children);
      else leaves++;
    }
  };
  walk(items);
  return { nodes, leaves };
}
