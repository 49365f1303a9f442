/**
 * The finance bureau's disclosure tables (部门预算/决算公开表) → a `budget` document.
 *
 *   一般公共预算支出表       by 功能分类: 科目编码 in one column or as 类/款/项, with 合计/基本支出/项目支出
 *   一般公共预算基本支出表   by 经济分类 (301, 30101, …)
 *   收支总表                 its income side becomes `revenue`
 *   “三公”经费支出表          因公出国（境）费, 公务用车购置/运行费, 公务接待费
 *
 * Each sheet is recognised by its title, header and codes, wherever its title
 * rows, unit line and header happen to be. Amounts stay exact decimals and are
 * converted exactly when tables differ in unit. What cannot be read is reported
 * with its sheet, row and column; nothing is guessed silently.
 */
import {
  add,
  compare,
  convertUnit,
  parseDecimal,
  sum,
  toNumber,
  toText,
  ZERO,
  type Decimal,
  type MoneyUnit,
} from './decimal.js';
import type { ImportMessageKey, ImportParams, ImportProblem } from './messages.js';
import {
  findHeader,
  findUnit,
  firstDataRow,
  isBlankRow,
  squeeze,
  textAbove,
  textOf,
  type HeaderBlock,
} from './sheet-layout.js';
import type { Sheet } from './workbook.js';

export type BudgetTableKind = 'functional' | 'economic' | 'summary' | 'sangong';
type Measure = 'budget' | 'adjusted' | 'final' | 'basic' | 'project';
type Stage = '预算' | '调整预算' | '决算';

export interface ImportedAmounts {
  year: number;
  budget?: number;
  adjusted?: number;
  final?: number;
  basic?: number;
  project?: number;
}

export interface ImportedBudgetItem {
  code?: string;
  name: string;
  values: ImportedAmounts[];
  children?: ImportedBudgetItem[];
}

export interface ImportedSangong {
  year: number;
  travelAbroad: number;
  vehiclePurchase: number;
  vehicleOperation: number;
  reception: number;
  meeting?: number;
  training?: number;
}

export interface ImportedBudget {
  kind: 'budget';
  version: 1;
  title: string;
  department: string;
  stage: Stage;
  year: number;
  years: number[];
  unit: MoneyUnit;
  published: string;
  functional: ImportedBudgetItem[];
  economic?: ImportedBudgetItem[];
  revenue?: ImportedBudgetItem[];
  sangong?: ImportedSangong[];
}

export interface RecognisedTable {
  sheet: string;
  table: BudgetTableKind;
  unit: MoneyUnit;
  /** Data rows read. */
  rows: number;
}

export interface BudgetImportResult {
  document: ImportedBudget;
  problems: ImportProblem[];
  tables: RecognisedTable[];
}

export interface BudgetImportOptions {
  /** The publication date to fill in (YYYY-MM-DD); default today. */
  today?: string;
}

const HEADER_WORDS =
  /^(科目编码|功能分类科目编码|经济分类科目编码|支出功能分类科目编码|科目代码|编码|科目名称|功能分类科目名称|经济分类科目名称|科目|类|款|项|合计|小计|基本支出|项目支出|项目|预算数|决算数|本年预算数?|人员经费|公用经费|收入|支出|因公出国（境）费|因公出国\(境\)费|公务接待费|公务用车购置及运行费)$/;
const TOTAL_ROW = /^(合计|总计|支出合计|收入合计|本年支出合计|本年收入合计|收入总计|支出总计|合计数)$/;
const CODE = /^\d{3}(\d{2}){0,2}$/;

interface Column {
  index: number;
  labels: string[];
}

interface Context {
  problems: ImportProblem[];
  sheet: Sheet;
}

function problem(
  context: Context,
  severity: 'error' | 'notice',
  key: ImportMessageKey,
  params: ImportParams,
  row?: number,
  col?: number,
): void {
  context.problems.push({
    severity,
    key,
    params,
    sheet: context.sheet.name,
    ...(row === undefined ? {} : { row: row + 1 }),
    ...(col === undefined ? {} : { col: col + 1 }),
  });
}

