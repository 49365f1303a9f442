/**
 * The service listing's search: every word the reader types must occur in the
 * item's name, code, type, office, materials or result (Chinese has no word
 * spaces, so a word is a substring), ignoring case and full-width forms.
 */
import type { ServiceItem } from '@gongkai/core';

/** Lower case, full-width letters and digits made half-width, spaces collapsed. */
export function normalise(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function haystack(item: ServiceItem): string {
  return normalise(
    [
      item.name,
      item.code,
      item.type,
      item.office,
      item.result.name,
      ...item.materials.map((material) => material.name),
    ].join(' '),
  );
}

/** The items matching every word of `query`, in their order. */
export function searchServices(items: readonly ServiceItem[], query: string): ServiceItem[] {
  const words = normalise(query).split(' ').filter(Boolean);
  if (!words.length) return [...items];
  return items.filter((item) => {
    const text = haystack(item);
    return words.every((word) => text.includes(word));
  });
}
