/**
 * `"kind": "annual-report"` — the annual report on government information
 * disclosure (政府信息公开工作年度报告), in the national template's six parts:
 * 一 overview, 二 proactive disclosure, 三 applications received and handled
 * (table 三, the same categories gongkai-server counts), 四 reconsideration and
 * litigation, 五 problems and improvements, 六 other matters. Shown by
 * <gk-annual-report>.
 *
 * Counts are entered per applicant column; totals are worked out, and a total
 * an editor copies in must match. Beyond types, the template's own check:
 * received + carried over = outcomes + carried forward, column by column.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../lazy.js';
import { addMessages } from '../i18n.js';
import { annualReportEn, annualReportZh } from '../messages/annual-report.js';
import { header, headerDescriptions, isoDate, text, type FieldDescriptions } from './common.js';
import { REQUEST_OUTCOMES, REQUEST_OUTCOME_CASES, type RequestOutcome } from './disclosure-request.js';

addMessages('zh-CN', annualReportZh);

/** Table 三's applicant columns: 自然人, then the five kinds of 法人或其他组织. 总计 is their sum. */
export const APPLICANT_COLUMNS = ['person', 'business', 'research', 'nonprofit', 'legal', 'otherOrganisation'] as const;
export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number];
/** The results of reconsideration and litigation (table 四). */
export const APPEAL_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;
export const APPEAL_KINDS = ['review', 'litigationDirect', 'litigationAfterReview'] as const;

const count = () => z.int().check(z.gte(0));
const optionalCount = () => z.optional(count());

/** One row of table 三: applications by kind of applicant (absent = 0); `total`, when given, must be their sum. */
export const applicantCountsSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    person: optionalCount(),
    business: optionalCount(),
    research: optionalCount(),
    nonprofit: optionalCount(),
    legal: optionalCount(),
    otherOrganisation: optionalCount(),
    total: optionalCount(),
  }),
);
export type ApplicantCounts = z.infer<typeof applicantCountsSchema>;

type CasesOf<O extends RequestOutcome> = (typeof REQUEST_OUTCOME_CASES)[O][number];
type OutcomeShape = {
  [O in RequestOutcome]: CasesOf<O> extends never
    ? z.ZodMiniOptional<typeof applicantCountsSchema>
    : z.ZodMiniOptional<
        z.ZodMiniObject<{ [C in CasesOf<O>]: z.ZodMiniOptional<typeof applicantCountsSchema> }, z.core.$strict>
      >;
};

/** 三、本年度办理结果: 予以公开 and 部分公开 as counts; the other categories by their cases. */
const outcomesSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject(
    Object.fromEntries(
      REQUEST_OUTCOMES.map((outcome) => {
        const cases = REQUEST_OUTCOME_CASES[outcome] as readonly string[];
        return [
          outcome,
          z.optional(
            cases.length
              ? z.strictObject(Object.fromEntries(cases.map((c) => [c, z.optional(applicantCountsSchema)])))
              : applicantCountsSchema,
          ),
        ];
      }),
    ) as unknown as OutcomeShape,
  ),
);

const issuedSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({ made: optionalCount(), repealed: optionalCount(), inForce: optionalCount() }),
);
const appealSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    upheld: optionalCount(),
    corrected: optionalCount(),
    other: optionalCount(),
    pending: optionalCount(),
    total: optionalCount(),
  }),
);

export const annualReportFields = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    ...header('annual-report'),
    title: text(),
    /** 编制单位. */
    office: text(),
    /** The regulation took effect in 2008. */
    year: z.int().check(z.gte(2008), z.lte(2200)),
    published: isoDate(),
    overview: z.optional(z.string()),
    proactive: z.optional(
      z.strictObject({
        rules: z.optional(issuedSchema),
        normativeDocuments: z.optional(issuedSchema),
        licensing: optionalCount(),
        penalties: optionalCount(),
        enforcement: optionalCount(),
        /** 万元. */
        fees: z.optional(z.number().check(z.gte(0))),
      }),
    ),
    applications: z.strictObject({
      received: applicantCountsSchema,
      carriedOver: z.optional(applicantCountsSchema),
      outcomes: outcomesSchema,
      carriedForward: z.optional(applicantCountsSchema),
    }),
    appeals: z.optional(
      z.strictObject({
        review: z.optional(appealSchema),
        litigationDirect: z.optional(appealSchema),
        litigationAfterReview: z.optional(appealSchema),
      }),
    ),
    problems: z.optional(z.string()),
    other: z.optional(z.string()),
    source: z.optional(z.string()),
  }),
);

export type GkAnnualReport = z.infer<typeof annualReportFields>;
export type AppealCounts = z.infer<typeof appealSchema>;

/** A row's count in one column (absent = 0). */
export function applicantCount(row: ApplicantCounts | undefined, column: ApplicantColumn): number {
  return row?.[column] ?? 0;
}

