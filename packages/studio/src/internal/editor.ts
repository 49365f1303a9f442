/**
 * The JSON editor: CodeMirror 6 mounted in the studio's shadow root, so its
 * styles are adopted stylesheets (no <style> element, nothing a strict CSP
 * forbids). Completion and hover come from the kind's JSON Schema with its
 * Chinese descriptions; problems are set by the studio from core's validator.
 */
import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
  startCompletion,
  type Completion,
  type CompletionContext,
  type CompletionResult,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import {
  bracketMatching,
  defaultHighlightStyle,
  indentOnInput,
  syntaxHighlighting,
  syntaxTree,
} from '@codemirror/language';
import { lintGutter, lintKeymap } from '@codemirror/lint';
import { EditorState, type Extension } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  hoverTooltip,
  keymap,
  lineNumbers,
  type ViewUpdate,
} from '@codemirror/view';
import type { PathSegment } from '@gongkai/core';
import { keysOf, objectAt, pathAt, pathOfNode } from './json-path.js';
import { zhDescription, type JsonSchema, type SchemaHelp } from './schema-help.js';
import { formatPath } from './paths.js';

export interface EditorHooks {
  /** The help for the current kind (undefined while it loads). */
  help(): SchemaHelp | undefined;
  /** The last document that parsed, for choosing between a union's options. */
  document(): unknown;
  onChange(update: ViewUpdate): void;
  onCursor(path: PathSegment[]): void;
}

/** What an inserted field starts with, by its type, and where the cursor goes (back from the end). */
function skeleton(help: SchemaHelp, schema: JsonSchema): { text: string; back: number; reopen: boolean } {
  const resolved = help.expand(schema)[0] ?? schema;
  const type = Array.isArray(resolved.type) ? resolved.type[0] : resolved.type;
  if (resolved.enum || resolved.const !== undefined) {
    const first = resolved.const ?? resolved.enum![0];
    if (typeof first === 'string')
      return resolved.const !== undefined
        ? { text: JSON.stringify(first), back: 0, reopen: false }
        : { text: '""', back: 1, reopen: true };
    return { text: '', back: 0, reopen: true };
  }
  if (type === 'object') return { text: '{}', back: 1, reopen: false };
  if (type === 'array') return { text: '[]', back: 1, reopen: false };
  if (type === 'string') return { text: '""', back: 1, reopen: false };
  if (type === 'boolean') return { text: 'false', back: 0, reopen: false };
  return { text: '', back: 0, reopen: false };
}

function infoNode(help: SchemaHelp, name: string, schema: JsonSchema, required: boolean): () => Node {
  return () => {
    const box = document.createElement('div');
    box.className = 'cm-gk-info';
    const title = document.createElement('strong');
    title.textContent = name;
    const text = document.createElement('p');
    text.textContent = zhDescription(schema) || zhDescription(help.resolve(schema)) || '（无说明）';
    const type = document.createElement('p');
    type.className = 'cm-gk-type';
    type.textContent = [required ? '必填' : '选填', help.typeText(schema)].filter(Boolean).join(' · ');
    box.append(title, text, type);
    return box;
  };
}

