/**
 * A spreadsheet file as sheets of text cells: .xlsx through read-excel-file
 * (after the zip guard), .csv through our own reader. Every cell is a string or
 * null; numbers stay the digits Excel stored (never a JavaScript number), dates
 * become YYYY-MM-DD. Formulas are never evaluated: Excel's cached values are read.
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

export type WorkbookResult = { ok: true; sheets: Sheet[]; format: 'xlsx' | 'csv' } | { ok: false; key: ImportMessageKey; params: ImportParams };

/** Largest file read: a county's disclosure workbook is well under 1 MB. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
const isOle = (bytes: Uint8Array) => bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;

/** Reads a workbook or CSV file. `name` (the file name) only breaks ties; the bytes decide. */
export async function readWorkbook(bytes: Uint8Array, name = ''): Promise<WorkbookResult> {
  if (bytes.length === 0) return { ok: false, key: 'read.empty', params: {} };
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, key: 'read.tooLarge', params: { size: formatSize(bytes.length), limit: formatSize(MAX_FILE_BYTES) } };
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
  try {
    packed = safeRepack(bytes);
  } catch (error) {
    if (error instanceof ZipRefused) return { ok: false, key: error.key, params: error.params };
    return { ok: false, key: 'read.zipCorrupt', params: { detail: String((error as Error)?.message ?? error) } };
  }
  try {
    const buffer = packed.buffer.slice(packed.byteOffset, packed.byteOffset + packed.byteLength) as ArrayBuffer;
    const sheets = await readXlsxFile<string>(buffer, { parseNumber: (digits: string) => digits, trim: false });
    if (!sheets.length) return { ok: false, key: 'read.noSheets', params: {} };
    return { ok: true, format: 'xlsx', sheets: sheets.map((sheet) => ({ name: sheet.sheet, rows: sheet.data.map((row) => row.map(cellText)) })) };
  } catch (error) {
    return { ok: false, key: 'read.xlsx', params: { detail: String((error as Error)?.message ?? error).slice(0, 200) } };
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
