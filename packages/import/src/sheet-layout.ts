/**
 * How a finance table is laid out: the title rows above it, the unit line, the
 * header block (with merged cells filled as Excel shows them) and where the data
 * starts. Shared by the budget and catalogue importers.
 */
import { parseDecimal } from './decimal.js';
import type { Cell, Sheet } from './workbook.js';

/** A cell's text with every space removed: titles are often spaced out ("合　　计"). */
export const squeeze = (cell: Cell | undefined): string => (cell ?? '').replace(/[\s\u3000]+/g, '');

/** The cell's text, trimmed; null when empty. */
export const textOf = (cell: Cell | undefined): string | null => {
  const text = (cell ?? '').replace(/\u3000/g, ' ').trim();
  return text === '' ? null : text;
};

const isBlankRow = (row: Cell[] | undefined) => !row || row.every((cell) => textOf(cell) === null);

export interface HeaderBlock {
  /** 0-based index of the first and last header rows. */
  first: number;
  last: number;
  /** Per column, the header texts from top to bottom (merged cells filled), spaces removed. */
  labels: string[][];
}

/** The unit line: “单位：万元”, “金额单位：元”. */
export function findUnit(
  sheet: Sheet,
  before: number,
): { unit: '元' | '千元' | '万元'; row: number; col: number } | undefined {
  for (let r = 0; r < Math.min(before, sheet.rows.length); r++) {
    const row = sheet.rows[r]!;
    for (let c = 0; c < row.length; c++) {
      const match = /单位[:：]?(万元|千元|元)/.exec(squeeze(row[c]));
      if (match) return { unit: match[1] as '元' | '千元' | '万元', row: r, col: c };
    }
  }
  return undefined;
}

/** The title rows' text (above the header), squeezed, in order. */
export function textAbove(sheet: Sheet, before: number): string[] {
  const out: string[] = [];
  for (let r = 0; r < Math.min(before, sheet.rows.length); r++)
    for (const cell of sheet.rows[r]!) if (textOf(cell)) out.push(textOf(cell)!);
  return out;
}

/** A row that holds an amount (a number with a decimal point or over 7 digits) is data, not header. */
function looksLikeData(row: Cell[]): boolean {
  return row.some((cell) => {
    const text = squeeze(cell);
    if (!/\d/.test(text) || /[\u4e00-\u9fff]/.test(text)) return false;
    return parseDecimal(text) !== null;
  });
}

/**
 * Finds the header block: from the first row with a known header word down to
 * the row before the first data row (at most four rows). Merged header cells
 * hold their text in the first cell only; a blank cell under a filled one takes
 * its text (merged down), and a blank cell with a filled cell below it takes the
 * text to its left (merged across).
 */
export function findHeader(
  sheet: Sheet,
  isHeaderWord: (text: string) => boolean,
  searchRows = 12,
): HeaderBlock | undefined {
  let first = -1;
  for (let r = 0; r < Math.min(searchRows, sheet.rows.length); r++) {
    if (sheet.rows[r]!.some((cell) => isHeaderWord(squeeze(cell)))) {
      first = r;
      break;
    }
  }
  if (first < 0) return undefined;
  let last = first;
  while (last + 1 < sheet.rows.length && last - first < 3) {
    const next = sheet.rows[last + 1]!;
    if (isBlankRow(next) || looksLikeData(next) || /^栏次$/.test(squeeze(next[0]))) break;
    last++;
  }
  const width = Math.max(...sheet.rows.slice(first, last + 1).map((row) => row.length));
  const grid: string[][] = [];
  for (let r = first; r <= last; r++) {
    const row = sheet.rows[r]!;
    grid.push(Array.from({ length: width }, (_, c) => squeeze(row[c])));
  }
  for (let h = 0; h < grid.length; h++) {
    for (let c = 0; c < width; c++) {
      if (grid[h]![c]) continue;
      const below = grid.slice(h + 1).some((row) => row[c]);
      if (below && c > 0 && h < grid.length - 1) grid[h]![c] = grid[h]![c - 1]!;
      else if (!below && h > 0) grid[h]![c] = grid[h - 1]![c]!;
    }
  }
  const labels = Array.from({ length: width }, (_, c) => {
    const parts: string[] = [];
    for (const row of grid) if (row[c] && parts[parts.length - 1] !== row[c]) parts.push(row[c]!);
    return parts;
  });
  return { first, last, labels };
}

/** The first data row after the header, skipping a 栏次 (column numbers) row. */
export function firstDataRow(sheet: Sheet, header: HeaderBlock): number {
  let r = header.last + 1;
  while (r < sheet.rows.length && /^栏次$/.test(squeeze(sheet.rows[r]![0]))) r++;
  return r;
}

export { isBlankRow };