/** What kind of table a sheet is, from its name, title rows and header; undefined when none. */
function classify(sheet: Sheet, header: HeaderBlock | undefined, codes: string[]): BudgetTableKind | undefined {
  const above = [sheet.name, ...textAbove(sheet, header?.first ?? 6)].map((text) => text.replace(/\s+/g, '')).join(' ');
  const labels = header?.labels.flat().join(' ') ?? '';
  if (/三公/.test(above) || /因公出国/.test(labels)) return 'sangong';
  if (/收支总表/.test(above)) return 'summary';
  if (/基本支出表|经济分类/.test(above) || /经济分类/.test(labels)) return 'economic';
  if (/支出表|功能分类/.test(above) || /功能分类/.test(labels))
    return codes.length && codes.filter((c) => c.startsWith('3')).length > codes.length / 2 ? 'economic' : 'functional';
  if (codes.length) return codes.filter((c) => c.startsWith('3')).length > codes.length / 2 ? 'economic' : 'functional';
  return undefined;
}

/** The year, stage and department the title rows name. */
function describeTitle(lines: string[]): { year?: number; stage?: Stage; department?: string } {
  const joined = lines.join(' ');
  const year = /((?:19|20)\d{2})\s*年/.exec(joined)?.[1];
  const stage: Stage | undefined = /调整预算/.test(joined)
    ? '调整预算'
    : /决算/.test(joined)
      ? '决算'
      : /预算/.test(joined)
        ? '预算'
        : undefined;
  let department: string | undefined;
  for (const line of lines) {
    const named = /(?:单位名称|部门名称|预算单位|编制单位|编报单位|部门|单位)[:：]\s*([^\s:：]+)/.exec(line);
    if (named && !/^(万元|千元|元)$/.test(named[1]!)) {
      department = named[1]!.replace(/(单位[:：]?)?(万元|千元|元)$/, '');
      break;
    }
  }
  if (!department) {
    const titled = /^(.+?)(?:(?:19|20)\d{2})\s*年/.exec(lines.find((line) => /(?:19|20)\d{2}\s*年/.test(line)) ?? '');
    if (titled && titled[1]!.length >= 2) department = titled[1];
  }
  return {
    ...(year ? { year: Number(year) } : {}),
    ...(stage ? { stage } : {}),
    ...(department ? { department } : {}),
  };
}

/** Which measure and year an amount column holds, by its header. */
function amountColumn(labels: string[], stage: Stage, year: number): { measure: Measure; year: number } | undefined {
  const last = labels[labels.length - 1] ?? '';
  const all = labels.join('/');
  if (/人员经费|公用经费|栏次/.test(last)) return undefined;
  const yearMatch = /((?:19|20)\d{2})年?/.exec(all);
  const previous = /上年/.test(all);
  const columnYear = yearMatch ? Number(yearMatch[1]) : previous ? year - 1 : year;
  if (/基本支出/.test(last)) return { measure: 'basic', year: columnYear };
  if (/项目支出/.test(last)) return { measure: 'project', year: columnYear };
  if (/调整/.test(all)) return { measure: 'adjusted', year: columnYear };
  if (/决算/.test(all)) return { measure: 'final', year: columnYear };
  if (/预算/.test(all)) return { measure: 'budget', year: columnYear };
  if (/^(合计|小计|总计|金额|本年合计|支出合计)$/.test(last) || /合计$/.test(last)) {
    return { measure: stage === '决算' ? 'final' : stage === '调整预算' ? 'adjusted' : 'budget', year: columnYear };
  }
  return undefined;
}

interface ParsedRow {
  row: number;
  code?: string;
  name: string;
  amounts: Array<{ measure: Measure; year: number; value: Decimal; col: number }>;
}

/** Reads the amount cells of one row; a cell that is not a number is an error at its cell. */
function readAmounts(
  context: Context,
  r: number,
  columns: Array<{ index: number; measure: Measure; year: number }>,
  unit: MoneyUnit,
  target: MoneyUnit,
): ParsedRow['amounts'] {
  const row = context.sheet.rows[r]!;
  const out: ParsedRow['amounts'] = [];
  for (const column of columns) {
    const raw = row[column.index];
    const value = parseDecimal(raw);
    if (value === undefined) continue;
    if (value === null) {
      problem(context, 'error', 'budget.notNumber', { value: String(raw).slice(0, 40) }, r, column.index);
      continue;
    }
    if (value.units < 0n) problem(context, 'error', 'budget.negative', { value: toText(value) }, r, column.index);
    out.push({
      measure: column.measure,
      year: column.year,
      value: convertUnit(value, unit, target),
      col: column.index,
    });
  }
  return out;
}

