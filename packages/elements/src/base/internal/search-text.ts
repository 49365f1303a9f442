/**
 * The one text search of the listings (catalogue, service guides): Chinese has
 * no word spaces, so each space-separated term is a substring that must occur.
 */

/** Case, full-width forms and spaces do not matter to a search: "ＡＢＣ 预算" finds "abc预算". */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** The search terms: space-separated parts, each normalized; every one must match. */
export function searchTerms(q: string): string[] {
  return q.split(/\s+/).map(normalize).filter(Boolean);
}
