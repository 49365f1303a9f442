/**
 * Scales for amounts and years. d3-scale's scaleLinear brings d3-interpolate,
 * d3-color and d3-format along (about 9 KB gzip), and its ordinal scales an
 * InternMap, for features we never use; the maths we need is d3-array's nice()
 * and ticks(), and an even spacing of years.
 */
import { nice as niceDomain, ticks as tickValues } from 'd3-array';

export interface LinearScale {
  (value: number): number;
  ticks(count: number): number[];
  domain: [number, number];
}

/** Maps [min, max] onto [from, to]; `nice` rounds the domain outwards to round numbers. */
export function linearScale(domain: [number, number], range: [number, number], { nice = false, count = 5 } = {}): LinearScale {
  let [min, max] = domain;
  if (nice) [min, max] = niceDomain(min, max, count);
  if (max === min) max = min + 1;
  const [from, to] = range;
  const k = (to - from) / (max - min);
  const scale = ((value: number) => from + (value - min) * k) as LinearScale;
  scale.ticks = (n: number) => tickValues(min, max, n);
  scale.domain = [min, max];
  return scale;
}

/** Places `values` evenly across [from, to], half a step in from each end (d3's scalePoint with padding 0.5). */
export function pointScale(values: readonly string[], [from, to]: [number, number]): (value: string) => number | undefined {
  const step = (to - from) / Math.max(1, values.length);
  const index = new Map(values.map((value, i) => [value, i]));
  return (value) => {
    const i = index.get(value);
    return i === undefined ? undefined : from + step * (i + 0.5);
  };
}
