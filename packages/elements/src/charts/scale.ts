/**
 * Scales for amounts and years. d3-scale's scaleLinear brings d3-interpolate,
 * d3-color and d3-format along (about 9 KB gzip), and its ordinal scales an
 * InternMap, for features we never use; the maths we need is d3-array's nice()
 * and ticks(), and an even spacing of years.
 *
 * tickSpec, ticks and nice are d3-array 3.2's, line for line (ISC licence,
 * copyright 2010-2026 Mike Bostock): importing them from d3-array kept its
 * bisectors too, whose initialisers esbuild cannot drop. scale.test.ts checks
 * them against d3-array's.
 */

const e10 = Math.sqrt(50);
const e5 = Math.sqrt(10);
const e2 = Math.sqrt(2);

function tickSpec(start: number, stop: number, count: number): [number, number, number] {
  const step = (stop - start) / Math.max(0, count);
  const power = Math.floor(Math.log10(step));
  const error = step / Math.pow(10, power);
  const factor = error >= e10 ? 10 : error >= e5 ? 5 : error >= e2 ? 2 : 1;
  let i1: number, i2: number, inc: number;
  if (power < 0) {
    inc = Math.pow(10, -power) / factor;
    i1 = Math.round(start * inc);
    i2 = Math.round(stop * inc);
    if (i1 / inc < start) ++i1;
    if (i2 / inc > stop) --i2;
    inc = -inc;
  } else {
    inc = Math.pow(10, power) * factor;
    i1 = Math.round(start / inc);
    i2 = Math.round(stop / inc);
    if (i1 * inc < start) ++i1;
    if (i2 * inc > stop) --i2;
  }
  if (i2 < i1 && 0.5 <= count && count < 2) return tickSpec(start, stop, count * 2);
  return [i1, i2, inc];
}

/** About `count` round values from `start` to `stop` (d3-array's ticks). */
export function ticks(start: number, stop: number, count: number): number[] {
  if (!(count > 0)) return [];
  if (start === stop) return [start];
  const reverse = stop < start;
  const [i1, i2, inc] = reverse ? tickSpec(stop, start, count) : tickSpec(start, stop, count);
  if (!(i2 >= i1)) return [];
  const n = i2 - i1 + 1;
  const values = new Array<number>(n);
  if (reverse) {
    if (inc < 0) for (let i = 0; i < n; ++i) values[i] = (i2 - i) / -inc;
    else for (let i = 0; i < n; ++i) values[i] = (i2 - i) * inc;
  } else {
    if (inc < 0) for (let i = 0; i < n; ++i) values[i] = (i1 + i) / -inc;
    else for (let i = 0; i < n; ++i) values[i] = (i1 + i) * inc;
  }
  return values;
}

/** [start, stop] widened to round values for about `count` ticks (d3-array's nice). */
export function nice(start: number, stop: number, count: number): [number, number] {
  let prestep: number | undefined;
  for (;;) {
    const step = tickSpec(start, stop, count)[2];
    if (step === prestep || step === 0 || !isFinite(step)) return [start, stop];
    if (step > 0) {
      const i = Math.ceil(start / step);
      const j = Math.floor(stop / step);
      start = (i - Number(i * step > start)) * step;
      stop = (j + Number(j * step < stop)) * step;
    } else if (step < 0) {
      const s = -step;
      const i = Math.ceil(start * s);
      const j = Math.floor(stop * s);
      start = (i - Number(i / s > start)) / s;
      stop = (j + Number(j / s < stop)) / s;
    }
    prestep = step;
  }
}

export interface LinearScale {
  (value: number): number;
  ticks(count: number): number[];
  domain: [number, number];
}

/** Maps [min, max] onto [from, to]; `nice` rounds the domain outwards to round numbers. */
export function linearScale(
  domain: [number, number],
  range: [number, number],
  { nice: rounded = false, count = 5 } = {},
): LinearScale {
  let [min, max] = domain;
  if (rounded) [min, max] = nice(min, max, count);
  if (max === min) max = min + 1;
  const [from, to] = range;
  const k = (to - from) / (max - min);
  const scale = ((value: number) => from + (value - min) * k) as LinearScale;
  scale.ticks = (n: number) => ticks(min, max, n);
  scale.domain = [min, max];
  return scale;
}

/** Places `values` evenly across [from, to], half a step in from each end (d3's scalePoint with padding 0.5). */
export function pointScale(
  values: readonly string[],
  [from, to]: [number, number],
): (value: string) => number | undefined {
  const step = (to - from) / Math.max(1, values.length);
  const index = new Map(values.map((value, i) => [value, i]));
  return (value) => {
    const i = index.get(value);
    return i === undefined ? undefined : from + step * (i + 0.5);
  };
}
