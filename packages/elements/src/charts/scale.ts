/**
 * A linear scale for amounts. d3-scale's scaleLinear brings d3-interpolate,
 * d3-color and d3-format along (about 9 KB gzip) for colour and tick-format
 * features we never use; the maths we need is d3-array's nice() and ticks().
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
