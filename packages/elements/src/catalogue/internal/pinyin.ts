/**
 * Pinyin initials (预算公开 → ysgk) without a pinyin table: the browser's Chinese
 * collation already sorts characters by pinyin, so a character's initial is the
 * last of these boundary characters that sorts before it. Computed once per
 * distinct character, only when a reader first searches with Latin letters.
 * Where the browser has no Chinese collation, initials are simply not found.
 */
const BOUNDARIES = [...'阿八嚓哒妸发旮哈讥咔垃妈拏噢妑七呥仨他屲夕丫帀'];
const LETTERS = [...'abcdefghjklmnopqrstwxyz'];

let collator: Intl.Collator | undefined;
const initialOf = new Map<string, string>();

function initial(char: string): string {
  let known = initialOf.get(char);
  if (known !== undefined) return known;
  known = char;
  if (/[\u4e00-\u9fff]/.test(char)) {
    collator ??= new Intl.Collator('zh-CN-u-co-pinyin');
    let low = 0;
    let high = BOUNDARIES.length - 1;
    if (collator.compare(char, BOUNDARIES[0]!) >= 0) {
      // The last boundary not after the character.
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (collator.compare(char, BOUNDARIES[mid]!) >= 0) low = mid;
        else high = mid - 1;
      }
      known = LETTERS[low]!;
    }
  } else {
    known = char.toLowerCase();
  }
  initialOf.set(char, known);
  return known;
}

/** The pinyin initials of a text: 平罗县预算公开 → plxysgk (other characters kept, lower-cased). */
export function pinyinInitials(text: string): string {
  let out = '';
  for (const char of text) out += initial(char);
  return out;
}

/** True when a search looks like pinyin initials: Latin letters only. */
export function looksLikeInitials(q: string): boolean {
  return /^[a-z]{2,}$/i.test(q.trim());
}