/** Rows of a classified table (functional or economic) → items in a tree by code. */
function readClassified(
  context: Context,
  header: HeaderBlock,
  stage: Stage,
  year: number,
  unit: MoneyUnit,
  target: MoneyUnit,
  table: 'functional' | 'economic',
) {
  const columns: Column[] = header.labels.map((labels, index) => ({ index, labels }));
  const lastOf = (column: Column) => column.labels[column.labels.length - 1] ?? '';
  const isCodeLabel = (labels: string[]) => labels.some((label) => /编码|代码/.test(label));
  const split = {
    lei: columns.find((c) => lastOf(c) === '类'),
    kuan: columns.find((c) => lastOf(c) === '款'),
    xiang: columns.find((c) => lastOf(c) === '项' && (isCodeLabel(c.labels) || c.labels.length > 1)),
  };
  const single = split.lei ? undefined : columns.find((c) => isCodeLabel(c.labels) && !/名称/.test(lastOf(c)));
  const nameColumn =
    columns.find((c) => /名称/.test(lastOf(c))) ?? columns.find((c) => /^(科目|项目)$/.test(lastOf(c)) && c !== single);
  const amounts = columns.flatMap((c) => {
    if (c === single || c === nameColumn || c === split.lei || c === split.kuan || c === split.xiang) return [];
    const found = amountColumn(c.labels, stage, year);
    return found ? [{ index: c.index, ...found }] : [];
  });
  if (!amounts.length) {
    problem(context, 'error', 'budget.noAmounts', {}, header.first);
    return { roots: [] as ImportedBudgetItem[], rows: 0 };
  }

  const parsed: ParsedRow[] = [];
  let total: ParsedRow | undefined;
  let lei = '';
  let kuan = '';
  for (let r = firstDataRow(context.sheet, header); r < context.sheet.rows.length; r++) {
    const row = context.sheet.rows[r]!;
    if (isBlankRow(row)) continue;
    let code = '';
    let name = nameColumn ? (textOf(row[nameColumn.index]) ?? '') : '';
    // The 合计 row (its label may be merged across the code and name columns).
    const label = squeeze(row[(split.lei ?? single)?.index ?? 0]);
    if (TOTAL_ROW.test(squeeze(name)) || TOTAL_ROW.test(label)) {
      total = { row: r, name, amounts: readAmounts(context, r, amounts, unit, target) };
      continue;
    }
    if (split.lei) {
      const a = squeeze(row[split.lei.index]);
      const b = split.kuan ? squeeze(row[split.kuan.index]) : '';
      const c = split.xiang ? squeeze(row[split.xiang.index]) : '';
      // Each column may hold its own two digits ("02") or the whole code ("21002").
      if (/^\d{3}$/.test(a)) lei = a;
      if (b) kuan = /^\d{5}$/.test(b) ? b.slice(3) : b.padStart(2, '0');
      if (c) code = /^\d{7}$/.test(c) ? c : `${a || lei}${b ? kuan : kuan}${c.padStart(2, '0')}`;
      else if (b) code = /^\d{5}$/.test(b) ? b : `${a || lei}${kuan}`;
      else if (a) {
        code = a;
        kuan = '';
      }
    } else if (single) {
      const cell = textOf(row[single.index]) ?? '';
      const joined = /^(\d{3,7})\s*(\S.*)$/.exec(cell);
      if (joined && !name) {
        code = joined[1]!;
        name = joined[2]!;
      } else code = squeeze(cell);
    }
    name = name.replace(/^[\s　]+/, '');
    const values = readAmounts(context, r, amounts, unit, target);
    if (!code && !name && !values.length) continue;
    if (code && !CODE.test(code)) {
      problem(context, 'error', 'budget.badCode', { code }, r, (split.lei ?? single)?.index);
      continue;
    }
    if (!code) {
      if (values.length) problem(context, 'error', 'budget.noCode', {}, r, (split.lei ?? single)?.index);
      continue;
    }
    if (!name) problem(context, 'error', 'budget.noName', { code }, r, nameColumn?.index);
    parsed.push({ row: r, code, name: name || code, amounts: values });
  }

  // The tree: 类 → 款 → 项 by code prefix.
  const roots: ImportedBudgetItem[] = [];
  const byCode = new Map<string, { item: ImportedBudgetItem; row: number; totals: Map<string, Decimal> }>();
  for (const entry of parsed) {
    const code = entry.code!;
    const seen = byCode.get(code);
    if (seen) {
      problem(
        context,
        'error',
        'budget.repeatCode',
        { code, other: seen.row + 1 },
        entry.row,
        (split.lei ?? single)?.index,
      );
      continue;
    }
    const valuesByYear = new Map<number, ImportedAmounts>();
    const totals = new Map<string, Decimal>();
    for (const amount of entry.amounts) {
      const values = valuesByYear.get(amount.year) ?? { year: amount.year };
      values[amount.measure] = toNumber(amount.value);
      valuesByYear.set(amount.year, values);
      totals.set(`${amount.year}/${amount.measure}`, amount.value);
    }
    const item: ImportedBudgetItem = {
      code,
      name: entry.name,
      values: [...valuesByYear.values()].sort((a, b) => b.year - a.year),
    };
    byCode.set(code, { item, row: entry.row, totals });
    const parentCode = code.length > 3 ? code.slice(0, -2) : undefined;
    const parent = parentCode ? byCode.get(parentCode) : undefined;
    if (parent) (parent.item.children ??= []).push(item);
    else {
      if (parentCode)
        problem(
          context,
          'notice',
          'budget.noParent',
          { code, parent: parentCode },
          entry.row,
          (split.lei ?? single)?.index,
        );
      roots.push(item);
    }
  }

  // The 合计 row against the classes, exactly.
  if (total) {
    for (const amount of total.amounts) {
      const key = `${amount.year}/${amount.measure}`;
      const parts = roots
        .map((root) => byCode.get(root.code!)!.totals.get(key))
        .filter((value): value is Decimal => value !== undefined);
      if (!parts.length) continue;
      const computed = sum(parts);
      if (compare(computed, amount.value) !== 0) {
        problem(
          context,
          'error',
          'budget.totalMismatch',
          { total: toText(amount.value), sum: toText(computed), unit: target },
          total.row,
          amount.col,
        );
      }
    }
  }
  void table;
  return { roots, rows: parsed.length };
}

