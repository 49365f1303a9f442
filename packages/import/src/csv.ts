/** CSV and tab-separated text (what Excel writes to a file and to the clipboard) as rows of cells. */

export type Cell = string | null;

/**
 * RFC 4180 CSV, as Excel writes it: comma- or tab-separated (whichever the first
 * line uses more), quoted cells with doubled quotes and line breaks inside.
 */
export function parseCsv(text: string, separator?: string): Cell[][] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = source.slice(0, source.search(/\r?\n|$/));
  const sep = separator ?? ((firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',');
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let cell = '';
  let quoted = false;
  let wasQuoted = false;
  const endCell = () => {
    row.push(cell === '' && !wasQuoted ? null : cell);
    cell = '';
    wasQuoted = false;
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
    } else if (c === '"' && cell === '') {
      quoted = true;
      wasQuoted = true;
    } else if (c === sep) endCell();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      endCell();
      rows.push(row);
      row = [];
    } else cell += c;
  }
  if (cell !== '' || wasQuoted || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}
