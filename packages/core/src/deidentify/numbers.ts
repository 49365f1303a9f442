/**
 * Numbers that identify a person: resident ID numbers (18 characters with the
 * GB 11643 check digit, or the old 15 digits with a province and birth date),
 * mobile and landline numbers, and — right after their cue (电话, QQ, 身份证,
 * 卡号) — local numbers, mistyped IDs and bank accounts. In text they are read
 * from "clusters": digit groups joined the way people write numbers (spaces, a
 * hyphen or dash, brackets of either width around an area code, a leading + or
 * 86), each digit kept with its index in the original, so a mask replaces exactly
 * the digits it hides. A number is only found where a span of whole groups makes
 * one, so two numbers side by side are never read as one, and digits attached to
 * letters, decimals, thousands or a unit (12,000万元, 3.5, 元) are an amount or a
 * code, not a phone. Unified social credit codes (GB 32100) are told apart.
 */
import { Marks, STAR } from './marks.js';
import { NO_PUBLIC_CONTACTS, phoneKeys, type PublicContacts } from './public.js';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
/** Province codes of the 15-digit IDs (issued 1984–2004), two digits each. */
const PROVINCES = '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65';

function isDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** True for an 18-character mainland resident ID number whose check digit (GB 11643) and birth date are right. */
export function isResidentId(value: string): boolean {
  const id = value.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i]!;
  if (ID_CHECK[sum % 11] !== id[17]) return false;
  const year = Number(id.slice(6, 10));
  return year >= 1900 && isDate(year, Number(id.slice(10, 12)), Number(id.slice(12, 14)));
}