/** Completes field names (with what they mean) and the values a field allows. */
function schemaCompletion(hooks: EditorHooks) {
  return (context: CompletionContext): CompletionResult | null => {
    const help = hooks.help();
    if (!help) return null;
    const { state, pos } = context;
    const word = context.matchBefore(/"?[^"\s:,{}[\]]*/);
    const from = word ? word.from : pos;
    if (!context.explicit && (!word || word.from === word.to)) return null;
    let i = from - 1;
    while (i >= 0 && /\s/.test(state.sliceDoc(i, i + 1))) i--;
    const before = i >= 0 ? state.sliceDoc(i, i + 1) : '';
    const quoted = word?.text.startsWith('"') ?? false;
    // The closing quote closeBrackets typed is replaced too, when a completion is applied.
    const end = (view: EditorView, at: number) => (quoted && view.state.sliceDoc(at, at + 1) === '"' ? at + 1 : at);
    // Completions match what follows the opening quote; applying one replaces the quote too.
    const matchFrom = quoted ? from + 1 : from;
    const start = (at: number) => (quoted && at === matchFrom ? from : at);
    const document = hooks.document();

    if (before === '{' || before === ',') {
      // Field names, unless the innermost container is an array.
      for (let node = syntaxTree(state).resolveInner(from, -1); node; node = node.parent!) {
        if (node.name === 'Array' && node.from < from) return null;
        if (node.name === 'Object' && node.from < from) break;
        if (!node.parent) break;
      }
      const object = objectAt(state, from);
      if (!object) return null;
      const present = keysOf(state, object.node, from);
      const options: Completion[] = help
        .fields(object.path, document)
        .filter((field) => !present.has(field.name))
        .map((field) => ({
          label: field.name,
          type: 'property',
          detail:
            `${field.required ? '必填 · ' : ''}${zhDescription(field.schema) || zhDescription(help.resolve(field.schema))}`.slice(
              0,
              40,
            ),
          info: infoNode(help, field.name, field.schema, field.required),
          boost: field.required ? 1 : 0,
          apply: (view: EditorView, _completion: Completion, at: number, until: number) => {
            const value = skeleton(help, field.schema);
            const insert = `"${field.name}": ${value.text}`;
            view.dispatch({
              changes: { from: start(at), to: end(view, until), insert },
              selection: { anchor: start(at) + insert.length - value.back },
              userEvent: 'input.complete',
            });
            if (value.reopen) startCompletion(view);
          },
        }));
      return { from: matchFrom, options, validFor: /^[^"\s:,{}[\]]*$/ };
    }

    if (before === ':') {
      const object = objectAt(state, from);
      let j = i - 1;
      while (j >= 0 && /\s/.test(state.sliceDoc(j, j + 1))) j--;
      const keyEnd = j + 1;
      const keyStart = state.sliceDoc(0, keyEnd).lastIndexOf('"', keyEnd - 2);
      let key: string;
      try {
        key = JSON.parse(state.sliceDoc(keyStart, keyEnd)) as string;
      } catch {
        return null;
      }
      const path = [...(object?.path ?? []), key];
      const values = help.values(path, document);
      if (!values.length) return null;
      const description = help.describe(path, document).text;
      return {
        from: matchFrom,
        options: values.map((value, index) => ({
          label: typeof value === 'string' ? value : JSON.stringify(value),
          type: 'enum',
          // In the schema's order (预算, 调整预算, 决算), not alphabetical.
          boost: Math.max(-99, 99 - index),
          detail: description.slice(0, 40),
          apply: (view: EditorView, _completion: Completion, at: number, until: number) => {
            const insert = JSON.stringify(value);
            view.dispatch({
              changes: { from: start(at), to: end(view, until), insert },
              selection: { anchor: start(at) + insert.length },
              userEvent: 'input.complete',
            });
          },
        })),
        validFor: /^[^"]*$/,
      };
    }
    return null;
  };
}

/** Hovering a field name shows what it means. */
function schemaHover(hooks: EditorHooks) {
  return hoverTooltip((view, pos, side) => {
    const help = hooks.help();
    if (!help) return null;
    const node = syntaxTree(view.state).resolveInner(pos, side);
    if (node.name !== 'PropertyName') return null;
    const path = pathOfNode(view.state, node);
    const described = help.describe(path, hooks.document());
    if (!described.text) return null;
    return {
      pos: node.from,
      end: node.to,
      above: true,
      create: () => {
        const dom = document.createElement('div');
        dom.className = 'cm-gk-info';
        const title = document.createElement('strong');
        title.textContent = formatPath(path);
        const text = document.createElement('p');
        text.textContent = described.text;
        const type = document.createElement('p');
        type.className = 'cm-gk-type';
        type.textContent = help.typeText(described.schema);
        dom.append(title, text, type);
        return { dom };
      },
    };
  });
}

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '14px', backgroundColor: '#fff' },
  '.cm-scroller': {
    fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace',
    lineHeight: '1.5',
  },
  '.cm-content': { paddingBlock: '6px' },
  '&.cm-focused': { outline: '2px solid #0b57d0', outlineOffset: '-2px' },
  '.cm-gutters': { backgroundColor: '#f3f4f6', color: '#57606a', borderRight: '1px solid #d0d7de' },
  '.cm-activeLine': { backgroundColor: '#f0f6ff' },
  '.cm-gk-info': { maxWidth: '26em', padding: '4px 8px', lineHeight: '1.5', whiteSpace: 'normal' },
  '.cm-gk-info p': { margin: '2px 0' },
  '.cm-gk-type': { color: '#57606a' },
  '.cm-tooltip': { border: '1px solid #8c959f', backgroundColor: '#fff' },
  '.cm-tooltip-autocomplete > ul > li': { padding: '2px 6px' },
  '.cm-completionDetail': { color: '#57606a', fontStyle: 'normal', marginLeft: '1em' },
  '.cm-tooltip-autocomplete ul li[aria-selected] .cm-completionDetail': { color: 'inherit' },
  '.cm-lintRange-error': {
    backgroundImage: 'none',
    textDecoration: 'underline wavy #cf222e',
    textDecorationSkipInk: 'none',
  },
});

export function createEditor(root: ShadowRoot, parent: HTMLElement, text: string, hooks: EditorHooks): EditorView {
  const extensions: Extension[] = [
    lineNumbers(),
    highlightActiveLineGutter(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    highlightActiveLine(),
    json(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    autocompletion({ override: [schemaCompletion(hooks)], icons: false }),
    schemaHover(hooks),
    lintGutter(),
    keymap.of([
      ...closeBracketsKeymap,
      ...defaultKeymap,
      ...historyKeymap,
      ...completionKeymap,
      ...lintKeymap,
      indentWithTab,
    ]),
    EditorView.lineWrapping,
    theme,
    // tabindex: the content is focusable already (contenteditable); saying so lets checkers see the scroller's focusable content.
    EditorView.contentAttributes.of({
      'aria-label': 'JSON 文件内容（按 Esc 再按 Tab 离开编辑区）',
      lang: 'zh-CN',
      tabindex: '0',
    }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) hooks.onChange(update);
      if (update.selectionSet || update.docChanged)
        hooks.onCursor(pathAt(update.state, update.state.selection.main.head));
    }),
  ];
  return new EditorView({ state: EditorState.create({ doc: text, extensions }), parent, root });
}
