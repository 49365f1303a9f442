/**
 * What the importer says, in Chinese and English. A problem names its place the
 * way Excel does: `一般公共预算支出表!C12：…`.
 */
export type ImportLang = 'zh-CN' | 'en';

const zh = {
  'read.tooLarge': '文件太大（{size}），导入上限为 {limit}',
  'read.empty': '文件是空的',
  'read.xls': '这是旧版 Excel 文件（.xls），请在 Excel 中“另存为” .xlsx 或 .csv 后再导入',
  'read.unknownFormat': '无法识别的文件：应为 Excel 工作簿（.xlsx）或 CSV 文件',
  'read.zipCorrupt': '工作簿已损坏，无法打开（{detail}）',
  'read.zipEncrypted': '工作簿有密码保护，请取消密码后再导入',
  'read.zipEntries': '工作簿包含的文件过多（{count} 个，上限 {limit} 个），拒绝打开',
  'read.zipTooBig': '工作簿解压后过大（{size}，上限 {limit}），可能是“压缩炸弹”，拒绝打开',
  'read.zipLied': '工作簿中的 {entry} 解压后比声明的大小更大，可能是“压缩炸弹”，拒绝打开',
  'read.xlsx': '无法读取工作簿（{detail}）',
  'read.encoding': 'CSV 文件既不是 UTF-8 也不是 GBK/GB18030 编码，请用 UTF-8 重新保存',
  'read.noSheets': '工作簿中没有工作表',
  'budget.noTables':
    '没有找到可导入的预算公开表：应有“一般公共预算支出表”（按功能分类）、“一般公共预算基本支出表”（按经济分类）、“收支总表”或“三公”经费支出表',
  'budget.skippedSheet': '工作表“{sheet}”不是可识别的预算公开表，已跳过',
  'budget.noUnit': '没有找到金额单位行（如“单位：万元”），按 {unit} 处理，请核对',
  'budget.unitConverted': '本表单位为 {from}，已精确换算为 {to}',
  'budget.noHeader': '找不到表头：应有“科目编码”（或“类、款、项”）、“科目名称”和金额列（“合计”“基本支出”“项目支出”）',
  'budget.noAmounts': '找不到金额列（合计、基本支出、项目支出、预算数、决算数）',
  'budget.notNumber': '金额不是数字：“{value}”',
  'budget.negative': '金额为负数：{value}',
  'budget.badCode': '科目编码“{code}”应为 3 位（类）、5 位（款）或 7 位（项）数字',
  'budget.noCode': '这一行有金额，但没有科目编码',
  'budget.noName': '科目 {code} 没有名称',
  'budget.noParent': '科目 {code} 的上级科目 {parent} 不在表中，已放在最上一级',
  'budget.repeatCode': '科目编码 {code} 重复出现（第 {other} 行已有），已跳过本行',
  'budget.totalMismatch': '合计行为 {total}，各类科目之和为 {sum}（{unit}）',
  'budget.noYear': '没有从标题中找到年度（如“2018年”），按 {year} 年处理，请核对',
  'budget.published': '公开日期按今天（{date}）填写，请核对',
  'budget.sangongNoRow': '“三公”经费表中没有找到数据行',
  'budget.sangongColumn': '“三公”经费表缺少“{label}”列',
  'budget.revenueOnly': '收支总表的支出部分已跳过：支出按功能分类以“一般公共预算支出表”为准',
  'catalogue.noHeader': '找不到表头行（应有“标题”“名称”或“事项”等列名）',
  'catalogue.noTitleColumn': '没有一列对应“标题”（title），请在核对步骤中指定',
  'catalogue.typeMismatch': '“{label}”应为{expected}，实际为“{value}”',
  'catalogue.emptyTitle': '这一行没有标题，已跳过',
  'catalogue.repeatId': '编号“{id}”重复（第 {other} 行已有），改为“{replacement}”',
  'expected.date': '日期（如 2018-04-20）',
  'expected.money': '金额（数字）',
  'expected.link': '网址（https://…）',
  'expected.docNumber': '文号（如 平卫计发〔2018〕45号）',
} as const;

export type ImportMessageKey = keyof typeof zh;

