/**
 * scale.ts's ticks() and nice() are d3-array's, line for line: the same values,
 * to the last bit, for the amounts the charts draw and for 20,000 seeded random
 * ranges (tiny, huge, negative, reversed, empty), so the axes are the ones
 * d3-array drew.
 */
import { expect } from '@open-wc/testing';
import { nice as d3Nice, ticks as d3Ticks } from 'd3-array';
import { seededRandom as random } from '../base/internal/test-support.js';
import { linearScale, nice, ticks } from './scale.js';

describe('ticks and nice', () => {
  it("equal d3-array's on the charts' ranges", () => {
    for (const max of [1, 3.5, 12, 97.1, 860.5, 5234.12, 12000, 91234.5, 1234567.89, 0.04]) {
      for (const count of [3, 4, 5, 10]) {
        expect(nice(0, max, count), `nice 0–${max} / ${count}`).to.deep.equal(d3Nice(0, max, count));
        expect(ticks(0, max, count), `ticks 0–${max} / ${count}`).to.deep.equal(d3Ticks(0, max, count));
      }
    }
  });

  it("equal d3-array's on 20,000 random ranges", () => {
    const next = random(2018);
    for (let run = 0; run < 20000; run++) {
      const scale = 10 ** Math.floor(next() * 16 - 6);
      const start = run % 4 === 0 ? 0 : (next() - 0.5) * scale;
      const stop = run % 17 === 0 ? start : (next() - 0.3) * scale * 3;
      const count = run % 9 === 0 ? next() * 2 : Math.floor(next() * 12);
      expect(ticks(start, stop, count), `ticks ${start}, ${stop}, ${count}`).to.deep.equal(d3Ticks(start, stop, count));
      expect(nice(start, stop, count), `nice ${start}, ${stop}, ${count}`).to.deep.equal(d3Nice(start, stop, count));
    }
  });

  it('give a line chart its rounded axis', () => {
    const y = linearScale([0, 5234.12], [300, 20], { nice: true, count: 4 });
    expect(y.domain).to.deep.equal([0, 6000]);
    expect(y.ticks(4)).to.deep.equal([0, 2000, 4000, 6000]);
    expect(y(6000)).to.equal(20);
  });
});
