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
  const host = root && (((root.getRootNode() as ShadowRoot).host ?? root.parentElement) as (Element & { language?: Lang }) | null);
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
  row.querySelector(':scope > .file-help')?.remove();
  const box = document.createElement('div');
  box.className = 'file-help';
  const help = document.createElement('p');
  help.id = `gk-file-help-${++helpCount}`;
  help.textContent = t(lang, 'file.weChat');
  const copy = document.createElement('button');
  copy.type = 'button';
  copy.textContent = t(lang, 'file.copy');
  copy.setAttribute('aria-describedby', help.id);
  const status = document.createElement('p');
  status.className = 'copy-status';
  status.setAttribute('role', 'status');
  copy.addEventListener('click', () => {
    void copyText(file.text).then((copied) => {
      if (!copied) {
        let field = box.querySelector('textarea');
        if (!field) {
          const label = document.createElement('label');
          label.textContent = t(lang, 'copy.manual');
          field = document.createElement('textarea');
          field.readOnly = true;
          field.rows = 4;
          field.value = file.text;
          label.append(field);
          box.append(label);
        }
        copied = selectAndCopy(field);
      }
      status.textContent = copied ? t(lang, 'copy.done') : '';
    });
  });
  box.append(help, copy, status);
  row.append(box);
  copy.focus();
}
