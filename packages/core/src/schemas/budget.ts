/**
 * `"kind": "budget"` — a department budget, adjusted budget or final accounts
 * (预决算公开), with several years for comparison, the three public expenses
 * (三公经费) and government debt. Shown by <gk-budget>.
 *
 * Beyond types, the checks a finance office makes before publishing: children
 * sum to their parent, basic + project spending equals the total, codes nest
 * (21002 under 210), every year is declared once, nothing is negative.
 */
import * as z from 'zod/mini';
import { formatPath } from '../json-source.js';
import { described, header, isoDate, text } from './common.js';

export const BUDGET_UNITS = ['元', '千元', '万元'] as const;
export const BUDGET_STAGES = ['预算', '调整预算', '决算'] as const;
export const BUDGET_VIEWS = ['treemap', 'bars', 'execution', 'years', 'sangong', 'debt', 'tables'] as const;
/** The amounts a row may carry. */
export const AMOUNT_MEASURES = ['budget', 'adjusted', 'final', 'basic', 'project'] as const;

const amount = (zh: string, en: string) => z.optional(described(z.number().check(z.nonnegative()), zh, en));
const year = described(z.int().check(z.gte(1949), z.lte(2200)), '年度（如 2018）', 'Fiscal year (e.g. 2018)');

export const amountRowSchema = described(
  z.strictObject({
    year,
    budget: amount('预算数', 'Budget'),
    adjusted: amount('调整预算数', 'Adjusted budget'),
    final: amount('决算数', 'Final accounts'),
    basic: amount('其中：基本支出', 'Of which basic spending (基本支出)'),
    project: amount('其中：项目支出', 'Of which project spending (项目支出)'),
  }),
  '某一年度的金额（单位见 unit）',
  "One year's amounts (in the document's unit)",
);

export interface BudgetItem {
  code?: string | undefined;
  name: string;
  values: Array<z.infer<typeof amountRowSchema>>;
  children?: BudgetItem[] | undefined;
  note?: string | undefined;
}

/** 类 / 款 / 项 codes: 3, 5 or 7 digits (economic classification: 3 or 5). */
const CODE_PATTERN = /^\d{3}(?:\d{2}){0,2}$/;

export const budgetItemSchema: z.ZodMiniType<BudgetItem> = described(
  z.strictObject({
    code: z.optional(
      described(
        z.string().check(z.regex(CODE_PATTERN, { error: 'expect.budgetCode' })),
        '科目编码：类 3 位、款 5 位、项 7 位（如 210、21002、2100201）',
        'Classification code: 3 digits (类), 5 (款) or 7 (项), e.g. 210, 21002, 2100201',
      ),
    ),
    name: text('科目名称', 'Item name'),
    values: described(z.array(amountRowSchema), '各年度金额', 'Amounts by year'),
    get children() {
      return z.optional(described(z.array(budgetItemSchema), '下级科目', 'Sub-items'));
    },
    note: z.optional(described(z.string(), '说明', 'Note')),
  }),
  '科目',
  'Budget item',
);

export const sangongRowSchema = described(
  z.strictObject({
    year,
    travelAbroad: described(z.number().check(z.nonnegative()), '因公出国（境）费', 'Official travel abroad'),
    vehiclePurchase: described(z.number().check(z.nonnegative()), '公务用车购置费', 'Official vehicle purchase'),
    vehicleOperation: described(z.number().check(z.nonnegative()), '公务用车运行维护费', 'Official vehicle operation'),
    reception: described(z.number().check(z.nonnegative()), '公务接待费', 'Official reception'),
    meeting: amount('会议费', 'Meetings'),
    training: amount('培训费', 'Training'),
  }),
  '某一年度的“三公”经费',
  "One year's three public expenses",
);

export const debtRowSchema = described(
  z.strictObject({
    year,
    limit: described(z.number().check(z.nonnegative()), '债务限额', 'Debt limit'),
    balance: described(z.number().check(z.nonnegative()), '债务余额（年末）', 'Debt balance (year end)'),
    borrowing: amount('当年新增债务', 'New borrowing in the year'),
    repayment: amount('当年偿还', 'Repaid in the year'),
  }),
  '某一年度的债务',
  "One year's debt",
);

