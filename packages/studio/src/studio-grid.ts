/**
 * <studio-grid>: the table-shaped parts of a document as a grid — budget items
 * (类/款/项 with amounts per year) or catalogue items. Add, remove and indent
 * rows; paste a block of cells copied from Excel; totals and sum checks as you
 * type. It edits a copy of the document and sends the whole of it back
 * (`grid-change`); the studio writes it into the JSON, so both views stay one document.
 *
 * Keyboard: arrows move, Home/End, Enter or F2 edits, typing replaces, Escape
 * cancels, Enter or Tab commits, Delete clears, Ctrl+V pastes at the cell.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { parseCsv } from '@gongkai/import';
import * as budget from './internal/budget-grid-model.js';
import {
  catalogueCellText,
  catalogueColumns,
  newCatalogueItem,
  setCatalogueCell,
  type CatalogueDoc,
} from './internal/catalogue-grid-model.js';

interface Adapter {
  caption: string;
  columns: Array<{ label: string; numeric: boolean }>;
  rows: number;
  treeDepth(row: number): number | undefined;
  rowName(row: number): string;
  text(row: number, col: number): string;
  /** A sum check that fails, in words, or undefined. */
  check(row: number, col: number): string | undefined;
  set(row: number, col: number, text: string): string | undefined;
  add(after: number | undefined): number;
  remove(row: number): void;
  indent?(row: number): boolean;
  outdent?(row: number): boolean;
  total(col: number): string;
}

const PARTS = { functional: '支出功能分类', economic: '支出经济分类', revenue: '收入' } as const;
type Part = keyof typeof PARTS;

@customElement('studio-grid')
export class StudioGrid extends LitElement {
  static override styles = css`
    :host { display: block; font-size: 14px; }
    .toolbar { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-bottom: 8px; }
    button, select { font: inherit; padding: 4px 10px; border: 1px solid #8c959f; border-radius: 4px; background: #fff; color: #1f2328; cursor: pointer; }
    button:disabled { color: #6e7781; cursor: not-allowed; }
    button:focus-visible, select:focus-visible, td:focus-visible { outline: 3px solid #0b57d0; outline-offset: -3px; }
    .scroll { overflow: auto; max-height: 70vh; border: 1px solid #d0d7de; }
    table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
    th, td { border: 1px solid #d0d7de; padding: 3px 6px; min-width: 5em; text-align: left; vertical-align: top; }
    th { position: sticky; top: 0; background: #f3f4f6; z-index: 1; font-weight: 600; }
    td.num, th.num { text-align: right; }
    tfoot td { font-weight: 600; background: #f6f8fa; position: sticky; bottom: 0; }
    tr[aria-selected='true'] td { background: #f0f6ff; }
    td.active { box-shadow: inset 0 0 0 2px #0b57d0; }
    td.mismatch { background: #fff1e5; }
    .check { display: block; font-size: 12px; color: #953800; white-space: nowrap; }
    .indent-1 { padding-left: 1.5em; }
    .indent-2 { padding-left: 3em; }
    .indent-3 { padding-left: 4.5em; }
    input { font: inherit; width: 100%; box-sizing: border-box; padding: 1px 2px; border: 0; outline: 2px solid #0b57d0; }
    .status { min-height: 1.5em; margin: 6px 0 0; color: #1f2328; }
    .status.error { color: #b42318; }
    .empty { padding: 1em; color: #57606a; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  `;

  /** The document (a copy is edited). */
  @property({ attribute: false }) document?: Record<string, unknown>;
  @property() kind = '';
  /** When the JSON does not parse, the grid shows the last good version read-only. */
  @property({ type: Boolean }) stale = false;

  @state() private section: Part = 'functional';
  @state() private row = 0;
  @state() private col = 0;
  @state() private editing = false;
  @state() private draft = '';
  @state() private status = '';
  @state() private statusIsError = false;

