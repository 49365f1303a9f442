/**
 * <gk-studio>: the editors' app. Pick a kind, start from a template, a file or a
 * spreadsheet; edit the JSON with help (completion, hover and a side panel that
 * explain each field in Chinese) or the table-shaped parts as a grid; see core's
 * own problems in place and in a list; see the real element render the document
 * at phone and desktop widths, in Chinese and English; save the JSON, copy the
 * embed snippet, or save to gongkai-server for review.
 *
 * Everything renders in this element's shadow root: CodeMirror's styles are
 * adopted stylesheets there, so the page needs no inline style under its CSP.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { setDiagnostics, type Diagnostic } from '@codemirror/lint';
import type { EditorView } from '@codemirror/view';
import {
  issueMessage,
  parseJson,
  validate,
  validateInSlices,
  validateText,
  type GkIssue,
  type PathSegment,
  type ValidationResult,
} from '@gongkai/core';
import { createEditor } from './internal/editor.js';
import { tokenEnd } from './internal/json-path.js';
import {
  elementFor,
  helpFor,
  isKindName,
  kindLabel,
  KINDS,
  schemaOf,
  slicesOf,
  templatesOf,
  type Kind,
} from './internal/kinds.js';
import { clearDraft, lastKind, readDraft, writeDraft } from './internal/drafts.js';
import { openJsonFile, saveJsonFile, type FileHandle } from './internal/files.js';
import { formatPath } from './internal/paths.js';
import { probeReceiver, saveToReceiver, signIn, type ReceiverState, type SaveResult } from './internal/receiver.js';
import { studioStyles } from './studio-app.styles.js';
import './studio-grid.js';
import type { StudioImport } from './studio-import.js';

/** Where a core issue is in the editor: core's line:col are 1-based UTF-16 columns, as CodeMirror's offsets. */
function issueRange(view: EditorView, issue: GkIssue): { from: number; to: number } {
  const doc = view.state.doc;
  if (issue.line === undefined || issue.line > doc.lines) return { from: 0, to: Math.min(1, doc.length) };
  const line = doc.line(issue.line);
  const from = Math.min(line.from + (issue.col ?? 1) - 1, line.to);
  return { from, to: Math.max(from + 1, Math.min(tokenEnd(view.state, from), doc.length)) };
}

const issueText = (issue: GkIssue) => `${issue.pathText || '整个文件'}：${issueMessage(issue, 'zh-CN')}`;

@customElement('gk-studio')
export class GkStudio extends LitElement {
  static override styles = [studioStyles, css``];

  @state() private kind: Kind = 'budget';
  @state() private tab: 'json' | 'grid' = 'json';
  @state() private issues: GkIssue[] = [];
  @state() private documentValue?: Record<string, unknown>;
  @state() private stale = false;
  @state() private fieldPath: PathSegment[] = [];
  @state() private status = '';
  @state() private previewWidth: 'phone' | 'desktop' = 'phone';
  @state() private previewLang: 'zh-CN' | 'en' = 'zh-CN';
  @state() private receiver: ReceiverState = { present: false };
  @state() private receiverMessage = '';
  @state() private receiverResult?: SaveResult;
  @state() private fileName = '';
  @state() private bundleUrl = '/gongkai/gongkai.js';
  @state() private dataUrl = '';
  @state() private slug = '';

  @query('#editor') private editorHost!: HTMLElement;
  @query('#preview-frame') private previewFrame!: HTMLElement;
  @query('studio-import') private importer!: StudioImport;
  @query('#open-input') private openInput!: HTMLInputElement;

