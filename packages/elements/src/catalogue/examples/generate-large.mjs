#!/usr/bin/env node
/**
 * A large, realistic-looking 主动公开 catalogue for benchmarks and the demo:
 * the 2010–2018 proactive-disclosure listing of 平罗县卫生和计划生育局 (平罗县卫生局
 * before 2014). Deterministic: the same count gives the same output, byte for
 * byte (seeded mulberry32, never Math.random). No dependencies.
 *
 *   import { largeCatalogue } from './generate-large.mjs';
 *   const { header, items } = largeCatalogue(50000);
 *
 *   node generate-large.mjs OUT_DIR [COUNT]
 *     writes OUT_DIR/header.json (the header, with "itemsUrl": "items.ndjson")
 *     and OUT_DIR/items.ndjson (one item a line). Generated output is not committed.
 */
import { mkdirSync, writeFileSync, createWriteStream, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** mulberry32: a small, fast 32-bit seeded PRNG. Returns floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OFFICES = [
  '综合管理办公室',
  '政工科',
  '财务科',
  '人事劳资科',
  '医政科',
  '医改科',
  '基层科',
  '疾控科',
  '计生科',
  '监督科',
];
const PLATFORMS = ['县政府网站', '政务微信', '政务公开栏', '信用中国（宁夏）', '宁夏公共资源交易平台'];
const DOC_TYPES = ['通知', '方案', '报告', '公示', '公告', '通报', '其他'];

const CATEGORIES = [
  { id: 'jgzn', name: '机构职能' },
  {
    id: 'zcwj',
    name: '政策文件',
    children: [
      { id: 'zcwj-wj', name: '文件' },
      { id: 'zcwj-jd', name: '政策解读' },
    ],
  },
  { id: 'ghjh', name: '规划计划' },
  { id: 'yjs', name: '预决算' },
  {
    id: 'xzzf',
    name: '行政执法',
    children: [
      { id: 'xzzf-jc', name: '监督检查' },
      { id: 'xzzf-xk', name: '行政许可' },
      { id: 'xzzf-cf', name: '行政处罚' },
    ],
  },
  {
    id: 'ggws',
    name: '公共卫生',
    children: [
      { id: 'ggws-jk', name: '疾病预防控制' },
      { id: 'ggws-jb', name: '基本公共卫生服务' },
    ],
  },
  {
    id: 'ylfw',
    name: '医疗服务',
    children: [
      { id: 'ylfw-jg', name: '医疗管理' },
      { id: 'ylfw-yg', name: '医药卫生体制改革' },
    ],
  },
  { id: 'jhsy', name: '计划生育' },
  { id: 'hygq', name: '回应关切' },
  { id: 'rsxx', name: '人事信息' },
  { id: 'gkgz', name: '政务公开工作' },
];

/** Subjects by area: category, office, the code used in the index number (索引号), and topics. */
const AREAS = [
  {
    category: 'ggws-jk',
    office: '疾控科',
    code: 'GW',
    weight: 9,
    topics: [
      '手足口病防控',
      '免疫规划',
      '结核病防治',
      '艾滋病防治',
      '布鲁氏菌病防控',
      '慢性病综合防控',
      '地方病防治',
      '狂犬病暴露处置',
      '爱国卫生月活动',
      '流感监测',
      '麻疹强化免疫',
      '碘缺乏病防治',
    ],
  },
  {
    category: 'ggws-jb',
    office: '基层科',
    code: 'GW',
    weight: 9,
    topics: [
      '基本公共卫生服务项目',
      '家庭医生签约服务',
      '老年人健康管理',
      '0—6岁儿童健康管理',
      '孕产妇健康管理',
      '高血压患者健康管理',
      '2型糖尿病患者健康管理',
      '严重精神障碍患者管理',
      '居民健康档案管理',
      '乡村医生培训',
      '村卫生室标准化建设',
    ],
  },
  {
    category: 'ylfw-jg',
    office: '医政科',
    code: 'YL',
    weight: 9,
    topics: [
      '医疗质量安全',
      '改善医疗服务行动',
      '医疗机构校验',
      '无偿献血',
      '抗菌药物临床应用管理',
      '医院感染防控',
      '平安医院建设',
      '医师定期考核',
      '临床路径管理',
      '院务公开',
      '医疗纠纷预防和处理',
      '急救网络建设',
    ],
  },
  {
    category: 'ylfw-yg',
    office: '医改科',
    code: 'YL',
    weight: 6,
    topics: [
      '县级公立医院综合改革',
      '分级诊疗制度建设',
      '药品零差率销售',
      '县乡村一体化管理',
      '医疗服务价格调整',
      '远程会诊',
      '县域医疗服务共同体建设',
      '国家基本药物制度',
    ],
  },
  {
    category: 'jhsy',
    office: '计生科',
    code: 'JS',
    weight: 8,
    topics: [
      '计划生育奖励扶助',
      '计划生育特别扶助',
      '生育登记服务',
      '流动人口计划生育服务',
      '计划生育家庭意外伤害保险',
      '少生快富工程',
      '出生人口性别比综合治理',
      '全面两孩政策',
      '计划生育特殊家庭帮扶',
      '婚育新风进万家活动',
    ],
  },
  {
    category: 'xzzf-jc',
    office: '监督科',
    code: 'ZF',
    weight: 7,
    topics: [
      '公共场所卫生监督检查',
      '生活饮用水卫生监督',
      '学校卫生监督',
      '医疗机构依法执业检查',
      '打击非法行医专项行动',
      '“双随机”抽查',
      '消毒产品监督检查',
      '放射卫生监督检查',
      '传染病防治监督检查',
    ],
  },
  {
    category: 'xzzf-xk',
    office: '监督科',
    code: 'ZF',
    weight: 5,
    topics: [
      '公共场所卫生许可',
      '医疗机构执业登记',
      '放射诊疗许可',
      '集中式供水单位卫生许可',
      '护士执业注册',
      '乡村医生执业注册',
      '母婴保健技术服务许可',
    ],
  },
  {
    category: 'xzzf-cf',
    office: '监督科',
    code: 'ZF',
    weight: 4,
    topics: [
      '公共场所卫生行政处罚',
      '医疗机构行政处罚',
      '非法行医行政处罚',
      '生活饮用水卫生行政处罚',
      '传染病防治行政处罚',
    ],
  },
  {
    category: 'yjs',
    office: '财务科',
    code: 'YJ',
    weight: 4,
    topics: [
      '部门预算',
      '部门决算',
      '“三公”经费',
      '专项资金分配',
      '政府采购',
      '基本公共卫生服务补助资金',
      '医疗救助资金',
    ],
  },
  {
    category: 'rsxx',
    office: '人事劳资科',
    code: 'RS',
    weight: 4,
    topics: [
      '事业单位公开招聘',
      '卫生专业技术资格评审',
      '特岗全科医生招聘',
      '订单定向医学生招录',
      '卫生人才引进',
      '职称评聘',
    ],
  },
  {
    category: 'ghjh',
    office: '综合管理办公室',
    code: 'GH',
    weight: 3,
    topics: ['卫生计生', '卫生事业发展规划', '医疗卫生服务体系规划', '健康平罗建设', '卫生应急体系建设'],
  },
  {
    category: 'gkgz',
    office: '综合管理办公室',
    code: 'GK',
    weight: 3,
    topics: ['政务公开', '政府信息公开', '政府网站内容保障', '政务微信运维', '依申请公开办理', '保密审查'],
  },
  {
    category: 'hygq',
    office: '综合管理办公室',
    code: 'HY',
    weight: 3,
    topics: ['领导信箱留言办理', '就医热点舆情回应', '人大代表建议办理', '政协委员提案办理', '12345热线转办事项办理'],
  },
  {
    category: 'jgzn',
    office: '综合管理办公室',
    code: 'JG',
    weight: 1,
    topics: ['机构职能', '领导分工', '内设机构', '局属单位'],
  },
];

const AREA_WEIGHT = AREAS.reduce((sum, area) => sum + area.weight, 0);
/** Items published in 2010 … 2018, relative. */
const YEAR_WEIGHTS = [1, 1.2, 1.4, 1.6, 1.8, 2, 2.3, 2.6, 3];
const YEAR_WEIGHT = YEAR_WEIGHTS.reduce((sum, w) => sum + w, 0);
/** The areas a deputy's suggestion or a netizen's message may be about (the first seven: health services). */
const SERVICE_AREAS = AREAS.slice(0, 7);

const TIME_LIMITS = {
  通知: '信息形成或变更之日起20个工作日内',
  方案: '信息形成或变更之日起20个工作日内',
  报告: '信息形成之日起20个工作日内',
  公示: '公示期不少于7个工作日',
  公告: '信息形成之日起20个工作日内',
  通报: '信息形成之日起20个工作日内',
  其他: '信息形成或变更之日起20个工作日内',
};
const LIMIT_BY_CATEGORY = {
  'xzzf-xk': '作出行政决定之日起7个工作日内',
  'xzzf-cf': '作出行政决定之日起7个工作日内',
  yjs: '县财政局批复后20日内',
  'zcwj-jd': '与政策文件同步发布',
  hygq: '办结后20个工作日内',
};
const REVIEWS = {
  doc: '起草科室拟稿，合法性审查，局务会议审议，主要负责人签发，保密审查后发布',
  std: '科室初审、分管领导审核、保密审查后发布',
  enf: '承办人初审、科室负责人复核、分管领导审批，保密审查后公示',
  budget: '财务科编制，局党组会议审定，报县财政局审核后发布',
  deid: '科室初审并对个人信息去标识化处理，分管领导审核，保密审查后发布',
  jd: '起草科室撰写解读，与政策文件同步组织、同步审签、同步部署',
};

const QUARTERS = ['第一季度', '第二季度', '第三季度', '第四季度'];
const HALVES = ['上半年', '下半年'];
const VERBS = ['做好', '进一步加强', '开展', '扎实推进', '切实做好', '组织开展'];
const PLANS = ['实施方案', '工作方案', '工作要点', '考核办法', '管理办法', '专项行动方案'];
const REPORTS = ['工作总结', '进展情况', '考核结果', '工作情况通报', '督查情况通报'];

/** Working days of a year as YYYY-MM-DD: no weekends, New Year's Day, Labour Day or the National Day week. */
function workingDays(year) {
  const days = [];
  for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86400000) {
    const date = new Date(t);
    const weekday = date.getUTCDay();
    const md = date.getUTCMonth() * 100 + date.getUTCDate() + 100;
    if (weekday === 0 || weekday === 6 || md === 101 || md === 501 || (md >= 1001 && md <= 1007)) continue;
    days.push(date.toISOString().slice(0, 10));
  }
  return days;
}
const WORKING_DAYS = new Map(YEAR_WEIGHTS.map((_, i) => [2010 + i, workingDays(2010 + i)]));
/** About 130 numbered documents a year, whatever the count (a county bureau issues 100–150). */
const NUMBERED_PER_YEAR = 130;