const en: Record<ImportMessageKey, string> = {
  'read.tooLarge': 'the file is too large ({size}); the import limit is {limit}',
  'read.empty': 'the file is empty',
  'read.xls': 'this is an old Excel file (.xls); save it as .xlsx or .csv in Excel, then import it',
  'read.unknownFormat': 'not a spreadsheet: expected an Excel workbook (.xlsx) or a CSV file',
  'read.zipCorrupt': 'the workbook is damaged and cannot be opened ({detail})',
  'read.zipEncrypted': 'the workbook is password-protected; remove the password, then import it',
  'read.zipEntries': 'the workbook holds too many files ({count}; at most {limit}); refused',
  'read.zipTooBig': 'the workbook would unpack to {size} (at most {limit}); possibly a zip bomb; refused',
  'read.zipLied': '{entry} in the workbook unpacks to more than it declares; possibly a zip bomb; refused',
  'read.xlsx': 'cannot read the workbook ({detail})',
  'read.encoding': 'the CSV file is neither UTF-8 nor GBK/GB18030; save it again as UTF-8',
  'read.noSheets': 'the workbook has no sheets',
  'budget.noTables':
    'no budget disclosure table found: expected 一般公共预算支出表 (by function), 一般公共预算基本支出表 (by economic class), 收支总表 or the 三公 table',
  'budget.skippedSheet': 'sheet “{sheet}” is not a known budget table; skipped',
  'budget.noUnit': 'no unit line (such as 单位：万元) found; read as {unit}; please check',
  'budget.unitConverted': 'this table is in {from}; converted exactly to {to}',
  'budget.noHeader':
    'no header row found: expected 科目编码 (or 类/款/项), 科目名称 and amount columns (合计, 基本支出, 项目支出)',
  'budget.noAmounts': 'no amount columns found (合计, 基本支出, 项目支出, 预算数, 决算数)',
  'budget.notNumber': 'the amount is not a number: “{value}”',
  'budget.negative': 'the amount is negative: {value}',
  'budget.badCode': 'code “{code}” must have 3 (类), 5 (款) or 7 (项) digits',
  'budget.noCode': 'this row has amounts but no classification code',
  'budget.noName': 'item {code} has no name',
  'budget.noParent': 'the parent {parent} of item {code} is not in the table; placed at the top level',
  'budget.repeatCode': 'code {code} appears again (already on row {other}); this row is skipped',
  'budget.totalMismatch': 'the total row says {total}, the classes add up to {sum} ({unit})',
  'budget.noYear': 'no year found in the title (such as 2018年); read as {year}; please check',
  'budget.published': 'the publication date is set to today ({date}); please check',
  'budget.sangongNoRow': 'no data row found in the 三公 table',
  'budget.sangongColumn': 'the 三公 table has no “{label}” column',
  'budget.revenueOnly': 'the spending side of 收支总表 is skipped: spending by function comes from 一般公共预算支出表',
  'catalogue.noHeader': 'no header row found (expected column names such as 标题, 名称 or 事项)',
  'catalogue.noTitleColumn': 'no column maps to the title; choose one in the check step',
  'catalogue.typeMismatch': '“{label}” should be {expected}, got “{value}”',
  'catalogue.emptyTitle': 'this row has no title; skipped',
  'catalogue.repeatId': 'id “{id}” repeats (row {other} has it); renamed “{replacement}”',
  'expected.date': 'a date (such as 2018-04-20)',
  'expected.money': 'an amount (a number)',
  'expected.link': 'a web address (https://…)',
  'expected.docNumber': 'a document number (such as 平卫计发〔2018〕45号)',
};

const TABLES: Record<ImportLang, Record<ImportMessageKey, string>> = { 'zh-CN': zh, en };

export type ImportParams = Record<string, string | number>;

export function importMessage(lang: ImportLang, key: ImportMessageKey, params: ImportParams = {}): string {
  return TABLES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    // A parameter that names one of our own keys ("expected.date") is translated.
    return typeof value === 'string' && value in TABLES[lang] ? TABLES[lang][value as ImportMessageKey] : String(value);
  });
}

/** "A", "B", … "Z", "AA": Excel's name of a 1-based column. */
export function columnName(col: number): string {
  let name = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** One thing the importer could not do, or did and wants checked. */
export interface ImportProblem {
  /** An error keeps the document from being taken as it is; a notice asks the editor to check. */
  severity: 'error' | 'notice';
  key: ImportMessageKey;
  params: ImportParams;
  sheet?: string;
  /** 1-based row and column, as Excel numbers them. */
  row?: number;
  col?: number;
}

/** Where a problem is, as Excel writes it: `一般公共预算支出表!C12`; a whole row `收支总表 第 3 行`; or the sheet alone. */
export function problemPlace(problem: ImportProblem, lang: ImportLang = 'zh-CN'): string {
  const { sheet, row, col } = problem;
  if (sheet === undefined) return '';
  const quoted = /^[\p{L}\p{N}_.]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  if (row === undefined) return quoted;
  if (col === undefined) return lang === 'en' ? `${quoted} row ${row}` : `${quoted} 第 ${row} 行`;
  return `${quoted}!${columnName(col)}${row}`;
}

/** `一般公共预算支出表!C12：金额不是数字：“12,3a”`. */
export function formatProblem(problem: ImportProblem, lang: ImportLang): string {
  const place = problemPlace(problem, lang);
  const message = importMessage(lang, problem.key, problem.params);
  if (!place) return message;
  return lang === 'en' ? `${place}: ${message}` : `${place}：${message}`;
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}
