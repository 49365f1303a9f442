/**
 * `"kind": "budget"` — a department budget, adjusted budget or final accounts
 * (预决算公开), with several years for comparison, the three public expenses
 * (三公经费) and government debt. Shown by <gk-budget>.
 *
 * Beyond types, the checks a finance office makes before publishing: children
 * sum to their parent, basic + project spending equals the total, codes nest
 * (21002 under 210), every year is declared once, nothing is negative.
 */
import { addMessages } from '../i18n.js';
import { budgetZh } from '../messages/budget.js';
import * as z from 'zod/mini';
import { lazySchema } from '../lazy.js';
import { formatPath } from '../json-source.js';
import type { Slices } from '../validate.js';
import { header, headerDescriptions, isoDate, text, type FieldDescriptions } from './common.js';

addMessages('zh-CN', budgetZh);

export const BUDGET_UNITS = ['元', '千元', '万元'] as const;
export const BUDGET_STAGES = ['预算', '调整预算', '决算'] as const;
export const BUDGET_VIEWS = ['treemap', 'bars', 'execution', 'years', 'sangong', 'debt', 'tables'] as const;
/** The amounts a row may carry. */
export const AMOUNT_MEASURES = ['budget', 'adjusted', 'final', 'basic', 'project'] as const;

const nonNegative = () => z.number().check(z.nonnegative());
const amount = () => z.optional(nonNegative());
const fiscalYear = () => z.int().check(z.gte(1949), z.lte(2200));

export const amountRowSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    year: fiscalYear(),
    budget: amount(),
    adjusted: amount(),
    final: amount(),
    basic: amount(),
    project: amount(),
  }),
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

// Created once: a recursive getter that built a new schema on every access would lose its metadata.
let childrenSchema: z.ZodMiniOptional<z.ZodMiniArray<z.ZodMiniType<BudgetItem, BudgetItem>>> | undefined;

export const budgetItemSchema: z.ZodMiniType<BudgetItem, BudgetItem> = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    code: z.optional(z.string().check(z.regex(CODE_PATTERN, { error: 'expect.budgetCode' }))),
    name: text(),
    values: z.array(amountRowSchema),
    get children() {
      return (childrenSchema ??= z.optional(z.array(budgetItemSchema)));
    },
    note: z.optional(z.string()),
  }),
);

export const sangongRowSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    year: fiscalYear(),
    travelAbroad: nonNegative(),
    vehiclePurchase: nonNegative(),
    vehicleOperation: nonNegative(),
    reception: nonNegative(),
    meeting: amount(),
    training: amount(),
  }),
);

export const debtRowSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    year: fiscalYear(),
    limit: nonNegative(),
    balance: nonNegative(),
    borrowing: amount(),
    repayment: amount(),
  }),
);

export const repaymentSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    year: fiscalYear(),
    principal: nonNegative(),
    interest: amount(),
  }),
);

/** The budget object without its cross-field checks (for checking large documents in slices). */
export const budgetFields = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    ...header('budget'),
    title: text(),
    department: text(),
    stage: z.enum(BUDGET_STAGES),
    year: fiscalYear(),
    years: z.array(z.int()).check(z.minLength(1)),
    unit: z.enum(BUDGET_UNITS),
    published: isoDate(),
    source: z.optional(z.string()),
    tolerance: z.optional(nonNegative()),
    views: z.optional(z.array(z.enum(BUDGET_VIEWS)).check(z.minLength(1))),
    defaultView: z.optional(z.enum(BUDGET_VIEWS)),
    functional: z.array(budgetItemSchema),
    economic: z.optional(z.array(budgetItemSchema)),
    revenue: z.optional(z.array(budgetItemSchema)),
    sangong: z.optional(z.array(sangongRowSchema)),
    sangongNote: z.optional(z.string()),
    debt: z.optional(
      z.strictObject({
        series: z.array(debtRowSchema),
        schedule: z.optional(z.array(repaymentSchema)),
        term: z.optional(z.string()),
        use: z.optional(z.string()),
      }),
    ),
  }),
);

