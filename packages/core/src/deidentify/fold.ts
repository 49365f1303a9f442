/**
 * The one normalisation before matching. Chinese input methods type full-width
 * forms (１３９, ＋８６, －, ＠, Ｘ) and people put spaces, hyphens and dashes
 * inside numbers. Width is folded here, one UTF-16 unit for one, so an index in
 * the folded text is the same index in the original and a mask keeps every
 * character it does not cover (a full-width number stays full-width). Separators
 * inside digit runs, and brackets of either width around an area code, are read
 * by numbers.ts, which keeps each digit's index in the original.
 */

/**
 * What matching needs folded: full-width digits, letters, ＋ － ． ＠ ＿, the
 * ideographic and no-break spaces, and the dashes (‐ ‑ ‒ – — ― −). Chinese
 * punctuation (，：（）) is left as it is: it is in every sentence, and the rules
 * that need （ ） read both widths.
 */
function folded(code: number): number {
  if (code >= 0xff0b && code <= 0xff5a) {
    if (
      code === 0xff0b ||
      code === 0xff0d ||
      code === 0xff0e ||
      code === 0xff3f ||
      (code >= 0xff10 && code <= 0xff19) ||
      (code >= 0xff20 && code <= 0xff3a) ||
      code >= 0xff41
    )
      return code - 0xfee0;
    return code;
  }
  if (code === 0x3000 || code === 0xa0) return 32;
  if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212) return 45;
  return code;
}

/** A cheap first test: Han characters and ASCII fail it at once. */
const mayFold = (code: number) =>
  code === 0xa0 || (code >= 0x2010 && code <= 0x2212) || code === 0x3000 || (code >= 0xff0b && code <= 0xff5a);

/** `text` with those full-width forms as ASCII and every dash as "-", the same length as `text`. */
export function foldWidth(text: string): string {
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (mayFold(code) && folded(code) !== code) {
      first = i;
      break;
    }
  }
  if (first < 0) return text;
  let out = text.slice(0, first);
  let kept = first;
  for (let i = first; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const fold = mayFold(code) ? folded(code) : code;
    if (fold === code) continue;
    out += text.slice(kept, i) + String.fromCharCode(fold);
    kept = i + 1;
  }
  return out + text.slice(kept);
}