/** The income side of 收支总表 → `revenue` (items without codes). */
function readSummary(
  context: Context,
  header: HeaderBlock,
  stage: Stage,
  year: number,
  unit: MoneyUnit,
  target: MoneyUnit,
) {
  const columns = header.labels.map((labels, index) => ({ index, labels }));
  const income = columns.filter((c) => /收入/.test(c.labels[0] ?? ''));
  const nameColumn = income.find((c) => /项目|名称|科目/.test(c.labels[c.labels.length - 1] ?? '')) ?? income[0];
  const amountColumns = income.flatMap((c) => {
    if (c === nameColumn) return [];
    const found = amountColumn([...c.labels.slice(1), ...(c.labels.length === 1 ? ['合计'] : [])], stage, year);
    return found ? [{ index: c.index, ...found }] : [];
  });
  if (columns.some((c) => /支出/.test(c.labels[0] ?? '')))
    problem(context, 'notice', 'budget.revenueOnly', {}, header.first);
  if (!nameColumn || !amountColumns.length) {
    problem(context, 'error', 'budget.noAmounts', {}, header.first);
    return { items: [] as ImportedBudgetItem[], rows: 0 };
  }
  const items: ImportedBudgetItem[] = [];
  for (let r = firstDataRow(context.sheet, header); r < context.sheet.rows.length; r++) {
    const row = context.sheet.rows[r]!;
    const name = (textOf(row[nameColumn.index]) ?? '').replace(/^[一二三四五六七八九十]+[、.．]\s*/, '');
    if (!name || /合计|总计/.test(squeeze(name))) continue;
    const amounts = readAmounts(context, r, amountColumns, unit, target);
    if (!amounts.length) continue;
    const values = new Map<number, ImportedAmounts>();
    for (const amount of amounts) {
      const entry = values.get(amount.year) ?? { year: amount.year };
      entry[amount.measure] = toNumber(amount.value);
      values.set(amount.year, entry);
    }
    items.push({ name, values: [...values.values()] });
  }
  return { items, rows: items.length };
}

