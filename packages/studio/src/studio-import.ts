/**
 * <studio-import>: a spreadsheet into a document, in a dialog. Budget: the
 * finance bureau's tables are recognised and read; the dialog lists what was
 * found and every problem by sheet and cell. Catalogue: a check step, as in
 * Datawrapper — each column with its values and the field it goes to (guessed
 * from its header, changeable), and the cells whose values do not fit.
 * The module that reads is @gongkai/import, the same one `gongkai import` uses.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import {
  BUILTIN_FIELDS,
  COLUMN_TYPES,
  formatProblem,
  guessCatalogueMapping,
  importBudget,
  importCatalogue,
  importMessage,
  readWorkbook,
  type CataloguePlan,
  type ColumnTarget,
  type ImportProblem,
  type RecognisedTable,
  type Sheet,
} from '@gongkai/import';
import { issueMessage, validateText } from '@gongkai/core';
import { schemaOf, type Kind } from './internal/kinds.js';

const FIELD_LABELS: Record<string, string> = {
  id: '编号 id',
  title: '标题 title',
  category: '分类 category',
  date: '日期 date',
  url: '链接 url',
  number: '文号 number',
  body: '正文 body',
};
const TYPE_LABELS: Record<string, string> = {
  text: '文本',
  date: '日期',
  money: '金额',
  enum: '可选值（筛选）',
  link: '链接',
  docNumber: '文号',
};
const TABLE_LABELS: Record<RecognisedTable['table'], string> = {
  functional: '一般公共预算支出表（功能分类）',
  economic: '一般公共预算基本支出表（经济分类）',
  summary: '收支总表（收入）',
  sangong: '“三公”经费支出表',
};

@customElement('studio-import')
export class StudioImport extends LitElement {
  static override styles = css`
    dialog { width: min(960px, 96vw); max-height: 90vh; border: 1px solid #8c959f; border-radius: 8px; padding: 0; }
    dialog::backdrop { background: rgb(0 0 0 / 40%); }
    .body { padding: 16px 20px; overflow: auto; max-height: calc(90vh - 120px); }
    header, footer { padding: 12px 20px; background: #f6f8fa; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
    footer { justify-content: flex-end; }
    h2 { font-size: 18px; margin: 0; flex: 1; }
    h3 { font-size: 16px; margin: 16px 0 8px; }
    button, select, input { font: inherit; padding: 4px 10px; border: 1px solid #8c959f; border-radius: 4px; background: #fff; color: #1f2328; }
    button { cursor: pointer; }
    button.primary { background: #0b57d0; border-color: #0b57d0; color: #fff; }
    button:disabled { background: #eaeef2; color: #6e7781; border-color: #d0d7de; cursor: not-allowed; }
    :focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
    table { border-collapse: collapse; width: 100%; font-size: 14px; }
    th, td { border: 1px solid #d0d7de; padding: 4px 6px; text-align: left; vertical-align: top; }
    th { background: #f3f4f6; }
    .samples { color: #57606a; max-width: 22em; overflow-wrap: anywhere; }
    ul.problems { padding-left: 1.2em; }
    li.error { color: #b42318; }
    .field { display: flex; flex-direction: column; gap: 2px; margin: 0 12px 8px 0; }
    .fields { display: flex; flex-wrap: wrap; }
    .note { color: #57606a; }
    .summary { font-weight: 600; }
    p.error { color: #b42318; }
  `;

  @property() kind: Kind = 'budget';
  @query('dialog') private dialog!: HTMLDialogElement;

  @state() private fileName = '';
  @state() private error = '';
  @state() private sheets: Sheet[] = [];
  @state() private sheetIndex = 0;
  @state() private plan?: CataloguePlan;
  @state() private resultText = '';
  @state() private problems: ImportProblem[] = [];
  @state() private tables: RecognisedTable[] = [];
  @state() private issues: string[] = [];
  @state() private busy = false;

  open(): void {
    this.fileName = '';
    this.error = '';
    this.sheets = [];
    this.plan = undefined;
    this.resultText = '';
    this.problems = [];
    this.tables = [];
    this.issues = [];
    this.dialog.showModal();
  }

  private close = () => this.dialog.close();

  private onFile = async (event: Event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    this.busy = true;
    this.fileName = file.name;
    this.error = '';
    const started = performance.now();
    const book = await readWorkbook(new Uint8Array(await file.arrayBuffer()), file.name);
    if (!book.ok) {
      this.busy = false;
      this.error = importMessage('zh-CN', book.key, book.params);
      this.sheets = [];
      this.resultText = '';
      return;
    }
    this.sheets = book.sheets;
    this.sheetIndex = Math.max(
      0,
      book.sheets.findIndex((sheet) => sheet.rows.length > 0),
    );
    if (this.kind === 'budget') {
      const result = importBudget(book.sheets);
      this.tables = result.tables;
      this.setResult(result.document, result.problems);
    } else {
      this.plan = guessCatalogueMapping(this.sheets[this.sheetIndex]!);
      this.runCatalogue();
    }
    this.busy = false;
    this.dispatchEvent(
      new CustomEvent('import-read', { detail: { ms: performance.now() - started }, bubbles: true, composed: true }),
    );
  };

  private setResult(document: unknown, problems: ImportProblem[]): void {
    this.resultText = `${JSON.stringify(document, null, 2)}\n`;
    this.problems = problems;
    const checked = validateText(schemaOf(this.kind), this.resultText);
    this.issues = checked.ok
      ? []
      : checked.issues.map((issue) => `${issue.pathText || '整个文件'}：${issueMessage(issue, 'zh-CN')}`);
  }

  private runCatalogue(): void {
    const sheet = this.sheets[this.sheetIndex];
    if (!sheet) return;
    if (!this.plan) {
      this.error = importMessage('zh-CN', 'catalogue.noHeader');
      this.resultText = '';
      return;
    }
    const result = importCatalogue(sheet, this.plan);
    this.setResult(result.document, result.problems);
  }

  private chooseSheet = (event: Event) => {
    this.sheetIndex = Number((event.target as HTMLSelectElement).value);
    this.plan = guessCatalogueMapping(this.sheets[this.sheetIndex]!);
    this.runCatalogue();
  };

  private setTarget(index: number, value: string): void {
    if (!this.plan) return;
    const columns = this.plan.columns.map((column) => {
      if (column.index !== index) return column;
      let target: ColumnTarget;
      if (value === 'skip') target = { skip: true };
      else if (value.startsWith('field:')) target = { field: value.slice(6) as (typeof BUILTIN_FIELDS)[number] };
      else
        target = {
          column: 'column' in column.target ? column.target.column : `col${index + 1}`,
          label: column.header || `第${index + 1}列`,
          type: value.slice(5) as (typeof COLUMN_TYPES)[number],
        };
      return { ...column, target };
    });
    // A field goes to one column only: another column that had it is skipped.
    if (value.startsWith('field:'))
      for (const column of columns)
        if (column.index !== index && 'field' in column.target && column.target.field === value.slice(6))
          column.target = { skip: true };
    this.plan = { ...this.plan, columns };
    this.runCatalogue();
  }

  private setMeta(key: 'title' | 'owner' | 'type', value: string): void {
    if (!this.plan) return;
    this.plan = { ...this.plan, [key]: value } as CataloguePlan;
    this.runCatalogue();
  }

  private use = () => {
    this.dispatchEvent(
      new CustomEvent('import-done', {
        detail: { text: this.resultText, name: this.fileName },
        bubbles: true,
        composed: true,
      }),
    );
    this.dialog.close();
  };

  protected override render(): unknown {
    const errors = this.problems.filter((p) => p.severity === 'error').length;
    return html`<dialog aria-labelledby="import-title">
      <header><h2 id="import-title">从表格导入${this.kind === 'budget' ? '预算' : '目录'}</h2><button type="button" @click=${this.close}>关闭</button></header>
      <div class="body">
        <p class="note">${
          this.kind === 'budget'
            ? '选择财政部门的预算（决算）公开表：收支总表、一般公共预算支出表、一般公共预算基本支出表、“三公”经费支出表。标题行、单位行（单位：万元 或 元）、合并的表头和合计行都可以保留。'
            : '选择一个目录表格（.xlsx 或 .csv）。第一行表头的列名会自动对应到目录字段，请在下面逐列核对。'
        }</p>
        <label class="field">表格文件（.xlsx 或 .csv，最大 20 MB）<input type="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" @change=${this.onFile}></label>
        ${this.busy ? html`<p role="status">正在读取……</p>` : nothing}
        ${this.error ? html`<p role="alert" class="error">无法导入 ${this.fileName}：${this.error}</p>` : nothing}
        ${this.kind === 'catalogue' && this.sheets.length ? this.renderCheckStep() : nothing}
        ${
          this.kind === 'budget' && this.tables.length
            ? html`<h3>识别出的表</h3>
          <ul>${this.tables.map((t) => html`<li>${t.sheet}：${TABLE_LABELS[t.table]}，${t.rows} 行，单位 ${t.unit}</li>`)}</ul>`
            : nothing
        }
        ${
          this.resultText
            ? html`
          <h3>核对结果</h3>
          <p class="summary" role="status">${errors || this.issues.length ? `有 ${errors + this.issues.length} 处问题需要核对` : '没有发现问题'}${this.problems.length - errors ? `，${this.problems.length - errors} 条提示` : ''}</p>
          <ul class="problems">
            ${this.problems.map((p) => html`<li class=${p.severity}>${formatProblem(p, 'zh-CN')}</li>`)}
            ${this.issues.slice(0, 30).map((line) => html`<li class="error">${line}</li>`)}
          </ul>`
            : nothing
        }
      </div>
      <footer>
        <button type="button" @click=${this.close}>取消</button>
        <button type="button" class="primary" ?disabled=${!this.resultText} @click=${this.use}>使用导入结果</button>
      </footer>
    </dialog>`;
  }

  private renderCheckStep() {
    const plan = this.plan;
    return html`
      ${
        this.sheets.length > 1
          ? html`<label class="field">工作表 <select @change=${this.chooseSheet}>
        ${this.sheets.map((sheet, i) => html`<option value=${i} ?selected=${i === this.sheetIndex}>${sheet.name}</option>`)}</select></label>`
          : nothing
      }
      ${
        plan
          ? html`
        <div class="fields">
          <label class="field">目录标题 <input .value=${plan.title} @change=${(e: Event) => this.setMeta('title', (e.target as HTMLInputElement).value)}></label>
          <label class="field">编制单位 <input .value=${plan.owner} @change=${(e: Event) => this.setMeta('owner', (e.target as HTMLInputElement).value)}></label>
          <label class="field">目录类型 <select @change=${(e: Event) => this.setMeta('type', (e.target as HTMLSelectElement).value)}>
            ${['主动公开', '依申请公开', '负面清单', '记录'].map((type) => html`<option ?selected=${type === plan.type}>${type}</option>`)}</select></label>
        </div>
        <h3 id="check-title">逐列核对（表头在第 ${plan.headerRow + 1} 行）</h3>
        <table aria-labelledby="check-title">
          <thead><tr><th scope="col">列</th><th scope="col">表头</th><th scope="col">前几个值</th><th scope="col">对应到</th></tr></thead>
          <tbody>${plan.columns.map((column) => {
            const value =
              'skip' in column.target
                ? 'skip'
                : 'field' in column.target
                  ? `field:${column.target.field}`
                  : `type:${column.target.type}`;
            const label = `第 ${column.index + 1} 列“${column.header}”对应到`;
            return html`<tr>
              <td>${String.fromCharCode(65 + (column.index % 26))}</td>
              <th scope="row">${column.header || '（无表头）'}</th>
              <td class="samples">${column.samples.join(' ｜ ')}</td>
              <td><select aria-label=${label} @change=${(e: Event) => this.setTarget(column.index, (e.target as HTMLSelectElement).value)}>
                <option value="skip" ?selected=${value === 'skip'}>不导入</option>
                <optgroup label="目录字段">${BUILTIN_FIELDS.map((field) => html`<option value=${`field:${field}`} ?selected=${value === `field:${field}`}>${FIELD_LABELS[field]}</option>`)}</optgroup>
                <optgroup label="自定义列（按类型）">${COLUMN_TYPES.map((type) => html`<option value=${`type:${type}`} ?selected=${value === `type:${type}`}>${TYPE_LABELS[type]}</option>`)}</optgroup>
              </select></td>
            </tr>`;
          })}</tbody>
        </table>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'studio-import': StudioImport;
  }
}