  private working?: Record<string, unknown>;
  private adapter?: Adapter;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('document')) {
      this.working = this.document ? structuredClone(this.document) : undefined;
      if (this.kind === 'budget' && this.working && !Array.isArray(this.working[this.section]))
        this.section = 'functional';
    }
    this.adapter = this.makeAdapter();
    if (this.adapter) {
      this.row = Math.max(0, Math.min(this.row, this.adapter.rows - 1));
      this.col = Math.max(0, Math.min(this.col, this.adapter.columns.length - 1));
    }
  }

  private makeAdapter(): Adapter | undefined {
    const doc = this.working;
    if (!doc) return undefined;
    if (this.kind === 'budget') {
      const b = doc as unknown as budget.BudgetDoc;
      const items = ((b[this.section] as budget.Item[] | undefined) ??= []) as budget.Item[];
      const rows = budget.rowsOf(items);
      const columns = budget.columnsOf(b, rows);
      return {
        caption: `${PARTS[this.section]}（${b.unit ?? ''}）`,
        columns: columns.map((c) => ({ label: c.label, numeric: c.key === 'amount' })),
        rows: rows.length,
        treeDepth: (r) => rows[r]?.depth,
        rowName: (r) => `${rows[r]?.item.code ?? ''} ${rows[r]?.item.name ?? ''}`.trim(),
        text: (r, c) => budget.cellText(rows[r]!, columns[c]!),
        check: (r, c) => {
          const found = budget.checkCell(rows[r]!, columns[c]!, b);
          const parts = [];
          if (found.childSum !== undefined) parts.push(`下级合计 ${found.childSum}`);
          if (found.splitSum !== undefined) parts.push(`基本+项目 ${found.splitSum}`);
          return parts.length ? parts.join('；') : undefined;
        },
        set: (r, c, text) => budget.setCell(rows[r]!, columns[c]!, text),
        add: (after) => {
          const item = budget.addAfter(items, after === undefined ? undefined : rows[after], b);
          return budget.rowsOf(items).findIndex((row) => row.item === item);
        },
        remove: (r) => budget.remove(rows[r]!),
        indent: (r) => budget.indent(rows[r]!),
        outdent: (r) => budget.outdent(rows[r]!, rows),
        total: (c) => budget.columnTotal(items, columns[c]!),
      };
    }
    if (this.kind === 'catalogue') {
      const c = doc as CatalogueDoc;
      const items = (c.items ??= []);
      const columns = catalogueColumns(c);
      return {
        caption: '目录条目',
        columns: columns.map((column) => ({ label: column.label, numeric: column.type === 'money' })),
        rows: items.length,
        treeDepth: () => undefined,
        rowName: (r) => String(items[r]?.title ?? ''),
        text: (r, col) => catalogueCellText(items[r]!, columns[col]!),
        check: () => undefined,
        set: (r, col, text) => setCatalogueCell(items[r]!, columns[col]!, text),
        add: (after) => {
          const index = after === undefined ? items.length : after + 1;
          items.splice(index, 0, newCatalogueItem(c));
          return index;
        },
        remove: (r) => void items.splice(r, 1),
        total: () => '',
      };
    }
    return undefined;
  }

  private emit(message: string, isError = false): void {
    this.status = message;
    this.statusIsError = isError;
    this.dispatchEvent(
      new CustomEvent('grid-change', { detail: { document: this.working }, bubbles: true, composed: true }),
    );
  }

  private say(message: string, isError = false): void {
    this.status = message;
    this.statusIsError = isError;
  }

  protected override render(): unknown {
    const a = this.adapter;
    if (!a) return html`<p class="empty">这种文件没有表格部分；请在 JSON 中编辑。</p>`;
    const isTree = this.kind === 'budget';
    const disabled = this.stale;
    return html`
      <div class="toolbar" role="toolbar" aria-label="表格操作">
        ${
          isTree
            ? html`<label>部分 <select @change=${(e: Event) => ((this.section = (e.target as HTMLSelectElement).value as Part), (this.row = 0))}>
              ${Object.entries(PARTS).map(([key, label]) => html`<option value=${key} ?selected=${key === this.section}>${label}</option>`)}
            </select></label>`
            : nothing
        }
        <button type="button" ?disabled=${disabled} @click=${this.addRow}>添加行</button>
        <button type="button" ?disabled=${disabled || !a.rows} @click=${this.removeRow}>删除行</button>
        ${
          isTree
            ? html`<button type="button" ?disabled=${disabled || !a.rows} @click=${this.indentRow}>降一级</button>
              <button type="button" ?disabled=${disabled || !a.rows} @click=${this.outdentRow}>升一级</button>
              <button type="button" ?disabled=${disabled || !a.rows} @click=${this.nest}>按科目编码排层级</button>`
            : nothing
        }
      </div>
      ${this.stale ? html`<p class="status error" role="status">JSON 有语法错误，表格显示的是最后一次正确的内容，修正后才能编辑。</p>` : nothing}
      <div class="scroll">
        <table role=${isTree ? 'treegrid' : 'grid'} aria-label=${a.caption} aria-rowcount=${a.rows + 2} aria-readonly=${disabled ? 'true' : 'false'}
          @keydown=${this.onKeydown} @paste=${this.onPaste} @focusin=${this.onFocusIn}>
          <thead>
            <tr aria-rowindex="1">${a.columns.map((column) => html`<th scope="col" class=${column.numeric ? 'num' : ''}>${column.label}</th>`)}</tr>
          </thead>
          <tbody>
            ${Array.from({ length: a.rows }, (_, r) => {
              const depth = a.treeDepth(r);
              return html`<tr aria-rowindex=${r + 2} aria-level=${depth === undefined ? nothing : depth + 1} aria-selected=${r === this.row ? 'true' : 'false'}>
                ${a.columns.map((column, c) => this.renderCell(a, r, c, column.numeric, depth))}
              </tr>`;
            })}
          </tbody>
          ${
            isTree
              ? html`<tfoot><tr aria-rowindex=${a.rows + 2}>${a.columns.map((column, c) => html`<td class=${column.numeric ? 'num' : ''}>${c === 1 ? '合计（最上一级之和）' : a.total(c)}</td>`)}</tr></tfoot>`
              : nothing
          }
        </table>
        ${a.rows ? nothing : html`<p class="empty">还没有行。按“添加行”，或从 Excel 复制单元格后选中表格按 Ctrl+V 粘贴。</p>`}
      </div>
      <p class="status ${this.statusIsError ? 'error' : ''}" role="status" aria-live="polite">${this.status}</p>
    `;
  }

  private renderCell(a: Adapter, r: number, c: number, numeric: boolean, depth: number | undefined) {
    const active = r === this.row && c === this.col;
    const check = numeric ? a.check(r, c) : undefined;
    const indent = c === 1 && depth ? `indent-${Math.min(depth, 3)}` : '';
    const classes = [numeric ? 'num' : '', active ? 'active' : '', check ? 'mismatch' : '', indent]
      .filter(Boolean)
      .join(' ');
    const label = `${a.rowName(r) || `第 ${r + 1} 行`}，${a.columns[c]!.label}`;
    if (active && this.editing) {
      return html`<td class=${classes} role=${c === 1 ? 'rowheader' : 'gridcell'}><input aria-label=${label} .value=${this.draft}
        @input=${(e: Event) => (this.draft = (e.target as HTMLInputElement).value)} @blur=${this.commitOnBlur}></td>`;
    }
    return html`<td class=${classes} role=${c === 1 ? 'rowheader' : 'gridcell'} tabindex=${active ? 0 : -1} data-row=${r} data-col=${c}
      @click=${() => this.moveTo(r, c)} @dblclick=${() => this.startEdit()}>${a.text(r, c)}${
        check ? html`<span class="check">≠ ${check}</span>` : nothing
      }</td>`;
  }

  protected override updated(): void {
    const grid = this.renderRoot.querySelector('table');
    if (!grid) return;
    if (this.editing) {
      const input = grid.querySelector('input');
      if (input && this.shadowRoot?.activeElement !== input) {
        input.focus();
        input.setSelectionRange(input.value.length, input.value.length);
      }
    } else if (this.hasFocus) {
      const cell = grid.querySelector<HTMLElement>(`td[data-row="${this.row}"][data-col="${this.col}"]`);
      if (cell && this.shadowRoot?.activeElement !== cell) {
        cell.focus();
        cell.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      }
    }
  }

  private hasFocus = false;

  private onFocusIn = (event: FocusEvent) => {
    this.hasFocus = true;
    const cell = (event.target as HTMLElement).closest?.('td[data-row]') as HTMLElement | null;
    if (cell) {
      this.row = Number(cell.dataset.row);
      this.col = Number(cell.dataset.col);
    }
  };

  private moveTo(row: number, col: number): void {
    const a = this.adapter;
    if (!a) return;
    this.hasFocus = true;
    this.row = Math.max(0, Math.min(row, a.rows - 1));
    this.col = Math.max(0, Math.min(col, a.columns.length - 1));
  }

  private startEdit(initial?: string): void {
    if (this.stale || !this.adapter?.rows) return;
    this.draft = initial ?? this.adapter.text(this.row, this.col);
    this.editing = true;
  }

  private commit(): boolean {
    const a = this.adapter;
    if (!this.editing || !a) return true;
    this.editing = false;
    const before = a.text(this.row, this.col);
    if (this.draft === before) return true;
    const error = a.set(this.row, this.col, this.draft);
    if (error) {
      this.say(`${a.columns[this.col]!.label}：${error}，未修改`, true);
      return false;
    }
    this.emit(`已修改 ${a.rowName(this.row) || `第 ${this.row + 1} 行`} 的 ${a.columns[this.col]!.label}`);
    return true;
  }

  private commitOnBlur = () => {
    if (this.editing) this.commit();
  };

  private onKeydown = (event: KeyboardEvent) => {
    const a = this.adapter;
    if (!a) return;
    if (this.editing) {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        this.editing = false;
        this.say('已取消修改');
      } else if (event.key === 'Enter') {
        event.preventDefault();
        if (this.commit()) this.moveTo(this.row + 1, this.col);
      } else if (event.key === 'Tab') {
        event.preventDefault();
        if (this.commit()) this.moveTo(this.row, this.col + (event.shiftKey ? -1 : 1));
      }
      return;
    }
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      this.moveTo(this.row + move[0], this.col + move[1]);
    } else if (event.key === 'Home') {
      event.preventDefault();
      this.moveTo(event.ctrlKey ? 0 : this.row, 0);
    } else if (event.key === 'End') {
      event.preventDefault();
      this.moveTo(event.ctrlKey ? a.rows - 1 : this.row, a.columns.length - 1);
    } else if (event.key === 'PageDown' || event.key === 'PageUp') {
      event.preventDefault();
      this.moveTo(this.row + (event.key === 'PageDown' ? 15 : -15), this.col);
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      this.startEdit();
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && !this.stale && a.rows) {
      event.preventDefault();
      const error = a.set(this.row, this.col, '');
      if (!error) this.emit(`已清空 ${a.columns[this.col]!.label}`);
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      this.startEdit(event.key);
    }
  };

  /** A block of cells copied from Excel: tab-separated, quoted cells may hold line breaks. */
  private onPaste = (event: ClipboardEvent) => {
    const a = this.adapter;
    if (!a || this.editing) return;
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (!text) return;
    event.preventDefault();
    if (this.stale) return this.say('JSON 有语法错误，修正后才能粘贴', true);
    const block = parseCsv(text.replace(/\r?\n$/, ''), '\t');
    let row = a.rows ? this.row : a.add(undefined);
    const errors: string[] = [];
    let width = 0;
    for (let r = 0; r < block.length; r++) {
      if (r > 0) {
        const current = this.adapter!;
        row = row + 1 < current.rows ? row + 1 : current.add(row);
        this.adapter = this.makeAdapter();
      }
      const cells = block[r]!;
      width = Math.max(width, cells.length);
      for (let c = 0; c < cells.length; c++) {
        const col = this.col + c;
        if (col >= this.adapter!.columns.length) break;
        const error = this.adapter!.set(row, col, cells[c] ?? '');
        if (error) errors.push(`第 ${row + 1} 行${this.adapter!.columns[col]!.label}：${error}`);
      }
    }
    this.adapter = this.makeAdapter();
    const summary = `已粘贴 ${block.length} 行 ${width} 列`;
    this.emit(
      errors.length ? `${summary}；${errors.length} 个单元格未粘贴：${errors.slice(0, 3).join('；')}` : summary,
      errors.length > 0,
    );
  };

  private addRow = () => {
    const a = this.adapter;
    if (!a) return;
    const index = a.add(a.rows ? this.row : undefined);
    this.row = index;
    this.col = this.kind === 'budget' ? 0 : 1;
    this.hasFocus = true;
    this.emit(`已在第 ${index + 1} 行添加一行`);
  };

  private removeRow = () => {
    const a = this.adapter;
    if (!a?.rows) return;
    const name = a.rowName(this.row) || `第 ${this.row + 1} 行`;
    a.remove(this.row);
    this.hasFocus = true;
    this.emit(`已删除 ${name}（可在 JSON 编辑区按 Ctrl+Z 撤销）`);
  };

  private indentRow = () => {
    const a = this.adapter;
    if (!a?.indent) return;
    if (a.indent(this.row)) this.emit(`已把 ${a.rowName(this.row) || '这一行'} 降为上一行的下级`);
    else this.say('第一行没有可以归入的上一行', true);
  };

  private outdentRow = () => {
    const a = this.adapter;
    if (!a?.outdent) return;
    if (a.outdent(this.row)) this.emit(`已把 ${a.rowName(this.row) || '这一行'} 升一级`);
    else this.say('这一行已经在最上一级', true);
  };

  private nest = () => {
    const doc = this.working as budget.BudgetDoc | undefined;
    if (!doc) return;
    doc[this.section] = budget.nestByCode((doc[this.section] as budget.Item[]) ?? []);
    this.emit('已按科目编码排好层级（类 → 款 → 项）');
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'studio-grid': StudioGrid;
  }
}
