/**
 * The service listing's search: every term the reader types must occur in the
 * item's name, code, type, office, materials or result, by the listings' one
 * text search (base/internal/search-text.ts).
 */
import type { ServiceItem } from '@gongkai/core';
import { normalize, searchTerms } from '../../base/internal/search-text.js';

function haystack(item: ServiceItem): string {
  return normalize(
    [
      item.name,
      item.code,
      item.type,
      item.office,
      item.result.name,
      ...item.materials.map((material) => material.name),
    ].join('\u0001'),
  );
}

/** The items matching every term of `query`, in their order. */
export function searchServices(items: readonly ServiceItem[], query: string): ServiceItem[] {
  const terms = searchTerms(query);
  if (!terms.length) return [...items];
  return items.filter((item) => {
    const text = haystack(item);
    return terms.every((term) => text.includes(term));
  });
}