export const repaymentSchema = described(
  z.strictObject({
    year,
    principal: described(z.number().check(z.nonnegative()), '到期本金', 'Principal due'),
    interest: amount('利息', 'Interest'),
  }),
  '某一年度的还本付息计划',
  'Repayment due in one year',
);

const budgetFields = z.strictObject({
  ...header('budget'),
  title: text('标题，如“平罗县卫生和计划生育局2018年部门预算”', 'Title'),
  department: text('部门（或政府层级）', 'Department or level of government'),
  stage: described(z.enum(BUDGET_STAGES), '阶段：预算、调整预算、决算', 'Stage: budget, adjusted budget, final accounts'),
  year: described(z.int().check(z.gte(1949), z.lte(2200)), '本文件的主年度', 'The fiscal year this document is about'),
  years: described(z.array(z.int()).check(z.minLength(1)), '数据涉及的全部年度（不重复）', 'Every fiscal year the data covers (no repeats)'),
  unit: described(z.enum(BUDGET_UNITS), '金额单位：元、千元、万元', 'Unit of all amounts'),
  published: isoDate('公开日期', 'Date of publication'),
  source: z.optional(described(z.string(), '数据来源说明', 'Source note')),
  tolerance: z.optional(
    described(z.number().check(z.nonnegative()), '合计校验的允许误差（单位同 unit，默认 0.01）', 'Rounding tolerance for sums (in unit; default 0.01)'),
  ),
  views: z.optional(described(z.array(z.enum(BUDGET_VIEWS)).check(z.minLength(1)), '显示哪些视图', 'Which views to show')),
  defaultView: z.optional(described(z.enum(BUDGET_VIEWS), '默认视图', 'The view shown first')),
  functional: described(z.array(budgetItemSchema), '按支出功能分类科目（类/款/项）', 'Spending by function classification (类/款/项)'),
  economic: z.optional(described(z.array(budgetItemSchema), '按支出经济分类科目', 'Spending by economic classification')),
  revenue: z.optional(described(z.array(budgetItemSchema), '收入（按来源：财政拨款、事业收入……）', 'Revenue by source')),
  sangong: z.optional(described(z.array(sangongRowSchema), '“三公”经费（含上年）', 'Three public expenses, with the year before')),
  sangongNote: z.optional(described(z.string(), '“三公”经费增减变化原因说明', 'Explanation of changes in the three public expenses')),
  debt: z.optional(
    described(
      z.strictObject({
        series: described(z.array(debtRowSchema), '各年度债务限额和余额', 'Debt limit and balance by year'),
        schedule: z.optional(described(z.array(repaymentSchema), '还本付息计划', 'Repayment schedule')),
        term: z.optional(described(z.string(), '债务期限说明', 'Terms')),
        use: z.optional(described(z.string(), '债务资金用途', 'Use of the borrowed funds')),
      }),
      '政府债务',
      'Government debt',
    ),
  ),
});

export type GkBudget = z.infer<typeof budgetFields>;
type Issue = { path: Array<string | number>; message: string; params: Record<string, string | number> };

