/**
 * `"kind": "project"` — a major construction project's disclosure (重大建设项目),
 * in the eight kinds of information of 国办发〔2017〕94号, in the order a project
 * lives them: approval service, approval results, bidding, land requisition,
 * major design changes, construction, quality and safety supervision, completion.
 * Each stage has a status, dates, documents with their 文号 and contracts with
 * their award and performance; the project has its total investment, funding
 * sources and investment completed against planned. Shown by <gk-project>.
 *
 * Beyond types: stages come once each and in that order; a stage's dates agree
 * with its status and run forward; the main line (approval results → bidding →
 * construction → completion) does not start a stage before the one before it,
 * or finish it while the one before has not started; the funding sources add up
 * to the total; investment completed and planned run forward and stay within it.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../lazy.js';
import { addMessages } from '../i18n.js';
import { projectZh } from '../messages/project.js';
import { docNumber, header, headerDescriptions, isoDate, safeUrl, text, type FieldDescriptions } from './common.js';

addMessages('zh-CN', projectZh);

/** The eight kinds of information of 国办发〔2017〕94号, in order. */
export const PROJECT_STAGES = [
  '批准服务信息',
  '批准结果信息',
  '招标投标信息',
  '征收土地信息',
  '重大设计变更信息',
  '施工有关信息',
  '质量安全监督信息',
  '竣工有关信息',
] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];
export const STAGE_STATUSES = ['未开始', '进行中', '已完成'] as const;
/** The stages that follow one another; the others run beside them. */
export const MAIN_LINE: readonly ProjectStage[] = ['批准结果信息', '招标投标信息', '施工有关信息', '竣工有关信息'];

const amount = () => z.number().check(z.gte(0));

export const projectStageSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    stage: z.enum(PROJECT_STAGES),
    status: z.enum(STAGE_STATUSES),
    start: z.optional(isoDate()),
    end: z.optional(isoDate()),
    summary: z.optional(text()),
    documents: z.optional(
      z.array(
        z.strictObject({
          title: text(),
          number: z.optional(docNumber()),
          date: z.optional(isoDate()),
          url: z.optional(safeUrl()),
        }),
      ),
    ),
    contracts: z.optional(
      z.array(
        z.strictObject({
          name: text(),
          party: text(),
          amount: amount(),
          signed: isoDate(),
          performance: z.optional(text()),
        }),
      ),
    ),
  }),
);
export type ProjectStageEntry = z.infer<typeof projectStageSchema>;

export const projectFields = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    ...header('project'),
    title: text(),
    code: text(),
    unit: text(),
    location: text(),
    summary: z.optional(z.string()),
    office: text(),
    published: isoDate(),
    investment: z.strictObject({
      total: amount(),
      sources: z.array(z.strictObject({ name: text(), amount: amount() })).check(z.minLength(1)),
    }),
    progress: z.optional(z.array(z.strictObject({ date: isoDate(), planned: amount(), completed: amount() }))),
    stages: z.array(projectStageSchema).check(z.minLength(1)),
  }),
);

export type GkProject = z.infer<typeof projectFields>;

type Issue = { path: Array<string | number>; message: string; params: Record<string, string | number> };

const stageName = (stage: ProjectStage) => `project.stage.${stage}`;

/** The checks types cannot say (see the header). Amounts are in 万元. */
export function projectIssues(doc: GkProject): Issue[] {
  const issues: Issue[] = [];
  const position = (stage: ProjectStage) => PROJECT_STAGES.indexOf(stage);
  let last = -1;
  doc.stages.forEach((entry, i) => {
    const at = (...path: Array<string | number>) => ['stages', i, ...path];
    const index = position(entry.stage);
    if (index <= last)
      issues.push({
        path: at('stage'),
        message: 'project.stageOrder',
        params: { stage: stageName(entry.stage), before: stageName(PROJECT_STAGES[last]!) },
      });
    last = Math.max(last, index);
    if (entry.status === '未开始' && (entry.start || entry.end))
      issues.push({ path: at('start'), message: 'project.notStartedDates', params: {} });
    if (entry.status !== '未开始' && !entry.start)
      issues.push({
        path: at('start'),
        message: 'project.needsStart',
        params: { status: `project.status.${entry.status}` },
      });
    if (entry.status === '已完成' && !entry.end)
      issues.push({ path: at('end'), message: 'project.needsEnd', params: {} });
    if (entry.status === '进行中' && entry.end)
      issues.push({ path: at('end'), message: 'project.ongoingEnd', params: {} });
    if (entry.start && entry.end && entry.end < entry.start)
      issues.push({ path: at('end'), message: 'project.endBeforeStart', params: { start: entry.start } });
  });
  // The main line, stage by stage.
  let previous: { entry: ProjectStageEntry; i: number } | undefined;
  doc.stages.forEach((entry, i) => {
    if (!MAIN_LINE.includes(entry.stage)) return;
    if (previous) {
      const before = previous.entry;
      if (entry.start && before.start && entry.start < before.start) {
        issues.push({
          path: ['stages', i, 'start'],
          message: 'project.startsBefore',
          params: { stage: stageName(entry.stage), before: stageName(before.stage), date: before.start },
        });
      }
      if (entry.status !== '未开始' && before.status === '未开始') {
        issues.push({
          path: ['stages', i, 'status'],
          message: 'project.beforeNotStarted',
          params: { stage: stageName(entry.stage), before: stageName(before.stage) },
        });
      }
    }
    previous = { entry, i };
  });
  // Amounts.
  const { total, sources } = doc.investment;
  const sum = sources.reduce((acc, source) => acc + source.amount, 0);
  if (Math.abs(sum - total) > 0.005)
    issues.push({ path: ['investment', 'sources'], message: 'project.sourcesSum', params: { sum: round(sum), total } });
  (doc.progress ?? []).forEach((point, i) => {
    const before = doc.progress![i - 1];
    if (before && point.date <= before.date)
      issues.push({ path: ['progress', i, 'date'], message: 'project.progressOrder', params: { date: before.date } });
    if (before && point.completed < before.completed)
      issues.push({
        path: ['progress', i, 'completed'],
        message: 'project.progressBack',
        params: { value: point.completed, before: before.completed },
      });
    if (before && point.planned < before.planned)
      issues.push({
        path: ['progress', i, 'planned'],
        message: 'project.progressBack',
        params: { value: point.planned, before: before.planned },
      });
    for (const key of ['planned', 'completed'] as const) {
      if (point[key] > total + 0.005)
        issues.push({ path: ['progress', i, key], message: 'project.overTotal', params: { value: point[key], total } });
    }
  });
  return issues;
}

