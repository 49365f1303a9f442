/**
 * A spreadsheet file as sheets of text cells: .xlsx through read-excel-file
 * (after the zip guard), .csv through our own reader. Every cell is a string or
 * null; numbers stay the digits Excel stored (never a JavaScript number), dates
 * become YYYY-MM-DD, and a merged range shows its value in each of its cells.
 * Formulas are never evaluated: Excel's cached values are read.
 */
import readXlsxFile from 'read-excel-file/universal';
import { formatSize, type ImportMessageKey, type ImportParams } from './messages.js';
import { parseCsv } from './csv.js';
import { safeRepack, ZipRefused } from './zip-guard.js';

export type { Cell } from './csv.js';
import type { Cell } from './csv.js';

export interface Sheet {
  name: string;
  /** rows[0] is Excel's row 1; cells[0] is column A. */
  rows: Cell[][];
}

export type WorkbookResult =
  { ok: true; sheets: Sheet[]; format: 'xlsx' | 'csv' } | { ok: false; key: ImportMessageKey; params: ImportParams };

/** Largest file read: a county's disclosure workbook is well under 1 MB. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
const isOle = (bytes: Uint8Array) => bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;

/** Reads a workbook or CSV file. `name` (the file name) only breaks ties; the bytes decide. */
export async function readWorkbook(bytes: Uint8Array, name = ''): Promise<WorkbookResult> {
  if (bytes.length === 0) return { ok: false, key: 'read.empty', params: {} };
  if (bytes.length > MAX_FILE_BYTES)
    return {
      ok: false,
      key: 'read.tooLarge',
      params: { size: formatSize(bytes.length), limit: formatSize(MAX_FILE_BYTES) },
    };
  if (isOle(bytes)) return { ok: false, key: 'read.xls', params: {} };
  if (isZip(bytes)) return readXlsx(bytes);
  if (/\.xlsx$/i.test(name)) return { ok: false, key: 'read.zipCorrupt', params: { detail: 'not a zip archive' } };
  const text = decodeText(bytes);
  if (text === undefined) return { ok: false, key: 'read.encoding', params: {} };
  // Binary files that are not spreadsheets: NUL bytes do not occur in CSV.
  if (text.includes('\u0000')) return { ok: false, key: 'read.unknownFormat', params: {} };
  const sheetName = name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'CSV';
  return { ok: true, format: 'csv', sheets: [{ name: sheetName, rows: parseCsv(text) }] };
}

async function readXlsx(bytes: Uint8Array): Promise<WorkbookResult> {
  let packed: Uint8Array;
  let parts: Record<string, Uint8Array>;
  try {
    ({ packed, files: parts } = safeRepack(bytes));
  } catch (error) {
    if (error instanceof ZipRefused) return { ok: false, key: error.key, params: error.params };
    return { ok: false, key: 'read.zipCorrupt', params: { detail: String((error as Error)?.message ?? error) } };
  }
  try {
    const buffer = packed.buffer.slice(packed.byteOffset, packed.byteOffset + packed.byteLength) as ArrayBuffer;
    const sheets = await readXlsxFile<string>(buffer, { parseNumber: (digits: string) => digits, trim: false });
    if (!sheets.length) return { ok: false, key: 'read.noSheets', params: {} };
    const merges = mergedRanges(parts);
    return {
      ok: true,
      format: 'xlsx',
      sheets: sheets.map((sheet) => {
        const rows = sheet.data.map((row) => row.map(cellText));
        fillMerged(rows, merges.get(sheet.sheet) ?? []);
        return { name: sheet.sheet, rows };
      }),
    };
  } catch (error) {
    return {
      ok: false,
      key: 'read.xlsx',
      params: { detail: String((error as Error)?.message ?? error).slice(0, 200) },
    };
  }
}

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const unescapeXml = (text: string) =>
  text.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!,
  );
const attributes = (tag: string) =>
  Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1]!, unescapeXml(m[2]!)]));
const columnIndex = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;

/**
 * The merged cells of each sheet, by sheet name (read-excel-file reads values only):
 * workbook.xml names the sheets, its relationships say which part each is, and each
 * part lists its <mergeCell ref="A3:C3"/>.
 */
function mergedRanges(parts: Record<string, Uint8Array>): Map<string, Range[]> {
  const text = (name: string) => (parts[name] ? new TextDecoder().decode(parts[name]) : '');
  const targets = new Map<string, string>();
  for (const [tag] of text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)) {
    const { Id, Target } = attributes(tag);
    if (Id && Target) targets.set(Id, Target.startsWith('/') ? Target.slice(1) : `xl/${Target}`);
  }
  const out = new Map<string, Range[]>();
  for (const [tag] of text('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)) {
    const attrs = attributes(tag);
    const part = targets.get(attrs['r:id'] ?? '');
    if (!attrs.name || !part) continue;
    const ranges: Range[] = [];
    for (const match of text(part).matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
      ranges.push({
        left: columnIndex(match[1]!),
        top: Number(match[2]) - 1,
        right: columnIndex(match[3]!),
        bottom: Number(match[4]) - 1,
      });
    }
    out.set(attrs.name, ranges);
  }
  return out;
}

/**
 * Gives every cell of a merged range the value Excel shows across it (stored in its
 * first cell only): a header merged over 类/款/项 labels each of them, a category
 * merged down a catalogue applies to each row. Only within the cells that hold data,
 * so a range as wide as the sheet costs nothing.
 */
function fillMerged(rows: Cell[][], ranges: Range[]): void {
  const width = Math.max(0, ...rows.map((row) => row.length));
  for (const range of ranges) {
    const value = rows[range.top]?.[range.left] ?? null;
    if (value === null) continue;
    for (let r = range.top; r <= Math.min(range.bottom, rows.length - 1); r++) {
      for (let c = range.left; c <= Math.min(range.right, width - 1); c++) {
        if (r === range.top && c === range.left) continue;
        if ((rows[r]![c] ?? null) === null) rows[r]![c] = value;
      }
    }
  }
}

function cellText(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** UTF-8 (with or without BOM), else GB18030 (a superset of GBK, which Excel in China writes CSV in). */
export function decodeText(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      return undefined;
    }
  }
}
