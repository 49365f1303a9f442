/**
 * E-mail addresses in text (＠ and full-width letters are folded first). The
 * first character of the name before @ stays, the rest of it is masked, the
 * domain stays: zhangsan@163.com → z*******@163.com. Found from each @ outwards,
 * a bounded number of characters each way, so a long text costs a single pass.
 */
import { Marks, STAR } from './marks.js';
import type { PublicContacts } from './public.js';

const isLetterOrDigit = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
/** Characters of the part before @ (RFC 5322's common subset). */
const isLocal = (code: number) =>
  isLetterOrDigit(code) || code === 46 || code === 95 || code === 37 || code === 43 || code === 45;
const isDomain = (code: number) => isLetterOrDigit(code) || code === 46 || code === 45;
const DOMAIN = /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

export function maskEmails(text: string, marks: Marks, contacts: PublicContacts): void {
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < 64 && isLocal(text.charCodeAt(start - 1))) start--;
    while (start < at && text[start] === '.') start++;
    let end = at + 1;
    while (end < text.length && end - at <= 255 && isDomain(text.charCodeAt(end))) end++;
    while (end > at + 1 && (text[end - 1] === '.' || text[end - 1] === '-')) end--;
    if (start === at || !DOMAIN.test(text.slice(at + 1, end))) continue;
    if (contacts.emails.has(text.slice(start, end).toLowerCase())) continue;
    marks.set(start + 1, at, STAR);
  }
}
