/**
 * CSV for downloads: RFC 4180 quoting, CRLF line ends, and a UTF-8 byte order
 * mark so that Excel (what most readers open it with) shows Chinese correctly.
 * Cells that a spreadsheet would run as a formula (=, +, -, @ at the start of
 * text) are prefixed with an apostrophe: an exported catalogue must not be able
 * to run formulas on a citizen's computer.
 */
export type CsvCell = string | number | null | undefined;

export function toCsv(rows: readonly (readonly CsvCell[])[], { bom = true } = {}): string {
  const body = rows.map((row) => row.map(csvCell).join(',')).join('\r\n');
  return (bom ? '\ufeff' : '') + body + '\r\n';
}

function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
