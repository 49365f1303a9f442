/**
 * `gongkai import budget FILE.xlsx|.csv` and `gongkai import catalogue FILE.xlsx|.csv`:
 * the document as JSON on stdout, what the importer could not read (or wants
 * checked) on stderr, one line each (`FILE  一般公共预算支出表!C12：…`), then the
 * document's own problems as `gongkai validate` reports them.
 * Exit code: 0 imported and valid, 1 problems, 2 the file cannot be read.
 *
 * The same module (@gongkai/import) does the studio's import.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Lang } from '../../core/src/i18n.js';
import { SCHEMAS } from '../../core/src/kinds.js';
import { issueMessage, validateText } from '../../core/src/validate.js';
import { t } from '../../core/src/i18n.js';
import {
  formatProblem,
  formatSize,
  guessCatalogueMapping,
  importBudget,
  importCatalogue,
  importMessage,
  MAX_FILE_BYTES,
  readWorkbook,
  type ImportProblem,
} from '../../import/src/index.js';
import { readFailure, type ExitCode } from './validate-files.js';
import { m } from './messages.js';

export interface ImportOutput {
  code: ExitCode;
  stdout: string;
  stderr: string[];
}

export type ImportKind = 'budget' | 'catalogue';

export async function importFile(
  kind: ImportKind,
  file: string,
  lang: Lang,
  sheetName?: string,
): Promise<ImportOutput> {
  let bytes: Uint8Array;
  try {
    // A file over the cap is refused before it is read into memory.
    const stat = statSync(file);
    const size = stat.size;
    if (stat.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (size > MAX_FILE_BYTES)
      return {
        code: 2,
        stdout: '',
        stderr: [
          `${file}  ${importMessage(lang, 'read.tooLarge', { size: formatSize(size), limit: formatSize(MAX_FILE_BYTES) })}`,
        ],
      };
    bytes = new Uint8Array(readFileSync(file));
  } catch (error) {
    return { code: 2, stdout: '', stderr: [readFailure(file, error, lang)] };
  }
  const book = await readWorkbook(bytes, file);
  if (!book.ok) return { code: 2, stdout: '', stderr: [`${file}  ${importMessage(lang, book.key, book.params)}`] };

  let document: unknown;
  let problems: ImportProblem[];
  if (kind === 'budget') {
    ({ document, problems } = importBudget(book.sheets));
  } else {
    const sheet =
      sheetName === undefined
        ? (book.sheets.find((s) => s.rows.length) ?? book.sheets[0]!)
        : book.sheets.find((s) => s.name === sheetName);
    if (!sheet)
      return {
        code: 2,
        stdout: '',
        stderr: [
          `${file}  ${m(lang, 'cli.noSheet', { sheet: sheetName ?? '', sheets: book.sheets.map((s) => s.name).join('、') })}`,
        ],
      };
    const plan = guessCatalogueMapping(sheet);
    if (!plan) return { code: 1, stdout: '', stderr: [`${file}  ${importMessage(lang, 'catalogue.noHeader')}`] };
    ({ document, problems } = importCatalogue(sheet, plan));
  }
  const text = `${JSON.stringify(document, null, 2)}\n`;
  const lines = problems.map((problem) => `${file}  ${formatProblem(problem, lang)}`);
  // The document as `gongkai validate` would judge it, with lines in the JSON written to stdout.
  const checked = validateText(SCHEMAS[kind], text);
  if (!checked.ok) {
    for (const issue of checked.issues)
      lines.push(
        `${file}  ${m(lang, 'cli.importIssue')}:${issue.line ?? 1}:${issue.col ?? 1}  ${issue.pathText || t(lang, 'path.root')}  ${issueMessage(issue, lang)}`,
      );
  }
  const failed = !checked.ok || problems.some((problem) => problem.severity === 'error');
  return { code: failed ? 1 : 0, stdout: text, stderr: lines };
}