/** A row's 总计: the sum of its columns. */
export function applicantTotal(row: ApplicantCounts | undefined): number {
  return APPLICANT_COLUMNS.reduce((sum, column) => sum + applicantCount(row, column), 0);
}

/** One outcome category's counts: as entered, or the sum of its cases. */
export function outcomeCounts(report: GkAnnualReport, outcome: RequestOutcome): Record<ApplicantColumn, number> {
  const entry = report.applications.outcomes[outcome] as
    ApplicantCounts | Record<string, ApplicantCounts | undefined> | undefined;
  const cases = REQUEST_OUTCOME_CASES[outcome] as readonly string[];
  const rows = cases.length
    ? cases.map((c) => (entry as Record<string, ApplicantCounts | undefined> | undefined)?.[c])
    : [entry as ApplicantCounts | undefined];
  return Object.fromEntries(
    APPLICANT_COLUMNS.map((column) => [column, rows.reduce((sum, row) => sum + applicantCount(row, column), 0)]),
  ) as Record<ApplicantColumn, number>;
}

/** （七）总计: every outcome, per column. */
export function outcomesTotal(report: GkAnnualReport): Record<ApplicantColumn, number> {
  const byOutcome = REQUEST_OUTCOMES.map((outcome) => outcomeCounts(report, outcome));
  return Object.fromEntries(
    APPLICANT_COLUMNS.map((column) => [column, byOutcome.reduce((sum, row) => sum + row[column], 0)]),
  ) as Record<ApplicantColumn, number>;
}

export function appealTotal(row: AppealCounts | undefined): number {
  return APPEAL_RESULTS.reduce((sum, result) => sum + (row?.[result] ?? 0), 0);
}

type Issue = { path: Array<string | number>; message: string; params: Record<string, string | number> };

/** The checks types cannot express, each naming its path and both numbers. */
export function annualReportIssues(report: GkAnnualReport): Issue[] {
  const issues: Issue[] = [];
  const checkTotal = (row: { total?: number | undefined } | undefined, sum: number, path: Array<string | number>) => {
    if (row?.total !== undefined && row.total !== sum)
      issues.push({ path: [...path, 'total'], message: 'annual.totalMismatch', params: { sum, total: row.total } });
  };
  const apps = report.applications;
  checkTotal(apps.received, applicantTotal(apps.received), ['applications', 'received']);
  checkTotal(apps.carriedOver, applicantTotal(apps.carriedOver), ['applications', 'carriedOver']);
  checkTotal(apps.carriedForward, applicantTotal(apps.carriedForward), ['applications', 'carriedForward']);
  for (const outcome of REQUEST_OUTCOMES) {
    const entry = apps.outcomes[outcome] as Record<string, ApplicantCounts | undefined> | undefined;
    const cases = REQUEST_OUTCOME_CASES[outcome] as readonly string[];
    if (!cases.length)
      checkTotal(entry as ApplicantCounts | undefined, applicantTotal(entry as ApplicantCounts | undefined), [
        'applications',
        'outcomes',
        outcome,
      ]);
    else
      for (const c of cases)
        checkTotal(entry?.[c], applicantTotal(entry?.[c]), ['applications', 'outcomes', outcome, c]);
  }
  // The template's own check (本列数据的勾稽关系): what came in equals what was answered plus what is left.
  const done = outcomesTotal(report);
  for (const column of APPLICANT_COLUMNS) {
    const received = applicantCount(apps.received, column);
    const carriedOver = applicantCount(apps.carriedOver, column);
    const forward = applicantCount(apps.carriedForward, column);
    if (received + carriedOver !== done[column] + forward) {
      issues.push({
        path: ['applications', 'carriedForward', column],
        message: 'annual.balance',
        params: {
          column: `annual.col.${column}`,
          received,
          carriedOver,
          in: received + carriedOver,
          done: done[column],
          forward,
          out: done[column] + forward,
        },
      });
    }
  }
  for (const kind of APPEAL_KINDS)
    checkTotal(report.appeals?.[kind], appealTotal(report.appeals?.[kind]), ['appeals', kind]);
  if (report.published < `${report.year}-12-31`)
    issues.push({
      path: ['published'],
      message: 'annual.publishedEarly',
      params: { published: report.published, year: report.year },
    });
  return issues;
}

export const annualReportSchema = /* @__PURE__ */ lazySchema(() =>
  annualReportFields.check(
    z.superRefine((report, ctx) => {
      for (const issue of annualReportIssues(report as GkAnnualReport))
        ctx.issues.push({ code: 'custom', input: undefined, ...issue });
    }),
  ),
);

const countsDescriptions = (path: string, zh: string, en: string): FieldDescriptions => ({
  [path]: [zh, en],
  [`${path}.person`]: ['自然人', 'Individuals'],
  [`${path}.business`]: ['法人或其他组织：商业企业', 'Businesses'],
  [`${path}.research`]: ['法人或其他组织：科研机构', 'Research institutions'],
  [`${path}.nonprofit`]: ['法人或其他组织：社会公益组织', 'Public-interest organisations'],
  [`${path}.legal`]: ['法人或其他组织：法律服务机构', 'Legal service providers'],
  [`${path}.otherOrganisation`]: ['法人或其他组织：其他', 'Other organisations'],
  [`${path}.total`]: [
    '总计（可不填，由各列相加；填写时须与各列之和相等）',
    'Total (optional: worked out; if given, must equal the sum)',
  ],
});

