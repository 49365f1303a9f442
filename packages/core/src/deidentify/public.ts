/**
 * Contacts that are public and stay as written: the bureau's own 咨询电话, its
 * mailbox, its street address. Given as written (any width, any separators);
 * read once per list and kept while the list lives.
 */
import { foldWidth } from './fold.js';

export interface PublicContacts {
  /** Phone numbers by their digits: the national number of a mobile, a landline with and without its area code. */
  numbers: Set<string>;
  /** E-mail addresses, lower case. */
  emails: Set<string>;
  /** Everything as folded text, for addresses: a cut part found in one of these stays. */
  texts: string[];
}

export const NO_PUBLIC_CONTACTS: PublicContacts = { numbers: new Set(), emails: new Set(), texts: [] };
/** Read lists by their contents: a caller may pass a new array with the same contacts for every record. */
const cache = new Map<string, PublicContacts>();

/** The digits a phone number is known by: a mobile without its 86 prefix; a landline whole and without its area code. */
export function phoneKeys(digits: string): string[] {
  const national = digits.replace(/^(?:0086|86)(?=1[3-9]\d{9}$)/, '');
  const landline = /^(010|02\d|0[3-9]\d\d)([2-9]\d{6,7})$/.exec(national);
  return landline ? [national, landline[2]!] : [national];
}

export function publicContacts(list: readonly string[] | undefined): PublicContacts {
  if (!list?.length) return NO_PUBLIC_CONTACTS;
  const key = list.join('\n');
  let found = cache.get(key);
  if (!found) {
    if (cache.size >= 32) cache.clear();
    found = { numbers: new Set(), emails: new Set(), texts: [] };
    for (const entry of list) {
      const folded = foldWidth(entry.trim());
      found.texts.push(folded);
      for (const email of folded.match(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+/g) ?? [])
        found.emails.add(email.toLowerCase());
      const digits = folded.replace(/\D/g, '');
      if (digits.length >= 3 && !folded.includes('@')) for (const key of phoneKeys(digits)) found.numbers.add(key);
    }
    cache.set(key, found);
  }
  return found;
}
