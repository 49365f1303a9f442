/**
 * Copying text for the reader, in the browsers citizens use: the Clipboard API
 * where it exists (a secure page in a current browser), else the old
 * `execCommand('copy')` on a field the reader can see (WeChat's X5 kernel, old
 * WebViews), else the field stays selected for the reader to copy by hand.
 */

/** WeChat's own browser, which has no navigator.share and blocks downloads of blob: and data: addresses. */
export const isWeChat = (): boolean => /MicroMessenger/i.test(navigator.userAgent);

/** Copies with the Clipboard API; false where it is missing or refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Selects all of a visible field (so a long press offers "copy") and tries the old copy command on it. */
export function selectAndCopy(field: HTMLInputElement | HTMLTextAreaElement): boolean {
  field.focus();
  field.select();
  field.setSelectionRange(0, field.value.length);
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}