const SANGONG_FIELDS = [
  { field: 'travelAbroad', test: /因公出国/, label: '因公出国（境）费' },
  { field: 'vehiclePurchase', test: /购置(?!及)/, label: '公务用车购置费' },
  { field: 'vehicleOperation', test: /运行(?!费?$)|运行维护|运行费/, label: '公务用车运行费' },
  { field: 'reception', test: /接待/, label: '公务接待费' },
  { field: 'meeting', test: /会议/, label: '会议费' },
  { field: 'training', test: /培训/, label: '培训费' },
] as const;

/** “三公”经费支出表: one row per year (a row without a year is the document's year). */
function readSangong(context: Context, header: HeaderBlock, year: number, unit: MoneyUnit, target: MoneyUnit) {
  const columns = header.labels.map((labels, index) => ({ index, labels, last: labels[labels.length - 1] ?? '' }));
  const mapped = new Map<string, number>();
  for (const spec of SANGONG_FIELDS) {
    const column = columns.find((c) => spec.test.test(c.last) && !/小计|合计/.test(c.last));
    if (column) mapped.set(spec.field, column.index);
  }
  // A table with one 公务用车购置及运行费 column and no split.
  const combined = columns.find((c) => /购置及运行/.test(c.last));
  if (combined && !mapped.has('vehicleOperation')) mapped.set('vehicleOperation', combined.index);
  const totalColumn = columns.find((c) => /^(合计|总计)$/.test(c.last) && c.labels.length === 1);
  for (const spec of SANGONG_FIELDS.slice(0, 4)) {
    if (!mapped.has(spec.field) && !(spec.field === 'vehiclePurchase' && combined))
      problem(context, 'error', 'budget.sangongColumn', { label: spec.label }, header.first);
  }
  const labelColumn = columns.find((c) => !mapped.has(c.last) && /项目|年度|科目/.test(c.last));
  const rows: ImportedSangong[] = [];
  for (let r = firstDataRow(context.sheet, header); r < context.sheet.rows.length; r++) {
    const row = context.sheet.rows[r]!;
    if (isBlankRow(row)) continue;
    const label = labelColumn ? squeeze(row[labelColumn.index]) : '';
    const rowYear = Number(/((?:19|20)\d{2})/.exec(label)?.[1] ?? (/上年/.test(label) ? year - 1 : year));
    const values: Record<string, Decimal> = {};
    for (const [field, index] of mapped) {
      const raw = row[index];
      const value = parseDecimal(raw);
      if (value === null) problem(context, 'error', 'budget.notNumber', { value: String(raw).slice(0, 40) }, r, index);
      else if (value !== undefined) values[field] = convertUnit(value, unit, target);
    }
    if (!Object.keys(values).length) continue;
    const entry: ImportedSangong = {
      year: rowYear,
      travelAbroad: toNumber(values.travelAbroad ?? ZERO),
      vehiclePurchase: toNumber(values.vehiclePurchase ?? ZERO),
      vehicleOperation: toNumber(values.vehicleOperation ?? ZERO),
      reception: toNumber(values.reception ?? ZERO),
      ...(values.meeting ? { meeting: toNumber(values.meeting) } : {}),
      ...(values.training ? { training: toNumber(values.training) } : {}),
    };
    if (totalColumn) {
      const stated = parseDecimal(row[totalColumn.index]);
      const computed = [
        values.travelAbroad,
        values.vehiclePurchase,
        values.vehicleOperation,
        values.reception,
      ].reduce<Decimal>((a, b) => add(a, b ?? ZERO), ZERO);
      if (stated && compare(convertUnit(stated, unit, target), computed) !== 0) {
        problem(
          context,
          'error',
          'budget.totalMismatch',
          { total: toText(convertUnit(stated, unit, target)), sum: toText(computed), unit: target },
          r,
          totalColumn.index,
        );
      }
    }
    rows.push(entry);
  }
  if (!rows.length) problem(context, 'error', 'budget.sangongNoRow', {}, header.last);
  return { rows };
}

