/**
 * Colours for chart marks. Every one has at least 4.5:1 contrast with white, so
 * marks meet WCAG 1.4.11 (3:1 against the background) and white labels on them
 * meet 1.4.3. Neighbouring colours differ in lightness as well as hue, for
 * readers with colour-vision deficiencies.
 */
export const CATEGORY_COLORS = [
  '#1f5fa8',
  '#c0392b',
  '#2e7d32',
  '#8e44ad',
  '#b35900',
  '#00796b',
  '#5d4037',
  '#ad1457',
  '#455a64',
  '#7a6f00',
] as const;

/** Two series compared side by side (budget vs final, last year vs this year): light and dark of one hue. */
export const PAIR_COLORS = { first: '#6d8fc7', second: '#1f5fa8' } as const;

export function categoryColor(index: number): string {
  return CATEGORY_COLORS[((index % CATEGORY_COLORS.length) + CATEGORY_COLORS.length) % CATEGORY_COLORS.length]!;
}
