/**
 * The squarified treemap of one level (Bruls, Huijsing and van Wijk), laid out
 * as d3-hierarchy 3.1 lays out `treemap().size([width, height]).paddingInner(padding)
 * .tile(treemapSquarify.ratio(ratio))` over a root whose children are the items,
 * summed, then sorted largest first: the same arithmetic in the same order, so
 * the same tiles to the last bit (treemap-layout.test.ts compares them with
 * d3-hierarchy's). Our treemaps have one level, and d3-hierarchy's general tree
 * (node methods, iterators, other tilings) cost 2 KB gzip in every budget page.
 *
 * The row-by-row layout is d3-hierarchy's squarifyRatio, treemapDice and
 * treemapSlice (ISC licence, copyright 2010-2026 Mike Bostock).
 */

export interface Tile<T> {
  item: T;
  value: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

type Row<T> = { value: number; children: Array<Tile<T>> };

/** Lays out `row`'s tiles side by side along x (d3's treemapDice). */
function dice<T>(row: Row<T>, x0: number, y0: number, x1: number, y1: number): void {
  const k = row.value && (x1 - x0) / row.value;
  for (const tile of row.children) {
    tile.y0 = y0;
    tile.y1 = y1;
    tile.x0 = x0;
    tile.x1 = x0 += tile.value * k;
  }
}

/** Lays out `row`'s tiles one above the other along y (d3's treemapSlice). */
function slice<T>(row: Row<T>, x0: number, y0: number, x1: number, y1: number): void {
  const k = row.value && (y1 - y0) / row.value;
  for (const tile of row.children) {
    tile.x0 = x0;
    tile.x1 = x1;
    tile.y0 = y0;
    tile.y1 = y0 += tile.value * k;
  }
}

/** Fills [x0, x1] × [y0, y1] with rows of tiles whose aspect ratio stays near `ratio` (d3's squarifyRatio). */
function squarify<T>(
  ratio: number,
  tiles: Array<Tile<T>>,
  total: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): void {
  const n = tiles.length;
  let value = total;
  let i0 = 0;
  let i1 = 0;
  while (i0 < n) {
    const dx = x1 - x0;
    const dy = y1 - y0;
    // The next tile with a value.
    let sumValue: number;
    do sumValue = tiles[i1++]!.value;
    while (!sumValue && i1 < n);
    let minValue = sumValue;
    let maxValue = sumValue;
    const alpha = Math.max(dy / dx, dx / dy) / (value * ratio);
    let beta = sumValue * sumValue * alpha;
    let minRatio = Math.max(maxValue / beta, beta / minValue);
    // Keep adding tiles while the aspect ratio stays or improves.
    for (; i1 < n; ++i1) {
      const nodeValue = tiles[i1]!.value;
      sumValue += nodeValue;
      if (nodeValue < minValue) minValue = nodeValue;
      if (nodeValue > maxValue) maxValue = nodeValue;
      beta = sumValue * sumValue * alpha;
      const newRatio = Math.max(maxValue / beta, beta / minValue);
      if (newRatio > minRatio) {
        sumValue -= nodeValue;
        break;
      }
      minRatio = newRatio;
    }
    const row = { value: sumValue, children: tiles.slice(i0, i1) };
    if (dx < dy) dice(row, x0, y0, x1, value ? (y0 += (dy * sumValue) / value) : y1);
    else slice(row, x0, y0, value ? (x0 += (dx * sumValue) / value) : x1, y1);
    value -= sumValue;
    i0 = i1;
  }
}

/**
 * The tiles of `items` (largest first) in a `width` × `height` box, `padding`
 * apart, rows kept near the aspect ratio `ratio`. Items without a positive value
 * get no tile.
 */
export function squarifiedTiles<T extends { value: number }>(
  items: readonly T[],
  width: number,
  height: number,
  padding: number,
  ratio: number,
): Array<Tile<T>> {
  const tiles = items
    .filter((item) => item.value > 0)
    .map((item): Tile<T> => ({ item, value: item.value, x0: 0, y0: 0, x1: 0, y1: 0 }));
  if (!tiles.length) return tiles;
  // d3 sums a node's children last to first, before they are sorted.
  let total = 0;
  for (let i = tiles.length - 1; i >= 0; i--) total += tiles[i]!.value;
  tiles.sort((a, b) => b.value - a.value);
  // The root's box, widened by half the inner padding that each tile then gives back.
  const p = padding / 2;
  let [x0, y0, x1, y1] = [0 + (0 - p), 0 + (0 - p), width - (0 - p), height - (0 - p)];
  if (x1 < x0) x0 = x1 = (x0 + x1) / 2;
  if (y1 < y0) y0 = y1 = (y0 + y1) / 2;
  squarify(Math.max(1, ratio), tiles, total, x0, y0, x1, y1);
  for (const tile of tiles) {
    let x0 = tile.x0 + p;
    let y0 = tile.y0 + p;
    let x1 = tile.x1 - p;
    let y1 = tile.y1 - p;
    if (x1 < x0) x0 = x1 = (x0 + x1) / 2;
    if (y1 < y0) y0 = y1 = (y0 + y1) / 2;
    Object.assign(tile, { x0, y0, x1, y1 });
  }
  return tiles;
}