const itemDescriptions = (path: string): FieldDescriptions => ({
  [`${path}[]`]: ['科目', 'Budget item'],
  [`${path}[].code`]: [
    '科目编码：类 3 位、款 5 位、项 7 位（如 210、21002、2100201）',
    'Classification code: 3 digits (类), 5 (款) or 7 (项), e.g. 210, 21002, 2100201',
  ],
  [`${path}[].name`]: ['科目名称', 'Item name'],
  [`${path}[].values`]: ['各年度金额', 'Amounts by year'],
  [`${path}[].values[]`]: ['某一年度的金额（单位见 unit）', "One year's amounts (in the document's unit)"],
  [`${path}[].values[].year`]: ['年度（如 2018）', 'Fiscal year (e.g. 2018)'],
  [`${path}[].values[].budget`]: ['预算数', 'Budget'],
  [`${path}[].values[].adjusted`]: ['调整预算数', 'Adjusted budget'],
  [`${path}[].values[].final`]: ['决算数', 'Final accounts'],
  [`${path}[].values[].basic`]: ['其中：基本支出', 'Of which basic spending (基本支出)'],
  [`${path}[].values[].project`]: ['其中：项目支出', 'Of which project spending (项目支出)'],
  [`${path}[].children`]: ['下级科目', 'Sub-items'],
  [`${path}[].note`]: ['说明', 'Note'],
});

/** What each field means, for editors' IDEs (attached by describe.ts for the JSON Schema; a function, so bundles that never ask drop it). */
export function budgetDescriptions(): FieldDescriptions {
  return {
    '': ['部门预决算（预决算公开）', 'Budget or final accounts'],
    ...headerDescriptions('budget'),
    title: ['标题，如“平罗县卫生和计划生育局2018年部门预算”', 'Title'],
    department: ['部门（或政府层级）', 'Department or level of government'],
    stage: ['阶段：预算、调整预算、决算', 'Stage: budget, adjusted budget, final accounts'],
    year: ['本文件的主年度', 'The fiscal year this document is about'],
    years: ['数据涉及的全部年度（不重复）', 'Every fiscal year the data covers (no repeats)'],
    unit: ['金额单位：元、千元、万元', 'Unit of all amounts'],
    published: ['公开日期（YYYY-MM-DD）', 'Date of publication (YYYY-MM-DD)'],
    source: ['数据来源说明', 'Source note'],
    tolerance: ['合计校验的允许误差（单位同 unit，默认 0.01）', 'Rounding tolerance for sums (in unit; default 0.01)'],
    views: [
      '显示哪些视图：treemap 构成、bars 排序、execution 预算与决算、years 历年对比、sangong “三公”经费、debt 政府债务、tables 公开表格',
      'Which views to show',
    ],
    defaultView: ['默认视图', 'The view shown first'],
    functional: ['按支出功能分类科目（类/款/项）', 'Spending by function classification (类/款/项)'],
    ...itemDescriptions('functional'),
    economic: ['按支出经济分类科目', 'Spending by economic classification'],
    revenue: ['收入（按来源：财政拨款、事业收入……）', 'Revenue by source'],
    sangong: ['“三公”经费（含上年）', 'Three public expenses, with the year before'],
    'sangong[]': ['某一年度的“三公”经费', "One year's three public expenses"],
    'sangong[].year': ['年度', 'Fiscal year'],
    'sangong[].travelAbroad': ['因公出国（境）费', 'Official travel abroad'],
    'sangong[].vehiclePurchase': ['公务用车购置费', 'Official vehicle purchase'],
    'sangong[].vehicleOperation': ['公务用车运行维护费', 'Official vehicle operation'],
    'sangong[].reception': ['公务接待费', 'Official reception'],
    'sangong[].meeting': ['会议费', 'Meetings'],
    'sangong[].training': ['培训费', 'Training'],
    sangongNote: ['“三公”经费增减变化原因说明', 'Explanation of changes in the three public expenses'],
    debt: ['政府债务', 'Government debt'],
    'debt.series': ['各年度债务限额和余额', 'Debt limit and balance by year'],
    'debt.series[]': ['某一年度的债务', "One year's debt"],
    'debt.series[].year': ['年度', 'Fiscal year'],
    'debt.series[].limit': ['债务限额', 'Debt limit'],
    'debt.series[].balance': ['债务余额（年末）', 'Debt balance (year end)'],
    'debt.series[].borrowing': ['当年新增债务', 'New borrowing in the year'],
    'debt.series[].repayment': ['当年偿还', 'Repaid in the year'],
    'debt.schedule': ['还本付息计划', 'Repayment schedule'],
    'debt.schedule[]': ['某一年度的还本付息', 'Repayment due in one year'],
    'debt.schedule[].year': ['年度', 'Fiscal year'],
    'debt.schedule[].principal': ['到期本金', 'Principal due'],
    'debt.schedule[].interest': ['利息', 'Interest'],
    'debt.term': ['债务期限说明', 'Terms'],
    'debt.use': ['债务资金用途', 'Use of the borrowed funds'],
  };
}