/** The checks that types cannot express, as issues with paths and both numbers. */
export function budgetConsistencyIssues(doc: GkBudget): Issue[] {
  const issues: Issue[] = [];
  const tolerance = doc.tolerance ?? 0.01;
  const declared = new Set<number>();
  doc.years.forEach((y, i) => {
    if (declared.has(y)) issues.push({ path: ['years', i], message: 'budget.yearRepeat', params: { year: y } });
    declared.add(y);
  });
  if (!declared.has(doc.year)) issues.push({ path: ['year'], message: 'budget.unknownYear', params: { year: doc.year, years: doc.years.join('、') } });

  const round = (n: number) => Number(n.toFixed(6));
  const checkYears = <T extends { year: number }>(rows: T[], path: Array<string | number>) => {
    const seen = new Set<number>();
    rows.forEach((row, i) => {
      if (!declared.has(row.year)) issues.push({ path: [...path, i, 'year'], message: 'budget.unknownYear', params: { year: row.year, years: doc.years.join('、') } });
      if (seen.has(row.year)) issues.push({ path: [...path, i, 'year'], message: 'budget.yearRepeat', params: { year: row.year } });
      seen.add(row.year);
    });
  };

  const codes = new Map<string, string>();
  const walk = (items: BudgetItem[], path: Array<string | number>, parent: BudgetItem | undefined) => {
    items.forEach((item, i) => {
      const here = [...path, i];
      checkYears(item.values, [...here, 'values']);
      if (item.code !== undefined) {
        const previous = codes.get(item.code);
        if (previous !== undefined) issues.push({ path: [...here, 'code'], message: 'budget.codeRepeat', params: { code: item.code, other: previous } });
        else codes.set(item.code, formatPath(here));
        if (parent?.code !== undefined && !(item.code.startsWith(parent.code) && item.code.length === parent.code.length + 2)) {
          issues.push({ path: [...here, 'code'], message: 'budget.codeNest', params: { code: item.code, parent: parent.code } });
        }
      }
      item.values.forEach((row, r) => {
        // basic + project = the total of the stage they split.
        if (row.basic !== undefined && row.project !== undefined) {
          const total = row.final ?? row.adjusted ?? row.budget;
          const measure = row.final !== undefined ? 'final' : row.adjusted !== undefined ? 'adjusted' : 'budget';
          if (total !== undefined && Math.abs(row.basic + row.project - total) > tolerance + 1e-9) {
            issues.push({
              path: [...here, 'values', r, measure],
              message: 'budget.splitMismatch',
              params: { sum: round(row.basic + row.project), total: round(total), measure: `measure.${measure}`, unit: doc.unit },
            });
          }
        }
      });
      if (item.children?.length) {
        // Each measure of each year: the children's sum must equal the parent's figure.
        item.values.forEach((row, r) => {
          for (const measure of AMOUNT_MEASURES) {
            const total = row[measure];
            if (total === undefined) continue;
            let sum = 0;
            let counted = 0;
            for (const child of item.children!) {
              const value = child.values.find((v) => v.year === row.year)?.[measure];
              if (value !== undefined) {
                sum += value;
                counted++;
              }
            }
            if (counted === 0) continue;
            if (Math.abs(sum - total) > tolerance + 1e-9) {
              issues.push({
                path: [...here, 'values', r, measure],
                message: 'budget.sumMismatch',
                params: { year: row.year, measure: `measure.${measure}`, sum: round(sum), total: round(total), tolerance, unit: doc.unit },
              });
            }
          }
        });
        walk(item.children, [...here, 'children'], item);
      }
    });
  };
  walk(doc.functional, ['functional'], undefined);
  if (doc.economic) walk(doc.economic, ['economic'], undefined);
  if (doc.revenue) walk(doc.revenue, ['revenue'], undefined);
  if (doc.sangong) checkYears(doc.sangong, ['sangong']);
  if (doc.debt) {
    checkYears(doc.debt.series, ['debt', 'series']);
    doc.debt.series.forEach((row, i) => {
      if (row.balance > row.limit + tolerance) {
        issues.push({ path: ['debt', 'series', i, 'balance'], message: 'budget.overLimit', params: { balance: row.balance, limit: row.limit, unit: doc.unit } });
      }
    });
  }
  if (doc.views && doc.defaultView && !doc.views.includes(doc.defaultView)) {
    issues.push({ path: ['defaultView'], message: 'budget.defaultViewHidden', params: { view: doc.defaultView } });
  }
  return issues;
}

export const budgetSchema = described(
  budgetFields.check(
    z.superRefine((doc, ctx) => {
      for (const issue of budgetConsistencyIssues(doc as GkBudget)) {
        ctx.issues.push({ code: 'custom', input: undefined, ...issue });
      }
    }),
  ),
  '部门预决算（预决算公开）',
  'Budget or final accounts',
);
