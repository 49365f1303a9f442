import { html, nothing, type TemplateResult } from 'lit';
import { addMessages, chartZh, toCsv, type CsvCell } from '@gongkai/core';
import type { ChartInteraction } from './interaction.js';
import { saveFile } from '../base/internal/save-file.js';

addMessages('zh-CN', chartZh);

export interface DataTable {
  caption: string;
  head: string[];
  /** The first cell of each row is its header (th scope=row). */
  rows: string[][];
}

export interface FigureOptions {
  /** Unique within the shadow root. */
  id: string;
  /** The one-sentence summary written from the data; also the figure's accessible name. */
  summary: string;
  chart: TemplateResult;
  interaction: ChartInteraction;
  table: DataTable;
  csv: { filename: string; rows: CsvCell[][] };
  /** Whether the reader has toggled the table from how it starts. */
  tableOpen: boolean;
  /** The table shows from the start (elder mode: no number only in a tooltip); a toggle hides it. */
  startOpen?: boolean;
  onToggleTable(): void;
  labels: { showTable: string; hideTable: string; download: string };
  /** Above the chart: breadcrumbs, a legend. */
  before?: unknown;
  /** Below the chart: the list of items too small to label. */
  after?: unknown;
}

/**
 * Every chart view has the same frame: the summary sentence, the SVG with its
 * keyboard and touch behaviour and tooltip, a data-table alternative (always
 * printed), and a CSV download of exactly what is shown.
 */
export function chartFigure(options: FigureOptions): TemplateResult {
  const { id, interaction } = options;
  const active = interaction.activeItem;
  const tableId = `${id}-table`;
  const open = options.tableOpen !== !!options.startOpen;
  return html`<figure class="chart-figure" aria-labelledby="${id}-summary">
    <p class="chart-summary" id="${id}-summary" part="chart-summary">${options.summary}</p>
    ${options.before ?? nothing}
    <div
      class="chart-box"
      part="chart"
      @keydown=${interaction.onKeydown}
      @focusin=${interaction.onFocusIn}
      @focusout=${interaction.onFocusOut}
      @pointerover=${interaction.onPointerOver}
      @pointerdown=${interaction.onPointerDown}
      @pointerleave=${interaction.onPointerLeave}
      @click=${interaction.onClick}
    >
      ${options.chart}
      ${
        active
          ? html`<div class="chart-tooltip" part="tooltip" aria-hidden="true" data-tooltip=${interaction.tooltipId}>
            <strong>${active.label}</strong><span>${active.display}</span>${
              active.detail ? html`<span>${active.detail}</span>` : nothing
            }
          </div>`
          : nothing
      }
    </div>
    ${options.after ?? nothing}
    <div class="chart-actions no-print">
      <button type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls=${tableId} @click=${options.onToggleTable}>
        ${open ? options.labels.hideTable : options.labels.showTable}
      </button>
      <button type="button" @click=${(event: Event) => downloadCsv(options.csv.filename, options.csv.rows, event.currentTarget)}>${options.labels.download}</button>
    </div>
    <div class="data-table" id=${tableId} ?hidden=${!open} tabindex="0" role="region" aria-label=${options.table.caption}>${dataTable(options.table)}</div>
  </figure>`;
}

/** Amounts, rates and changes are right-aligned so their digits line up; names are not. */
const NUMERIC = /^(?:[-+]?[\d,.]+%?|—)$/;

/** Rows per <tbody> group of a long table (see dataTable's `groups`). */
export const ROWS_PER_GROUP = 150;

/**
 * A real HTML table: caption, column headers, row headers (a row whose first cell is
 * empty has none: an empty header names nothing). `groups` limits it to
 * its first groups of ROWS_PER_GROUP rows, each its own <tbody>: a caller that
 * shows a 2,000-row table adds groups in later tasks instead of one long task
 * (in one go it was 360 ms, most of it laying out and shaping 12,000 cells).
 */
export function dataTable(table: DataTable, groups = Infinity): TemplateResult {
  const shown: string[][][] = [];
  for (let i = 0; i < table.rows.length && shown.length < groups; i += ROWS_PER_GROUP)
    shown.push(table.rows.slice(i, i + ROWS_PER_GROUP));
  return html`<table>
    <caption>${table.caption}</caption>
    <thead>
      <tr>${table.head.map((cell) => html`<th scope="col">${cell}</th>`)}</tr>
    </thead>
    ${shown.map(
      (rows) =>
        html`<tbody>
          ${rows.map(
            ([first, ...rest]) =>
              html`<tr>${first ? html`<th scope="row">${first}</th>` : html`<td></td>`}${rest.map((cell) => html`<td class=${NUMERIC.test(cell) ? 'num' : 'text'}>${cell}</td>`)}</tr>`,
          )}
        </tbody>`,
    )}
  </table>`;
}

/** Saves rows as a CSV file (see saveFile: in WeChat, an offer to copy them under `trigger`). */
export function downloadCsv(filename: string, rows: CsvCell[][], trigger?: EventTarget | null): void {
  saveFile({ name: filename, type: 'text/csv;charset=utf-8', text: toCsv(rows) }, trigger as Element | null);
}

/**
 * Estimates the width of a label (CJK characters are about one em wide, others
 * about half) and shortens it with an ellipsis to fit; the full label stays in
 * the accessible name, the tooltip and the table.
 */
export function fitText(text: string, maxWidth: number, fontSize: number): string {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    width += charWidth(text.charCodeAt(i), fontSize);
    if (width > maxWidth) {
      let cut = i;
      let trimmed = width;
      while (cut > 0 && trimmed + fontSize > maxWidth) {
        trimmed -= charWidth(text.charCodeAt(cut), fontSize);
        cut--;
      }
      return cut <= 0 ? '' : `${text.slice(0, cut)}…`;
    }
  }
  return text;
}

export function textWidth(text: string, fontSize: number): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) width += charWidth(text.charCodeAt(i), fontSize);
  return width;
}

function charWidth(code: number, fontSize: number): number {
  return code > 0x2e80 ? fontSize : fontSize * 0.58;
}