/** The bureau's name and document-number prefix in a year (平罗县卫生局 until the 2014 merger). */
function issuer(year) {
  return year < 2014
    ? { name: '平罗县卫生局', prefix: '平卫发', short: '县卫生局' }
    : { name: '平罗县卫生和计划生育局', prefix: '平卫计发', short: '县卫生计生局' };
}

/**
 * The header (a 主动公开 catalogue with categories, the four statutory columns,
 * facets on office, platform and document type) and `count` items, newest first.
 */
export function largeCatalogue(count = 50000) {
  const random = mulberry32(20181228);
  const int = (n) => Math.floor(random() * n);
  const pick = (list) => list[int(list.length)];
  const pickArea = () => {
    let roll = random() * AREA_WEIGHT;
    for (const area of AREAS) if ((roll -= area.weight) < 0) return area;
    return AREAS[AREAS.length - 1];
  };
  // More is published each year: 2010 weighs 1, 2018 weighs 3.
  const pickYear = () => {
    let roll = random() * YEAR_WEIGHT;
    for (let i = 0; i < YEAR_WEIGHTS.length; i++) if ((roll -= YEAR_WEIGHTS[i]) < 0) return 2010 + i;
    return 2018;
  };

  // Roughly 3 in 8 items are notices; number only as many as a bureau would issue.
  const numberShare = Math.min(1, (NUMBERED_PER_YEAR * YEAR_WEIGHTS.length) / Math.max(1, count * 0.375));
  const raw = [];
  for (let i = 0; i < count; i++) {
    const area = pickArea();
    const year = pickYear();
    const date = pick(WORKING_DAYS.get(year));
    const month = Number(date.slice(5, 7));
    const topic = pick(area.topics);
    const who = issuer(year);
    let category = area.category;
    let title;
    let docType;
    let numbered = false;
    let review = REVIEWS.std;
    const shape = random();
    if (category === 'xzzf-xk' || category === 'xzzf-cf') {
      docType = '公示';
      title = `${year}年${month}月${topic}信息公示`;
      review = REVIEWS.enf;
    } else if (category === 'yjs') {
      docType = '报告';
      const budgetYear = topic === '部门决算' ? year - 1 : year;
      title = `${who.name}${budgetYear}年${topic}${topic.endsWith('资金') ? '分配和使用情况' : '公开说明'}`;
      review = REVIEWS.budget;
    } else if (category === 'hygq') {
      docType = '其他';
      if (topic.includes('建议') || topic.includes('提案')) {
        const about = pick(pick(SERVICE_AREAS).topics);
        title = topic.includes('建议')
          ? `对县人大代表关于加强${about}工作建议的答复`
          : `对县政协委员关于${about}提案的答复`;
      } else {
        title = `${year}年${pick(QUARTERS)}${topic}情况`;
      }
      review = REVIEWS.deid;
    } else if (shape < 0.3) {
      docType = '通知';
      title = `${who.name}关于印发《平罗县${year}年${topic}${pick(PLANS)}》的通知`;
      numbered = random() < numberShare;
      review = REVIEWS.doc;
    } else if (shape < 0.5) {
      docType = '通知';
      title = `${who.name}关于${pick(VERBS)}${year}年${topic}${topic.endsWith('工作') ? '' : '工作'}的通知`;
      numbered = random() < numberShare;
      review = REVIEWS.doc;
    } else if (shape < 0.58) {
      docType = '方案';
      title = `《平罗县${year}年${topic}${pick(PLANS)}》政策解读`;
      category = 'zcwj-jd';
      review = REVIEWS.jd;
    } else if (shape < 0.78) {
      docType = shape < 0.7 ? '报告' : '通报';
      title = `平罗县${year}年${shape < 0.7 ? pick(HALVES) : pick(QUARTERS)}${topic}${pick(REPORTS)}`;
    } else if (shape < 0.88) {
      docType = '公示';
      title = `${year}年${topic}${pick(['对象确认名单公示', '考核结果公示', '拟奖励名单公示', '项目资金公示'])}`;
      if (category === 'jhsy' || category === 'ggws-jb') review = REVIEWS.deid;
    } else {
      docType = '公告';
      title = `${who.short}关于${year}年${topic}有关事项的公告`;
    }
    // Half the notices sit under 政策文件, the others in their area's listing.
    if (docType === '通知' && random() < 0.5) category = 'zcwj-wj';
    raw.push({
      order: i,
      date,
      year,
      code: area.code,
      title,
      category,
      docType,
      numbered,
      office: area.office,
      review,
      platform:
        category === 'xzzf-xk' || category === 'xzzf-cf'
          ? random() < 0.7
            ? '信用中国（宁夏）'
            : '县政府网站'
          : category === 'yjs' && /采购/.test(title)
            ? '宁夏公共资源交易平台'
            : random() < 0.72
              ? '县政府网站'
              : random() < 0.6
                ? '政务微信'
                : '政务公开栏',
      withUrl: random() < 0.7,
    });
  }

  // Number in date order, so index numbers and document numbers grow through each year.
  raw.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
  const indexSeq = new Map();
  const docSeq = new Map();
  const items = raw.map((r) => {
    const indexKey = `${r.code}-${r.year}`;
    const seq = (indexSeq.get(indexKey) ?? 0) + 1;
    indexSeq.set(indexKey, seq);
    const id = `640221-${r.code}-${r.year}-${String(seq).padStart(5, '0')}`;
    const item = { id, title: r.title, category: r.category, date: r.date };
    if (r.numbered) {
      const n = (docSeq.get(r.year) ?? 0) + 1;
      docSeq.set(r.year, n);
      item.number = `${issuer(r.year).prefix}〔${r.year}〕${n}号`;
    }
    if (r.withUrl) item.url = `/zfxxgk/${r.year}/${id.toLowerCase()}.html`;
    item.office = r.office;
    item.timeLimit = LIMIT_BY_CATEGORY[r.category] ?? TIME_LIMITS[r.docType];
    item.review = r.review;
    item.platform = r.platform;
    item.docType = r.docType;
    return item;
  });
  items.reverse();

  const header = {
    kind: 'catalogue',
    version: 1,
    title: '平罗县卫生和计划生育局政府信息主动公开目录（2010—2018年）',
    owner: '平罗县卫生和计划生育局综合管理办公室',
    type: '主动公开',
    updated: '2018-12-31',
    description:
      '2010年至2018年主动公开的政府信息，2014年机构改革前为平罗县卫生局发布的信息。每一项写明责任科室、公开时限、审核程序和发布平台；可按分类、责任科室、发布平台和文种筛选。',
    categories: CATEGORIES,
    columns: [
      { key: 'office', label: '责任科室', type: 'enum', values: OFFICES, facet: true },
      { key: 'timeLimit', label: '公开时限', type: 'text' },
      { key: 'review', label: '审核程序', type: 'text' },
      { key: 'platform', label: '发布平台', type: 'enum', values: PLATFORMS, facet: true },
      { key: 'docType', label: '文种', type: 'enum', values: DOC_TYPES, facet: true },
    ],
  };
  return { header, items };
}