/** What each field means, for editors' IDEs. */
export function annualReportDescriptions(): FieldDescriptions {
  const outcomes: FieldDescriptions = {};
  REQUEST_OUTCOMES.forEach((outcome, i) => {
    const cases = REQUEST_OUTCOME_CASES[outcome] as readonly string[];
    const path = `applications.outcomes.${outcome}`;
    if (!cases.length) Object.assign(outcomes, countsDescriptions(path, `（${'一二三四五六'[i]}）${outcome}`, outcome));
    else {
      outcomes[path] = [`（${'一二三四五六'[i]}）${outcome}，按具体情形填写`, `${outcome}, by case`];
      cases.forEach((c, j) =>
        Object.assign(
          outcomes,
          countsDescriptions(
            `${path}.${c}`,
            `${j + 1}.${c}`,
            annualReportEn[`annual.case.${c}` as keyof typeof annualReportEn] ?? c,
          ),
        ),
      );
    }
  });
  const issued = (path: string, zh: string, en: string): FieldDescriptions => ({
    [path]: [zh, en],
    [`${path}.made`]: ['本年制发件数', 'Issued this year'],
    [`${path}.repealed`]: ['本年废止件数', 'Repealed this year'],
    [`${path}.inForce`]: ['现行有效件数', 'In force'],
  });
  const appeal = (path: string, zh: string, en: string): FieldDescriptions => ({
    [path]: [zh, en],
    [`${path}.upheld`]: ['结果维持', 'Upheld'],
    [`${path}.corrected`]: ['结果纠正', 'Corrected'],
    [`${path}.other`]: ['其他结果', 'Other result'],
    [`${path}.pending`]: ['尚未审结', 'Pending'],
    [`${path}.total`]: ['总计（可不填；填写时须与各项之和相等）', 'Total (optional; if given, must equal the sum)'],
  });
  return {
    '': [
      '政府信息公开工作年度报告（按国家统一格式）',
      'Annual report on government information disclosure (national template)',
    ],
    ...headerDescriptions('annual-report'),
    title: ['标题，如“平罗县卫生健康局2025年政府信息公开工作年度报告”', 'Title'],
    office: ['编制单位', 'The office reporting'],
    year: ['报告年度', 'The year reported on'],
    published: [
      '公开日期（YYYY-MM-DD），应在报告年度结束之后',
      'Date of publication (YYYY-MM-DD), after the year ends',
    ],
    overview: ['一、总体情况（Markdown）', '1. Overview (Markdown)'],
    proactive: ['二、主动公开政府信息情况', '2. Proactive disclosure'],
    ...issued('proactive.rules', '规章', 'Rules'),
    ...issued('proactive.normativeDocuments', '行政规范性文件', 'Normative documents'),
    'proactive.licensing': ['行政许可：本年处理决定数量', 'Administrative licences: decisions this year'],
    'proactive.penalties': ['行政处罚：本年处理决定数量', 'Administrative penalties: decisions this year'],
    'proactive.enforcement': ['行政强制：本年处理决定数量', 'Administrative enforcement: decisions this year'],
    'proactive.fees': ['行政事业性收费：本年收费金额（万元）', 'Administrative fees collected this year (10,000 yuan)'],
    applications: [
      '三、收到和处理政府信息公开申请情况（按申请人类型分列）',
      '3. Applications received and handled, by kind of applicant',
    ],
    ...countsDescriptions('applications.received', '一、本年新收政府信息公开申请数量', 'New applications this year'),
    ...countsDescriptions(
      'applications.carriedOver',
      '二、上年结转政府信息公开申请数量',
      'Carried over from last year',
    ),
    'applications.outcomes': ['三、本年度办理结果', 'Outcomes this year'],
    ...outcomes,
    ...countsDescriptions('applications.carriedForward', '四、结转下年度继续办理', 'Carried forward to next year'),
    appeals: ['四、政府信息公开行政复议、行政诉讼情况', '4. Reconsideration and litigation'],
    ...appeal('appeals.review', '行政复议', 'Administrative reconsideration'),
    ...appeal('appeals.litigationDirect', '行政诉讼：未经复议直接起诉', 'Litigation without reconsideration'),
    ...appeal('appeals.litigationAfterReview', '行政诉讼：复议后起诉', 'Litigation after reconsideration'),
    problems: ['五、存在的主要问题及改进情况（Markdown）', '5. Problems and improvements (Markdown)'],
    other: ['六、其他需要报告的事项（Markdown）', '6. Other matters (Markdown)'],
    source: ['数据来源说明', 'Source note'],
  };
}