export type GkBudget = z.infer<typeof budgetFields>;
type Issue = { path: Array<string | number>; message: string; params: Record<string, string | number> };

/** A budget item's row for one year. */
function rowOfYear<T extends { year: number }>(rows: readonly T[], year: number): T | undefined {
  for (let i = 0; i < rows.length; i++) if (rows[i]!.year === year) return rows[i];
  return undefined;
}

/** The checks that types cannot express, as issues with paths and both numbers. */
export function budgetConsistencyIssues(doc: GkBudget): Issue[] {
  const issues: Issue[] = [];
  const tolerance = doc.tolerance ?? 0.01;
  const declared = new Set<number>();
  doc.years.forEach((y, i) => {
    if (declared.has(y)) issues.push({ path: ['years', i], message: 'budget.yearRepeat', params: { year: y } });
    declared.add(y);
  });
  if (!declared.has(doc.year))
    issues.push({
      path: ['year'],
      message: 'budget.unknownYear',
      params: { year: doc.year, years: doc.years.join('、') },
    });

  const round = (n: number) => Number(n.toFixed(6));
  // This runs on every item before the first paint, usually as cold code: plain indexed loops, no closure or
  // iterator per item, and paths built only for an issue.
  /** Each row's year is declared, and no year comes twice. `base` is the rows' path (default: the item's values). */
  const checkYears = (rows: ReadonlyArray<{ year: number }>, base?: ReadonlyArray<string | number>) => {
    for (let i = 0; i < rows.length; i++) {
      const year = rows[i]!.year;
      if (!declared.has(year))
        issues.push({
          path: [...(base ?? pathTo('values')), i, 'year'],
          message: 'budget.unknownYear',
          params: { year, years: doc.years.join('、') },
        });
      // Rows are a handful (one a year): an earlier row of the same year is a repeat.
      for (let j = 0; j < i; j++) {
        if (rows[j]!.year === year) {
          issues.push({
            path: [...(base ?? pathTo('values')), i, 'year'],
            message: 'budget.yearRepeat',
            params: { year },
          });
          break;
        }
      }
    }
  };

  const codes = new Map<string, Array<string | number>>();
  // One path stack for the whole walk, copied only when an issue names it: a
  // 2,000-item tree otherwise allocates several arrays an item before the first paint.
  const at: Array<string | number> = [];
  const pathTo = (...rest: Array<string | number>) => [...at, ...rest];
  const walk = (items: BudgetItem[], parent: BudgetItem | undefined) => {
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      at.push(i);
      checkYears(item.values);
      if (item.code !== undefined) {
        const previous = codes.get(item.code);
        if (previous !== undefined)
          issues.push({
            path: pathTo('code'),
            message: 'budget.codeRepeat',
            params: { code: item.code, other: formatPath(previous) },
          });
        else codes.set(item.code, at.slice());
        if (
          parent?.code !== undefined &&
          !(item.code.startsWith(parent.code) && item.code.length === parent.code.length + 2)
        ) {
          issues.push({
            path: pathTo('code'),
            message: 'budget.codeNest',
            params: { code: item.code, parent: parent.code },
          });
        }
      }
      for (let r = 0; r < item.values.length; r++) {
        const row = item.values[r]!;
        // basic + project = the total of the stage they split.
        if (row.basic !== undefined && row.project !== undefined) {
          const total = row.final ?? row.adjusted ?? row.budget;
          const measure = row.final !== undefined ? 'final' : row.adjusted !== undefined ? 'adjusted' : 'budget';
          if (total !== undefined && Math.abs(row.basic + row.project - total) > tolerance + 1e-9) {
            issues.push({
              path: pathTo('values', r, measure),
              message: 'budget.splitMismatch',
              params: {
                sum: round(row.basic + row.project),
                total: round(total),
                measure: `measure.${measure}`,
                unit: doc.unit,
              },
            });
          }
        }
      }
      const children = item.children;
      if (children?.length) {
        // Each measure of each year: the children's sum must equal the parent's figure.
        for (let r = 0; r < item.values.length; r++) {
          const row = item.values[r]!;
          for (let m = 0; m < AMOUNT_MEASURES.length; m++) {
            const measure = AMOUNT_MEASURES[m]!;
            const total = row[measure];
            if (total === undefined) continue;
            let sum = 0;
            let counted = 0;
            for (let c = 0; c < children.length; c++) {
              const value = rowOfYear(children[c]!.values, row.year)?.[measure];
              if (value !== undefined) {
                sum += value;
                counted++;
              }
            }
            if (counted === 0) continue;
            if (Math.abs(sum - total) > tolerance + 1e-9) {
              issues.push({
                path: pathTo('values', r, measure),
                message: 'budget.sumMismatch',
                params: {
                  year: row.year,
                  measure: `measure.${measure}`,
                  sum: round(sum),
                  total: round(total),
                  tolerance,
                  unit: doc.unit,
                },
              });
            }
          }
        }
        at.push('children');
        walk(children, item);
        at.pop();
      }
      at.pop();
    }
  };
  const walkRoot = (name: string, items: BudgetItem[]) => {
    at.push(name);
    walk(items, undefined);
    at.pop();
  };
  walkRoot('functional', doc.functional);
  if (doc.economic) walkRoot('economic', doc.economic);
  if (doc.revenue) walkRoot('revenue', doc.revenue);
  if (doc.sangong) checkYears(doc.sangong, ['sangong']);
  if (doc.debt) {
    checkYears(doc.debt.series, ['debt', 'series']);
    doc.debt.series.forEach((row, i) => {
      if (row.balance > row.limit + tolerance) {
        issues.push({
          path: ['debt', 'series', i, 'balance'],
          message: 'budget.overLimit',
          params: { balance: row.balance, limit: row.limit, unit: doc.unit },
        });
      }
    });
  }
  if (doc.views && doc.defaultView && !doc.views.includes(doc.defaultView)) {
    issues.push({ path: ['defaultView'], message: 'budget.defaultViewHidden', params: { view: doc.defaultView } });
  }
  return issues;
}

export const budgetSchema = /* @__PURE__ */ lazySchema(() =>
  budgetFields.check(
    z.superRefine((doc, ctx) => {
      for (const issue of budgetConsistencyIssues(doc as GkBudget)) {
        ctx.issues.push({ code: 'custom', input: undefined, ...issue });
      }
    }),
  ),
);

/** How to check a large budget in slices (see validateInSlices). */
export const budgetSlices: Slices<typeof budgetSchema> = {
  schema: budgetSchema,
  shape: budgetFields,
  arrays: { functional: budgetItemSchema, economic: budgetItemSchema, revenue: budgetItemSchema },
  refine: budgetConsistencyIssues,
};