/** Writes header.json and items.ndjson into `dir`. Resolves when items.ndjson is flushed. */
export async function writeLargeCatalogue(dir, count = 50000) {
  const { header, items } = largeCatalogue(count);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'header.json'), `${JSON.stringify({ ...header, itemsUrl: 'items.ndjson' }, null, 2)}\n`);
  const out = createWriteStream(join(dir, 'items.ndjson'));
  const CHUNK = 1000;
  for (let i = 0; i < items.length; i += CHUNK) {
    const text = items
      .slice(i, i + CHUNK)
      .map((item) => `${JSON.stringify(item)}\n`)
      .join('');
    if (!out.write(text)) await new Promise((done) => out.once('drain', done));
  }
  await new Promise((done, fail) => out.end((error) => (error ? fail(error) : done())));
  return { header, count: items.length };
}

const isMain = (() => {
  try {
    return (
      process.argv[1] !== undefined &&
      realpathSync(resolve(process.argv[1])) === realpathSync(fileURLToPath(import.meta.url))
    );
  } catch {
    return false;
  }
})();

if (isMain) {
  const [dir, countArg] = process.argv.slice(2);
  const count = countArg === undefined ? 50000 : Number(countArg);
  if (!dir || !Number.isInteger(count) || count < 0) {
    process.stderr.write('用法 usage: node generate-large.mjs OUT_DIR [COUNT=50000]\n');
    process.exit(2);
  }
  const { count: written } = await writeLargeCatalogue(dir, count);
  process.stdout.write(`${join(dir, 'header.json')}\n${join(dir, 'items.ndjson')}  ${written} items\n`);
}
