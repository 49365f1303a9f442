import { html, nothing, render } from 'lit';
import { t, type Lang } from '@gongkai/core';
import { copyText, isWeChat, selectAndCopy } from './copy.js';

export interface SavedFile {
  name: string;
  type: string;
  text: string;
}

let helpCount = 0;

/** The gk-* element a button belongs to (its shadow root's host, or in light-DOM mode the root's parent). */
function languageOf(node: Element): Lang {
  const root = node.closest('.gk-root');
  const host =
    root && (((root.getRootNode() as ShadowRoot).host ?? root.parentElement) as (Element & { language?: Lang }) | null);
  return host?.language ?? 'zh-CN';
}

/**
 * Saves a file the page made (a CSV, a JSON export) as a download. WeChat's
 * browser blocks such downloads without a word, so there the reader is told
 * plainly how to get it (open the page in the browser) and offered the data to
 * copy, in a box under the button that was pressed; no pop-up, no new window.
 */
export function saveFile(file: SavedFile, trigger?: Element | null): void {
  if (trigger && isWeChat()) {
    offerCopy(file, trigger);
    return;
  }
  const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name.replace(/[\\/:*?"<>|]+/g, '_');
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** The box under the button's row: what to do, a copy button, and where copying is refused the data selected in a field. */
function offerCopy(file: SavedFile, trigger: Element): void {
  const lang = languageOf(trigger);
  const row = trigger.parentElement!;
  let box = row.querySelector<HTMLElement>(':scope > .file-help');
  if (!box) {
    box = row.appendChild(document.createElement('div'));
    box.className = 'file-help';
  }
  const id = `gk-file-help-${++helpCount}`;
  let copied = false;
  let manual = false;
  const copy = async () => {
    copied = await copyText(file.text);
    if (!copied) {
      manual = true;
      draw();
      copied = selectAndCopy(box!.querySelector('textarea')!);
    }
    draw();
  };
  const draw = () =>
    render(
      html`<p id=${id}>${t(lang, 'file.weChat')}</p>
        <button type="button" aria-describedby=${id} @click=${copy}>${t(lang, 'file.copy')}</button>
        ${manual ? html`<label>${t(lang, 'copy.manual')}<textarea readonly rows="4" .value=${file.text}></textarea></label>` : nothing}
        <p class="copy-status" role="status">${copied ? t(lang, 'copy.done') : ''}</p>`,
      box!,
    );
  draw();
  box.querySelector('button')!.focus();
}