  private view?: EditorView;
  private fileHandle?: FileHandle;
  private checkTimer?: ReturnType<typeof setTimeout>;
  private draftTimer?: ReturnType<typeof setTimeout>;
  private previewElement?: HTMLElement & { data?: unknown };
  /** When the last edit happened, for the lint and preview latency the bench reads. */
  private changedAt = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    const params = new URLSearchParams(location.search);
    const asked = params.get('kind');
    const remembered = lastKind();
    this.kind = isKindName(asked) ? asked : isKindName(remembered) ? remembered : 'budget';
    void probeReceiver().then((receiver) => (this.receiver = receiver));
  }

  protected override firstUpdated(): void {
    const params = new URLSearchParams(location.search);
    const draft = params.has('fresh') ? undefined : readDraft(this.kind);
    const template = templatesOf(this.kind).find((t) => t.name === params.get('template')) ?? templatesOf(this.kind)[0];
    const text = draft?.text ?? template?.text ?? '';
    if (draft)
      this.status = `已恢复浏览器中保存的草稿（${new Date(draft.savedAt).toLocaleString('zh-CN')}）。要重新开始，请选择一个模板。`;
    this.fileName = draft?.name ?? template?.name ?? `${this.kind}.json`;
    this.view = createEditor(this.shadowRoot!, this.editorHost, text, {
      help: () => helpFor(this.kind),
      document: () => this.documentValue,
      onChange: () => this.scheduleCheck(),
      onCursor: (path) => (this.fieldPath = path),
    });
    void this.check();
  }

  /** The editor's text. */
  get text(): string {
    return this.view?.state.doc.toString() ?? '';
  }

  /** Replaces the text as one undoable change (only the part that differs, so the cursor and undo history stay sensible). */
  private replaceText(next: string, userEvent = 'input.replace'): void {
    const view = this.view;
    if (!view) return;
    const current = view.state.doc.toString();
    if (current === next) return;
    let start = 0;
    const max = Math.min(current.length, next.length);
    while (start < max && current.charCodeAt(start) === next.charCodeAt(start)) start++;
    let end = 0;
    while (end < max - start && current.charCodeAt(current.length - 1 - end) === next.charCodeAt(next.length - 1 - end))
      end++;
    view.dispatch({
      changes: { from: start, to: current.length - end, insert: next.slice(start, next.length - end) },
      userEvent,
    });
  }

  private scheduleCheck(): void {
    this.changedAt = performance.now();
    clearTimeout(this.checkTimer);
    this.checkTimer = setTimeout(() => void this.check(), 15);
  }

  private checkToken = 0;

  /** Parses and validates with core, as `gongkai validate` does; marks the problems; updates grid and preview. */
  private async check(): Promise<void> {
    const view = this.view;
    if (!view) return;
    const token = ++this.checkToken;
    const text = view.state.doc.toString();
    const kind = this.kind;
    const schema = schemaOf(kind);
    const slices = slicesOf(kind);
    const parsed = text.trim() ? parseJson(text) : undefined;
    let result: ValidationResult<unknown>;
    if (!parsed?.ok) result = validateText(schema, text);
    else if (slices) result = await validateInSlices(slices, parsed.value, text);
    else result = validate(schema, parsed.value, text);
    // A newer text (or kind) arrived while a large document was being checked.
    if (token !== this.checkToken || view.state.doc.toString() !== text) return;
    const issues = result.ok ? [] : result.issues;
    const diagnostics: Diagnostic[] = issues.map((issue) => ({
      ...issueRange(view, issue),
      severity: 'error',
      message: issueText(issue),
      source: 'gongkai',
    }));
    view.dispatch(setDiagnostics(view.state, diagnostics));
    this.issues = issues;
    if (parsed?.ok && parsed.value && typeof parsed.value === 'object' && !Array.isArray(parsed.value)) {
      this.documentValue = parsed.value as Record<string, unknown>;
      this.stale = false;
    } else this.stale = true;
    this.announce('studio-lint');
    this.updatePreview(text, parsed);
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => this.keepDraft(), 800);
  }

  private announce(name: 'studio-lint' | 'studio-preview'): void {
    window.dispatchEvent(
      new CustomEvent(name, { detail: { ms: this.changedAt ? performance.now() - this.changedAt : 0 } }),
    );
  }

  private keepDraft(): void {
    if (!writeDraft({ kind: this.kind, text: this.text, savedAt: new Date().toISOString(), name: this.fileName })) {
      this.status = '浏览器拒绝保存草稿（存储空间已满或被禁用），请及时“保存 JSON”到文件。';
    }
  }

  /**
   * The real element renders the document. JSON that parses goes in as data (the
   * element checks it and shows the document, or its problems as a page would);
   * JSON that does not parse goes in as inline text, so the element says where.
   */
  private updatePreview(text: string, parsed: { ok: boolean; value?: unknown } | undefined): void {
    const frame = this.previewFrame;
    if (!frame) return;
    const tag = elementFor(this.kind);
    const asData = parsed?.ok === true;
    let element = this.previewElement;
    if (!(asData && element && element.localName === tag && element.dataset.mode === 'data')) {
      element = document.createElement(tag);
      element.dataset.mode = asData ? 'data' : 'inline';
      element.setAttribute('heading-level', '3');
      if (!asData) {
        const script = document.createElement('script');
        script.type = 'application/json';
        script.textContent = text;
        element.append(script);
      }
      element.addEventListener('gk-load', this.onPreviewRendered);
      element.addEventListener('gk-error', this.onPreviewRendered);
      frame.replaceChildren(element);
      this.previewElement = element;
    }
    if (this.previewLang === 'en') element.setAttribute('lang', 'en');
    else element.removeAttribute('lang');
    if (asData) element.data = parsed!.value;
  }

  private onPreviewRendered = () => requestAnimationFrame(() => this.announce('studio-preview'));

  // ——— actions ———

  private switchKind(kind: Kind): void {
    if (kind === this.kind) return;
    this.keepDraft();
    this.kind = kind;
    const draft = readDraft(kind);
    const template = templatesOf(kind)[0];
    this.fileHandle = undefined;
    this.fileName = draft?.name ?? template?.name ?? `${kind}.json`;
    this.replaceText(draft?.text ?? template?.text ?? '');
    this.status = draft
      ? `已切换到“${kindLabel(kind)}”，恢复了浏览器中的草稿。`
      : `已切换到“${kindLabel(kind)}”，从模板 ${template?.name ?? ''} 开始。`;
    if (kind !== 'budget' && kind !== 'catalogue') this.tab = 'json';
    this.previewElement = undefined;
    void this.check();
  }

  private useTemplate(name: string): void {
    const template = templatesOf(this.kind).find((t) => t.name === name);
    if (!template) return;
    this.replaceText(template.text);
    this.fileHandle = undefined;
    this.fileName = template.name;
    this.status = `已载入模板 ${template.name}（可按 Ctrl+Z 撤销）。`;
  }

  private async openFile(): Promise<void> {
    const file = await openJsonFile(this.openInput);
    if (!file) return;
    const text = file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text;
    const parsed = parseJson(text);
    const kind = parsed.ok ? (parsed.value as { kind?: unknown })?.kind : undefined;
    if (isKindName(kind) && kind !== this.kind) {
      this.keepDraft();
      this.kind = kind;
      this.previewElement = undefined;
    }
    this.fileHandle = file.handle;
    this.fileName = file.name;
    this.replaceText(text, 'input.open');
    this.status = `已打开 ${file.name}。`;
  }

  private async saveFile(): Promise<void> {
    const saved = await saveJsonFile(
      this.text.endsWith('\n') ? this.text : `${this.text}\n`,
      this.fileName || `${this.kind}.json`,
      this.fileHandle,
    );
    if (!saved) return;
    this.fileHandle = saved.handle;
    this.fileName = saved.name;
    this.status =
      saved.how === 'file' ? `已保存到 ${saved.name}。` : `已下载 ${saved.name}（在浏览器的下载文件夹中）。`;
    if (!this.issues.length) clearDraft(this.kind);
  }

  /** The importer (and the spreadsheet reader) load when first asked for: most visits never import. */
  private async openImport(): Promise<void> {
    await import('./studio-import.js');
    await customElements.whenDefined('studio-import');
    this.importer.open();
  }

  private snippet(): string {
    const tag = elementFor(this.kind);
    const src = this.dataUrl || (this.slug ? `/d/${this.slug}.json` : this.fileName || `${this.kind}.json`);
    return `<script type="module" src="${this.bundleUrl}"></script>\n<${tag} src="${src}"></${tag}>`;
  }

  private async copySnippet(): Promise<void> {
    const text = this.snippet();
    try {
      await navigator.clipboard.writeText(text);
      this.status = '已复制嵌入代码，粘贴到网站页面的 HTML 中即可。';
    } catch {
      const area = this.renderRoot.querySelector<HTMLTextAreaElement>('#snippet');
      area?.select();
      this.status = '浏览器不允许直接复制：代码已选中，请按 Ctrl+C 复制。';
    }
  }

  private async signInToReceiver(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const result = await signIn(String(data.get('name') ?? ''), String(data.get('password') ?? ''));
    this.receiverMessage = result.message;
    if (result.ok) this.receiver = await probeReceiver();
  }

  private async saveToServer(submit: boolean): Promise<void> {
    const slug = this.slug.trim();
    if (!/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/.test(slug)) {
      this.receiverMessage = '请填写文件标识：小写字母、数字和连字符，如 budget-2018';
      return;
    }
    this.receiverMessage = '正在保存……';
    this.receiverResult = await saveToReceiver(slug, this.text, '', submit);
    this.receiverMessage = this.receiverResult.message;
  }

  private jumpTo(issue: GkIssue): void {
    const view = this.view;
    if (!view) return;
    if (this.tab !== 'json') this.tab = 'json';
    const { from } = issueRange(view, issue);
    view.dispatch({ selection: { anchor: from }, scrollIntoView: true });
    view.focus();
  }

  private onGridChange = (event: CustomEvent<{ document: unknown }>) => {
    this.replaceText(`${JSON.stringify(event.detail.document, null, 2)}\n`, 'input.grid');
  };

  private onImported = (event: CustomEvent<{ text: string; name: string }>) => {
    this.replaceText(event.detail.text, 'input.import');
    this.fileHandle = undefined;
    this.fileName = event.detail.name.replace(/\.[^.]+$/, '.json');
    this.status = `已导入 ${event.detail.name}，请核对标出的问题（可按 Ctrl+Z 撤销导入）。`;
  };

  // ——— rendering ———

  protected override render(): unknown {
    const templates = templatesOf(this.kind);
    const help = helpFor(this.kind);
    const field = help.describe(this.fieldPath, this.documentValue);
    const hasGrid = this.kind === 'budget' || this.kind === 'catalogue';
    return html`
      <a class="skip" href="#editor-section">跳到编辑区</a>
      <header class="bar">
        <h1>公开 · 编辑器</h1>
        <div class="controls">
          <label>文件类型
            <select @change=${(e: Event) => this.switchKind((e.target as HTMLSelectElement).value as Kind)}>
              ${KINDS.map((kind) => html`<option value=${kind} ?selected=${kind === this.kind}>${kindLabel(kind)}（${kind}）</option>`)}
            </select></label>
          <label>从模板开始
            <select @change=${(e: Event) => {
              this.useTemplate((e.target as HTMLSelectElement).value);
              (e.target as HTMLSelectElement).value = '';
            }}>
              <option value="">选择模板……</option>
              ${templates.map((t) => html`<option value=${t.name}>${t.title}（${t.name}）</option>`)}
            </select></label>
          <button type="button" @click=${() => this.openFile()}>打开文件</button>
          ${hasGrid ? html`<button type="button" @click=${() => this.openImport()}>从表格导入</button>` : nothing}
          <button type="button" @click=${() => this.saveFile()}>保存 JSON</button>
        </div>
        <input id="open-input" type="file" accept=".json,application/json" hidden>
      </header>
      <p class="status" role="status" aria-live="polite">${this.status}</p>
      <main class="layout">
        <section id="editor-section" class="editor-pane" aria-labelledby="editor-title">
          <div class="pane-head">
            <h2 id="editor-title">编辑 <span class="file">${this.fileName}</span></h2>
            ${
              hasGrid
                ? html`<div role="tablist" aria-label="编辑方式">
              <button role="tab" id="tab-json" aria-controls="panel-json" aria-selected=${this.tab === 'json' ? 'true' : 'false'} tabindex=${this.tab === 'json' ? 0 : -1} @click=${() => (this.tab = 'json')} @keydown=${this.onTabKey}>JSON</button>
              <button role="tab" id="tab-grid" aria-controls="panel-grid" aria-selected=${this.tab === 'grid' ? 'true' : 'false'} tabindex=${this.tab === 'grid' ? 0 : -1} @click=${() => (this.tab = 'grid')} @keydown=${this.onTabKey}>表格</button>
            </div>`
                : nothing
            }
          </div>
          <div id="panel-json" role=${ifDefined(hasGrid ? 'tabpanel' : undefined)} aria-labelledby=${ifDefined(hasGrid ? 'tab-json' : undefined)} ?hidden=${this.tab !== 'json'}>
            <div id="editor" class="editor"></div>
          </div>
          ${
            hasGrid
              ? html`<div id="panel-grid" role="tabpanel" aria-labelledby="tab-grid" ?hidden=${this.tab !== 'grid'}>
            ${this.tab === 'grid' ? html`<studio-grid .document=${this.documentValue} kind=${this.kind} ?stale=${this.stale} @grid-change=${this.onGridChange}></studio-grid>` : nothing}
          </div>`
              : nothing
          }
        </section>
        <aside class="side">
          <section aria-labelledby="help-title" class="help">
            <h2 id="help-title">字段说明</h2>
            <p class="path"><code>${formatPath(field.path) || '（整个文件）'}</code></p>
            <p class="description">${field.text || '（没有说明）'}</p>
            ${field.schema ? html`<p class="type">${help.typeText(field.schema)}</p>` : nothing}
          </section>
          <section aria-labelledby="problems-title" class="problems">
            <h2 id="problems-title">问题（${this.issues.length}）</h2>
            ${
              this.issues.length
                ? html`<ol>${this.issues.map(
                    (issue) => html`<li><button type="button" @click=${() => this.jumpTo(issue)}>
                  ${issue.line !== undefined ? html`<span class="where">第 ${issue.line} 行第 ${issue.col ?? 1} 列</span>` : nothing}
                  <span class="what">${issueText(issue)}</span></button></li>`,
                  )}</ol>`
                : html`<p class="ok">没有问题，可以发布。</p>`
            }
          </section>
        </aside>
        <section class="preview" aria-labelledby="preview-title">
          <div class="pane-head">
            <h2 id="preview-title">预览</h2>
            <div class="segmented" role="group" aria-label="预览宽度">
              <button type="button" aria-pressed=${this.previewWidth === 'phone' ? 'true' : 'false'} @click=${() => (this.previewWidth = 'phone')}>手机 375px</button>
              <button type="button" aria-pressed=${this.previewWidth === 'desktop' ? 'true' : 'false'} @click=${() => (this.previewWidth = 'desktop')}>电脑 1024px</button>
            </div>
            <div class="segmented" role="group" aria-label="预览语言">
              <button type="button" aria-pressed=${this.previewLang === 'zh-CN' ? 'true' : 'false'} @click=${() => this.setPreviewLang('zh-CN')}>中文</button>
              <button type="button" aria-pressed=${this.previewLang === 'en' ? 'true' : 'false'} @click=${() => this.setPreviewLang('en')}>English</button>
            </div>
          </div>
          <div class="preview-scroll">
            <div id="preview-frame" class="frame ${this.previewWidth}" data-width=${this.previewWidth}></div>
          </div>
        </section>
      </main>
      <section class="handoff" aria-labelledby="handoff-title">
        <h2 id="handoff-title">发布</h2>
        <div class="handoff-grid">
          <div>
            <h3>嵌入代码</h3>
            <div class="fields">
              <label>程序地址 <input .value=${this.bundleUrl} @input=${(e: Event) => (this.bundleUrl = (e.target as HTMLInputElement).value)}></label>
              <label>数据文件地址 <input .value=${this.dataUrl} placeholder=${this.slug ? `/d/${this.slug}.json` : this.fileName} @input=${(e: Event) => (this.dataUrl = (e.target as HTMLInputElement).value)}></label>
            </div>
            <label class="block">复制到网站页面的 HTML 中
              <textarea id="snippet" readonly rows="3" .value=${this.snippet()}></textarea></label>
            <button type="button" @click=${() => this.copySnippet()}>复制嵌入代码</button>
          </div>
          <div>
            <h3>保存到接收端</h3>
            ${this.renderReceiver()}
          </div>
        </div>
      </section>
      <studio-import kind=${this.kind} @import-done=${this.onImported}></studio-import>
    `;
  }

  private renderReceiver() {
    const r = this.receiver;
    if (!r.present)
      return html`<p class="note">没有连接 gongkai-server（从静态网站或本机打开时如此）。请“保存 JSON”，交给网站管理员发布。</p>`;
    if (!r.user)
      return html`<form class="fields" @submit=${(e: SubmitEvent) => this.signInToReceiver(e)}>
        <label>用户名 <input name="name" autocomplete="username" required></label>
        <label>密码 <input name="password" type="password" autocomplete="current-password" required></label>
        <button type="submit">登录接收端</button>
        <p role="status">${this.receiverMessage}</p>
      </form>`;
    if (!r.documents)
      return html`<p class="note">已登录为 ${r.user.name}，但这个 gongkai-server 还不能保存文件（版本较旧）。请“保存 JSON”。</p>`;
    return html`<div class="fields">
        <p class="note">已登录为 ${r.user.name}${r.user.office ? `（${r.user.office}）` : ''}。保存后由另一位工作人员审核，审核通过才公开。</p>
        <label>文件标识 <input .value=${this.slug} placeholder="如 budget-2018" @input=${(e: Event) => (this.slug = (e.target as HTMLInputElement).value)}></label>
        <button type="button" @click=${() => this.saveToServer(false)}>保存草稿到接收端</button>
        <button type="button" @click=${() => this.saveToServer(true)}>保存并提交审核</button>
      </div>
      <p role="status" class=${this.receiverResult && !this.receiverResult.ok ? 'error' : ''}>${this.receiverMessage}</p>
      ${this.receiverResult?.issues?.length ? html`<ul>${this.receiverResult.issues.map((i) => html`<li>${i.path}：${i.message}</li>`)}</ul>` : nothing}`;
  }

  private setPreviewLang(lang: 'zh-CN' | 'en'): void {
    this.previewLang = lang;
    if (lang === 'en') this.previewElement?.setAttribute('lang', 'en');
    else this.previewElement?.removeAttribute('lang');
  }

  private onTabKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    this.tab = this.tab === 'json' ? 'grid' : 'json';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${this.tab}`)?.focus());
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'gk-studio': GkStudio;
  }
}