/** Reads every recognisable table of a workbook into one budget document. */
export function importBudget(sheets: Sheet[], options: BudgetImportOptions = {}): BudgetImportResult {
  const problems: ImportProblem[] = [];
  const tables: RecognisedTable[] = [];
  const today = options.today ?? new Date().toISOString().slice(0, 10);

  // First pass: what each sheet is, its title and unit.
  const found = sheets.map((sheet) => {
    const header = findHeader(sheet, (text) => HEADER_WORDS.test(text));
    const codes: string[] = [];
    if (header) {
      for (let r = header.last + 1; r < Math.min(sheet.rows.length, header.last + 40); r++) {
        for (const cell of sheet.rows[r]!.slice(0, 3)) if (CODE.test(squeeze(cell))) codes.push(squeeze(cell));
      }
    }
    const title = describeTitle(textAbove(sheet, header?.first ?? 6));
    return {
      sheet,
      header,
      table: classify(sheet, header, codes),
      title,
      unit: findUnit(sheet, (header?.first ?? 6) + 1),
    };
  });

  const usable = found.filter((f) => f.table && f.header);
  for (const f of found)
    if (!usable.includes(f) && f.sheet.rows.some((row) => !isBlankRow(row)))
      problems.push({
        severity: 'notice',
        key: 'budget.skippedSheet',
        params: { sheet: f.sheet.name },
        sheet: f.sheet.name,
      });
  const main = usable.find((f) => f.table === 'functional') ?? usable[0];
  const unit: MoneyUnit = main?.unit?.unit ?? usable.find((f) => f.unit)?.unit?.unit ?? '万元';
  const titled = usable.find((f) => f.title.year !== undefined) ?? main;
  const currentYear = Number(today.slice(0, 4));
  const year = titled?.title.year ?? currentYear;
  const stage = usable.find((f) => f.title.stage)?.title.stage ?? '预算';
  const department = usable.find((f) => f.title.department)?.title.department ?? '';

  const document: ImportedBudget = {
    kind: 'budget',
    version: 1,
    title: department ? `${department}${year}年部门${stage}` : `${year}年部门${stage}`,
    department,
    stage,
    year,
    years: [year],
    unit,
    published: today,
    functional: [],
  };
  if (!usable.length) {
    problems.push({ severity: 'error', key: 'budget.noTables', params: {} });
    return { document, problems, tables };
  }
  if (titled?.title.year === undefined)
    problems.push({ severity: 'notice', key: 'budget.noYear', params: { year }, sheet: main!.sheet.name });
  problems.push({ severity: 'notice', key: 'budget.published', params: { date: today } });

  for (const f of usable) {
    const context: Context = { problems, sheet: f.sheet };
    const header = f.header!;
    const sheetUnit = f.unit?.unit ?? unit;
    if (!f.unit) problem(context, 'notice', 'budget.noUnit', { unit: sheetUnit }, 0, 0);
    else if (f.unit.unit !== unit)
      problem(context, 'notice', 'budget.unitConverted', { from: f.unit.unit, to: unit }, f.unit.row, f.unit.col);
    if (f.table === 'functional' || f.table === 'economic') {
      const { roots, rows } = readClassified(context, header, stage, year, sheetUnit, unit, f.table);
      if (f.table === 'functional') document.functional.push(...roots);
      else (document.economic ??= []).push(...roots);
      tables.push({ sheet: f.sheet.name, table: f.table, unit: sheetUnit, rows });
    } else if (f.table === 'summary') {
      const { items, rows } = readSummary(context, header, stage, year, sheetUnit, unit);
      if (items.length) (document.revenue ??= []).push(...items);
      tables.push({ sheet: f.sheet.name, table: 'summary', unit: sheetUnit, rows });
    } else {
      const { rows } = readSangong(context, header, year, sheetUnit, unit);
      if (rows.length) (document.sangong ??= []).push(...rows);
      tables.push({ sheet: f.sheet.name, table: 'sangong', unit: sheetUnit, rows: rows.length });
    }
  }

  // Every year the amounts name, newest first.
  const years = new Set<number>([year]);
  const visit = (items: ImportedBudgetItem[] | undefined) =>
    items?.forEach((item) => {
      for (const v of item.values) years.add(v.year);
      visit(item.children);
    });
  visit(document.functional);
  visit(document.economic);
  visit(document.revenue);
  for (const row of document.sangong ?? []) years.add(row.year);
  document.years = [...years].sort((a, b) => a - b);
  return { document, problems, tables };
}
