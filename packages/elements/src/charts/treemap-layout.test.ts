/**
 * treemap-layout.ts lays out a level exactly as d3-hierarchy did for <gk-budget>
 * (`hierarchy({ children: items }).sum(…).sort(…)`, then
 * `treemap().size([width, height]).paddingInner(2).tile(treemapSquarify.ratio(1.4))`):
 * the same tiles in the same order, coordinates equal to the last bit, for the
 * budget examples' shapes and for 2,000 seeded random levels (ties, tiny and huge
 * values, one item, many, narrow and wide boxes).
 */
import { expect } from '@open-wc/testing';
import { hierarchy, treemap, treemapSquarify } from 'd3-hierarchy';
import { seededRandom as random } from '../base/internal/test-support.js';
import { squarifiedTiles } from './treemap-layout.js';

interface Item {
  id: string;
  value: number;
}

/** What the element computed with d3-hierarchy before treemap-layout.ts. */
function d3Tiles(items: Item[], width: number, height: number, padding: number, ratio: number) {
  const positive = items.filter((item) => item.value > 0);
  const root = hierarchy<{ children?: Item[] } | Item>({ children: positive })
    .sum((node) => ('value' in node && !('children' in node) ? node.value : 0))
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  treemap<{ children?: Item[] } | Item>()
    .size([width, height])
    .paddingInner(padding)
    .tile(treemapSquarify.ratio(ratio))(root);
  return (root.leaves() as Array<typeof root & { x0: number; x1: number; y0: number; y1: number }>).map((leaf) => ({
    id: (leaf.data as Item).id,
    x0: leaf.x0,
    y0: leaf.y0,
    x1: leaf.x1,
    y1: leaf.y1,
  }));
}

const ours = (items: Item[], width: number, height: number, padding: number, ratio: number) =>
  squarifiedTiles(items, width, height, padding, ratio).map((tile) => ({
    id: tile.item.id,
    x0: tile.x0,
    y0: tile.y0,
    x1: tile.x1,
    y1: tile.y1,
  }));

describe('squarifiedTiles', () => {
  it('equals d3-hierarchy on the chart sizes <gk-budget> draws', () => {
    const items: Item[] = [5234.12, 1200, 1200, 860.5, 412.33, 97.1, 12, 3.5, 0.04].map((value, i) => ({
      id: `i${i}`,
      value,
    }));
    for (const width of [200, 280, 343, 375, 640, 800, 1000]) {
      const height = Math.round(Math.min(520, Math.max(260, width * 0.62)));
      expect(ours(items, width, height, 2, 1.4), `${width} px`).to.deep.equal(d3Tiles(items, width, height, 2, 1.4));
    }
  });

  it('equals d3-hierarchy on 2,000 random levels', () => {
    const next = random(20180420);
    for (let run = 0; run < 2000; run++) {
      const count = 1 + Math.floor(next() * (run % 10 === 0 ? 300 : 40));
      const scale = 10 ** Math.floor(next() * 9 - 2);
      const items: Item[] = Array.from({ length: count }, (_, i) => {
        const roll = next();
        // Ties (the sort must keep their order), zeros and negatives (no tile), and ordinary amounts.
        const value =
          roll < 0.1 ? 100 : roll < 0.15 ? 0 : roll < 0.18 ? -5 : Math.round(next() ** 3 * scale * 100) / 100;
        return { id: `r${run}-${i}`, value };
      });
      const width = 200 + Math.floor(next() * 1000);
      const height = Math.round(Math.min(520, Math.max(260, width * 0.62)));
      const padding = run % 7 === 0 ? 0 : 2;
      const ratio = run % 5 === 0 ? 1 : 1.4;
      if (!items.some((item) => item.value > 0)) continue;
      expect(ours(items, width, height, padding, ratio), `run ${run}`).to.deep.equal(
        d3Tiles(items, width, height, padding, ratio),
      );
    }
  });

  it('gives no tiles for a level with nothing above zero (d3 made the empty root a tile of its own)', () => {
    expect(squarifiedTiles([{ value: 0 }, { value: -1 }], 400, 260, 2, 1.4)).to.deep.equal([]);
  });
});
