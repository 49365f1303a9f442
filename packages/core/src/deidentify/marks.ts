/**
 * What a de-identification pass decided about the original text: ranges
 * replaced by "*" (one a character) or cut (a cut run becomes one "…").
 * Detectors only mark; the text is rebuilt once at the end, so everything
 * outside a mask stays exactly as written. Most texts have no mark, and cost
 * nothing here.
 */
export const STAR = 1;
export const CUT = 2;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

export class Marks {
  /** from, to, kind; in the order marked. */
  private readonly ranges: number[] = [];

  /** Marks [from, to) with `kind`; where a cut and a star overlap, the cut wins. */
  set(from: number, to: number, kind: typeof STAR | typeof CUT): void {
    if (from < to) this.ranges.push(from, to, kind);
  }

  /** True once anything is marked. */
  get any(): boolean {
    return this.ranges.length > 0;
  }

  /** The original text with the marks applied; `star` is what replaces a character (\* in Markdown, where * is emphasis). */
  apply(text: string, star = '*'): string {
    const ranges = this.ranges;
    if (!ranges.length) return text;
    // A mark per character, over the marked stretch only.
    let first = text.length;
    let last = 0;
    for (let r = 0; r < ranges.length; r += 3) {
      first = Math.min(first, ranges[r]!);
      last = Math.max(last, Math.min(ranges[r + 1]!, text.length));
    }
    if (first >= last) return text;
    const marks = new Uint8Array(last - first);
    for (let r = 0; r < ranges.length; r += 3) {
      const kind = ranges[r + 2]!;
      for (let i = Math.max(first, ranges[r]!); i < Math.min(ranges[r + 1]!, last); i++)
        if (marks[i - first]! < kind) marks[i - first] = kind;
    }
    let out = text.slice(0, first);
    let kept = first;
    for (let i = first; i < last; i++) {
      const mark = marks[i - first];
      if (!mark) continue;
      out += text.slice(kept, i);
      if (mark === CUT) {
        out += '…';
        while (i + 1 < last && marks[i + 1 - first] === CUT) i++;
      } else {
        out += star;
        // One star for a character outside the BMP, not two.
        if (isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length) i++;
        // The rest of a run of plain stars at once.
        let run = 0;
        while (
          i + 1 + run < last &&
          marks[i + 1 + run - first] === STAR &&
          !isHighSurrogate(text.charCodeAt(i + 1 + run))
        )
          run++;
        if (run) {
          out += star.repeat(run);
          i += run;
        }
      }
      kept = i + 1;
    }
    return out + text.slice(kept);
  }
}