const round = (value: number) => Math.round(value * 100) / 100;

export const projectSchema = /* @__PURE__ */ lazySchema(() =>
  projectFields.check(
    z.superRefine((doc, ctx) => {
      for (const issue of projectIssues(doc as GkProject))
        ctx.issues.push({ code: 'custom', input: undefined, ...issue });
    }),
  ),
);

/** Investment completed to date: the last progress point's, or 0. */
export function completedInvestment(doc: GkProject): number {
  return doc.progress?.at(-1)?.completed ?? 0;
}

/**
 * The stage the project is in: the last stage of the main line under way (construction,
 * rather than the supervision that runs beside it), else the last stage under way, else the
 * last one finished, else none.
 */
export function currentStage(doc: GkProject): ProjectStageEntry | undefined {
  const ongoing = doc.stages.filter((entry) => entry.status === '进行中');
  return (
    ongoing.filter((entry) => MAIN_LINE.includes(entry.stage)).at(-1) ??
    ongoing.at(-1) ??
    doc.stages.filter((entry) => entry.status === '已完成').at(-1)
  );
}

/** What each field means, for editors' IDEs. */
export function projectDescriptions(): FieldDescriptions {
  return {
    '': [
      '重大建设项目信息公开（国办发〔2017〕94号的八类信息）',
      'A major construction project (the eight kinds of information of 国办发〔2017〕94号)',
    ],
    ...headerDescriptions('project'),
    title: ['项目名称', 'Project name'],
    code: ['项目代码（投资项目在线审批监管平台赋予）', 'Project code (from the investment approval platform)'],
    unit: ['项目单位（建设单位）', 'The unit building it'],
    location: ['建设地点', 'Location'],
    summary: ['建设规模和内容（Markdown）', 'Scale and content (Markdown)'],
    office: ['公开单位', 'The office publishing'],
    published: ['公开日期', 'Published on'],
    investment: ['投资（万元）', 'Investment (10,000 yuan)'],
    'investment.total': [
      '总投资（万元），须等于各资金来源之和',
      'Total investment (10,000 yuan); equals the sum of the sources',
    ],
    'investment.sources': ['资金来源', 'Funding sources'],
    'investment.sources[]': ['一项资金来源', 'One source'],
    'investment.sources[].name': ['来源，如“中央预算内投资”', 'Source'],
    'investment.sources[].amount': ['金额（万元）', 'Amount (10,000 yuan)'],
    progress: ['投资完成情况：按日期排列的累计数（万元）', 'Investment to date: cumulative, by date (10,000 yuan)'],
    'progress[]': ['一个时点', 'One date'],
    'progress[].date': ['截至日期', 'As of'],
    'progress[].planned': ['累计计划完成投资（万元）', 'Planned to date (10,000 yuan)'],
    'progress[].completed': ['累计完成投资（万元）', 'Completed to date (10,000 yuan)'],
    stages: ['八类信息，按国办发〔2017〕94号的顺序', 'The eight kinds of information, in order'],
    'stages[]': ['一类信息（一个阶段）', 'One stage'],
    'stages[].stage': ['信息类别', 'Kind of information'],
    'stages[].status': ['状态：未开始、进行中、已完成', 'Status'],
    'stages[].start': ['开始日期（进行中、已完成时必填）', 'Start (required once started)'],
    'stages[].end': ['结束日期（已完成时必填）', 'End (required when finished)'],
    'stages[].summary': ['说明', 'Summary'],
    'stages[].documents': ['文件', 'Documents'],
    'stages[].documents[]': ['一份文件', 'One document'],
    'stages[].documents[].title': ['文件名称', 'Title'],
    'stages[].documents[].number': ['文号，如“石发改审发〔2018〕45号”', 'Document number'],
    'stages[].documents[].date': ['日期', 'Date'],
    'stages[].documents[].url': ['文件地址', 'Address'],
    'stages[].contracts': ['合同订立和履约', 'Contracts awarded and performed'],
    'stages[].contracts[]': ['一份合同', 'One contract'],
    'stages[].contracts[].name': ['合同名称', 'Contract'],
    'stages[].contracts[].party': ['中标或承包单位', 'Contractor'],
    'stages[].contracts[].amount': ['合同金额（万元）', 'Amount (10,000 yuan)'],
    'stages[].contracts[].signed': ['签订日期', 'Signed on'],
    'stages[].contracts[].performance': ['履约情况', 'Performance'],
  };
}