/** True for an old 15-digit resident ID: a province code and a birth date (yymmdd, 19yy). It has no check digit. */
export function isOldResidentId(value: string): boolean {
  if (!/^\d{15}$/.test(value) || !PROVINCES.includes(value.slice(0, 2)) || value[0] === '0') return false;
  return isDate(1900 + Number(value.slice(6, 8)), Number(value.slice(8, 10)), Number(value.slice(10, 12)));
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** True for an 18-character unified social credit code (统一社会信用代码) of an organisation whose GB 32100 check character is right. */
export function isCreditCode(value: string): boolean {
  const code = value.toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(code[i]!) * CREDIT_WEIGHTS[i]!;
  return CREDIT_CHARS[(31 - (sum % 31)) % 31] === code[17];
}

/**
 * 640221199001011234 → 640221********1234 (region and last four kept, birth date
 * and sequence hidden); an old 15-digit 640221900101123 → 640221******123.
 */
export function maskResidentId(id: string): string {
  if (/^\d{15}$/.test(id)) return `${id.slice(0, 6)}${'*'.repeat(6)}${id.slice(12)}`;
  return `${id.slice(0, 6)}${'*'.repeat(8)}${id.slice(14)}`;
}

type Kind = 'id' | 'oldId' | 'mobile' | 'landline' | 'cuedPhone' | 'cuedId' | 'cuedAccount';

interface Found {
  kind: Kind;
  /** Digits before the number proper: 86 or 0086 of a mobile, the area code of a landline. */
  lead: number;
}

/** Which digits of a `length`-digit number of `found`'s kind are hidden: [from, to). */
function hidden(found: Found, length: number): [number, number] {
  switch (found.kind) {
    case 'id':
      return [6, 14];
    case 'oldId':
      return [6, 12];
    case 'cuedId':
      return [6, length - 4];
    case 'cuedAccount':
      return [0, length - 4];
    case 'mobile':
      return [found.lead + 3, found.lead + 7];
    case 'landline':
      return [found.lead, length - 3];
    default:
      return [0, length - 3];
  }
}

/** Where a span of digits starts: the cues before it are read from there, only when a rule needs one. */
interface Context {
  text: string;
  at: number;
  /** In a phone column every number is a phone number. */
  phoneColumn: boolean;
}

/** Cues count when nothing but a few non-digits (：, 号码, 是) stands between them and the number. */
const PHONE_CUE = /(?:电话|手机|座机|固话|联系方式|致电|拨打|qq|tel|phone|mobile)\D{0,6}$/i;
const ID_CUE = /(?:身份证|证件|身份号码)\D{0,6}$/;
const ACCOUNT_CUE = /(?:卡号|账号|帐号|银行卡|存折)\D{0,6}$/;
const CREDIT_CUE = /(?:信用代码|纳税人识别号|税号|注册号)\D{0,6}$/;

function cued(context: Context, cue: RegExp): boolean {
  if (context.phoneColumn) return cue === PHONE_CUE;
  return cue.test(context.text.slice(Math.max(0, context.at - 12), context.at));
}

const LANDLINE = /^(010|02\d|0[3-9]\d\d)[2-9]\d{6,7}$/;
const hasX = (digits: string) => digits.endsWith('X') || digits.endsWith('x');

/** What a span of digits is by the strict rules (check digits, birth dates, numbering plans). */
function classify(digits: string, context: Context): Found | undefined {
  const length = digits.length;
  // A string that is both an ID and a credit code is the credit code only where it is called one.
  if (length === 18 && isResidentId(digits))
    return cued(context, CREDIT_CUE) && isCreditCode(digits) ? undefined : { kind: 'id', lead: 0 };
  if (hasX(digits)) return undefined;
  if (length === 15 && isOldResidentId(digits)) return { kind: 'oldId', lead: 0 };
  const lead = length === 13 && digits.startsWith('86') ? 2 : length === 15 && digits.startsWith('0086') ? 4 : 0;
  if (length - lead === 11 && digits[lead] === '1' && digits[lead + 1]! >= '3') return { kind: 'mobile', lead };
  const landline = LANDLINE.exec(digits);
  if (landline) return { kind: 'landline', lead: landline[1]!.length };
  return undefined;
}

/** Numbers that only count right after a cue: a local number (电话：6012345), a QQ number, a mistyped mobile or ID, a bank account. */
function classifyCued(digits: string, context: Context): Found | undefined {
  const length = digits.length;
  if (length >= 15 && length <= 18 && cued(context, ID_CUE) && !isCreditCode(digits))
    return { kind: 'cuedId', lead: 0 };
  if (hasX(digits)) return undefined;
  if (length >= 12 && length <= 19 && cued(context, ACCOUNT_CUE)) return { kind: 'cuedAccount', lead: 0 };
  // Six digits at least: 12345 and 12320 are hotlines.
  if (length >= 6 && length <= 13 && cued(context, PHONE_CUE)) return { kind: 'cuedPhone', lead: 0 };
  return undefined;
}

const isDigit = (code: number) => code >= 48 && code <= 57;
const isAlnum = (code: number) =>
  isDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
/** Characters after which digits are an amount or a count, not a phone number. */
const UNITS = '元万亿%‰';

/**
 * Where the next group of a cluster starts after a group ending at `end`, or -1.
 * Joiners: a closing bracket, up to two spaces, a hyphen (spaced or not), an opening bracket.
 */
const isOpen = (code: number) => code === 40 || code === 0xff08; // ( （
const isClose = (code: number) => code === 41 || code === 0xff09; // ) ）

function nextGroup(text: string, end: number): number {
  let k = end;
  if (isClose(text.charCodeAt(k))) k++;
  const spaces = k;
  while (text.charCodeAt(k) === 32 && k - spaces < 2) k++;
  if (text.charCodeAt(k) === 45) {
    k++;
    if (text.charCodeAt(k) === 32) k++;
  }
  if (isOpen(text.charCodeAt(k)) && isDigit(text.charCodeAt(k + 1))) k++;
  return k > end && isDigit(text.charCodeAt(k)) ? k : -1;
}

/** A cluster: digit groups [starts[i], ends[i]) in the folded text, and whether its ends touch a number or code. */
interface Cluster {
  starts: number[];
  ends: number[];
  /** Where the cluster begins, with a "(", "（" or "+" before its first digit. */
  from: number;
  /** The first group continues something before it (a letter, 1,234 or 3.14): no number starts there. */
  leftAttached: boolean;
  /** The last group runs on into a letter, a decimal, thousands or a unit: no number ends there. */
  rightAttached: boolean;
}

/** Reads the cluster whose first digit is at `start`. */
function readCluster(text: string, start: number): Cluster {
  const n = text.length;
  const starts: number[] = [];
  const ends: number[] = [];
  let from = start;
  if (text[from - 1] === '+') from--;
  if (isOpen(text.charCodeAt(from - 1))) from--;
  for (let at = start; ;) {
    let end = at;
    while (end < n && isDigit(text.charCodeAt(end))) end++;
    starts.push(at);
    const next = text.charCodeAt(end);
    // An ID's check digit X ends its cluster.
    if ((next === 88 || next === 120) && !isAlnum(text.charCodeAt(end + 1))) {
      ends.push(end + 1);
      break;
    }
    ends.push(end);
    at = nextGroup(text, end);
    if (at < 0) break;
  }
  const before = text.charCodeAt(from - 1);
  const leftAttached =
    from > 0 &&
    (isAlnum(before) ||
      (before === 46 && isDigit(text.charCodeAt(from - 2))) ||
      (before === 44 && isDigit(text.charCodeAt(from - 2)) && ends[0]! - starts[0]! === 3 && starts.length === 1));
  const end = ends[ends.length - 1]!;
  const after = text.charCodeAt(end);
  const rightAttached =
    end < n &&
    (isAlnum(after) ||
      UNITS.includes(text[end]!) ||
      (after === 46 && isDigit(text.charCodeAt(end + 1))) ||
      (after === 44 &&
        isDigit(text.charCodeAt(end + 1)) &&
        isDigit(text.charCodeAt(end + 3)) &&
        !isDigit(text.charCodeAt(end + 4))));
  return { starts, ends, from, leftAttached, rightAttached };
}

/** Marks digits [from, to) of groups a… of a cluster, a range for each group it touches. */
function markDigits(marks: Marks, cluster: Cluster, a: number, from: number, to: number): void {
  let index = 0;
  for (let g = a; index < to && g < cluster.starts.length; g++) {
    const start = cluster.starts[g]!;
    const length = cluster.ends[g]! - start;
    marks.set(start + Math.max(0, from - index), start + Math.min(length, to - index), STAR);
    index += length;
  }
}

/** The longest number a span of whole groups starting at group `a` makes; strict rules first, cues after. */
function numberAt(
  text: string,
  cluster: Cluster,
  a: number,
  phoneColumn: boolean,
): { b: number; found: Found; digits: string } | undefined {
  const last = cluster.starts.length - 1;
  const context: Context = { text, at: a === 0 ? cluster.from : cluster.starts[a]!, phoneColumn };
  let best: { b: number; found: Found; digits: string } | undefined;
  let cuedBest: typeof best;
  let digits = '';
  for (let b = a; b <= last; b++) {
    digits += text.slice(cluster.starts[b], cluster.ends[b]);
    if (digits.length > 22) break;
    if (b === last && cluster.rightAttached) break;
    if (digits.length < 6) continue;
    const found = classify(digits, context);
    if (found) best = { b, found, digits };
    else if (!best) {
      const maybe = classifyCued(digits, context);
      if (maybe) cuedBest = { b, found: maybe, digits };
    }
  }
  return best ?? cuedBest;
}

/** Masks the ID and phone numbers in folded `text`, leaving the public ones. In a phone column (`phoneColumn`) every number counts as cued. */
export function maskNumbers(text: string, marks: Marks, contacts: PublicContacts, phoneColumn = false): void {
  for (let i = 0; i < text.length; i++) {
    if (!isDigit(text.charCodeAt(i))) continue;
    let end = i + 1;
    while (isDigit(text.charCodeAt(end))) end++;
    // A short run of digits with nothing joined to it (2018, 45) is no number of ours: the common case, kept cheap.
    if (end - i < 6 && nextGroup(text, end) < 0) {
      i = end;
      continue;
    }
    const cluster = readCluster(text, i);
    const groups = cluster.starts.length;
    for (let a = cluster.leftAttached ? 1 : 0; a < groups; a++) {
      const number = numberAt(text, cluster, a, phoneColumn);
      if (!number) continue;
      const { found, digits } = number;
      const isPhone = found.kind === 'mobile' || found.kind === 'landline' || found.kind === 'cuedPhone';
      if (!(isPhone && phoneKeys(digits).some((key) => contacts.numbers.has(key)))) {
        const [from, to] = hidden(found, digits.length);
        markDigits(marks, cluster, a, from, to);
      }
      a = number.b;
    }
    i = cluster.ends[groups - 1]! - 1;
  }
}

/**
 * A phone column's value (folded as `folded`) with its numbers masked in place:
 * a mobile keeps its first 3 and last 4 digits, a landline its area code and
 * last 3; a value with no number we know keeps only its last 3 digits.
 */
export function maskPhoneValue(phone: string, folded: string): string {
  const marks = new Marks();
  maskNumbers(folded, marks, NO_PUBLIC_CONTACTS, true);
  if (!marks.any) {
    const positions: number[] = [];
    for (let i = 0; i < folded.length; i++) if (isDigit(folded.charCodeAt(i))) positions.push(i);
    for (const i of positions.slice(0, -3)) marks.set(i, i + 1, STAR);
  }
  return marks.apply(phone);
}

/** An ID column's value masked in place, whatever its spacing or width; a value that is no ID is masked all but its first 6 and last 4. */
export function maskIdValue(value: string, folded: string): string {
  const positions: number[] = [];
  for (let i = 0; i < folded.length; i++) if (/[\dXx]/.test(folded[i]!)) positions.push(i);
  const compact = positions.map((i) => folded[i]).join('');
  const marks = new Marks();
  const [from, to] = isOldResidentId(compact)
    ? [6, 12]
    : compact.length >= 10
      ? [6, Math.max(6, Math.min(14, compact.length - 4))]
      : [0, compact.length];
  for (const i of positions.slice(from, to)) marks.set(i, i + 1, STAR);
  // Everything in an ID column is personal: what is not a digit is hidden too when there are no digits to mask.
  return compact.length ? marks.apply(value) : '*'.repeat(value.trim().length);
}
