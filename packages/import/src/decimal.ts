/**
 * Exact decimal amounts for spreadsheet import. A cell's text ("1,234.56", "1.2E-3",
 * "１２３", "（12.50）") becomes a canonical decimal string; sums and unit
 * conversions are done on scaled BigInts, so no amount is ever a binary float
 * until the document is written, and then it is converted once.
 *
 * Excel keeps 15 significant digits: a stored 0.30000000000000004 is shown as 0.3.
 * Values are cut to those 15 digits (rounding half away from zero) once, on reading.
 */

/** A decimal as an integer and a power of ten: value = units / 10^scale. */
export interface Decimal {
  units: bigint;
  scale: number;
}

const EXCEL_DIGITS = 15;

/** Full-width digits, signs and separators as typed in Chinese input methods. */
function halfWidth(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF0B\uFF0D\uFF0E\uFF0C]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Parses an amount as a spreadsheet shows it. Returns undefined for an empty cell
 * or a dash (which finance tables use for "nothing"), null for text that is not a number.
 */
export function parseDecimal(raw: unknown): Decimal | undefined | null {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'number') return Number.isFinite(raw) ? parseDecimal(String(raw)) : null;
  if (typeof raw !== 'string') return null;
  let text = halfWidth(raw).trim().replace(/\s+/g, '');
  if (text === '' || /^[-—–－―]+$/.test(text)) return undefined;
  let negative = false;
  // Accountants' negatives: (12.50) or （12.50）.
  const parenthesised = /^[(（](.*)[)）]$/.exec(text);
  if (parenthesised) {
    negative = true;
    text = parenthesised[1]!;
  }
  // Thousands separators, but only where they separate thousands.
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(text)) text = text.replace(/,/g, '');
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?$/.exec(text);
  if (!match || (match[2] === '' && !match[3])) return null;
  if (match[1] === '-') negative = !negative;
  const whole = match[2] ?? '';
  const fraction = match[3] ?? '';
  const exponent = Number(match[4] ?? 0);
  let digits = (whole + fraction).replace(/^0+(?=\d)/, '');
  let scale = fraction.length - exponent;
  if (scale < 0) {
    digits += '0'.repeat(-scale);
    scale = 0;
  }
  return roundSignificant({ units: BigInt(digits || '0') * (negative ? -1n : 1n), scale }, EXCEL_DIGITS);
}

/** Rounds to `digits` significant digits, half away from zero. */
export function roundSignificant(value: Decimal, digits: number): Decimal {
  const magnitude = value.units < 0n ? -value.units : value.units;
  const length = magnitude.toString().length;
  if (length <= digits) return trim(value);
  const drop = length - digits;
  const divisor = 10n ** BigInt(drop);
  let kept = magnitude / divisor;
  if ((magnitude % divisor) * 2n >= divisor) kept += 1n;
  const units = value.units < 0n ? -kept : kept;
  return trim({ units: units * divisor, scale: value.scale });
}

/** Drops trailing zeros after the point: 12.50 → 12.5 (the number is the same). */
export function trim(value: Decimal): Decimal {
  let { units, scale } = value;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale--;
  }
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { units, scale };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale), scale];
}

export const ZERO: Decimal = { units: 0n, scale: 0 };

export function add(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return trim({ units: x + y, scale });
}

export function subtract(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return trim({ units: x - y, scale });
}

export function compare(a: Decimal, b: Decimal): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const value of values) total = add(total, value);
  return total;
}

/** Multiplies by 10^power exactly (万元 → 元 is power 4; 元 → 万元 is −4). */
export function shift(value: Decimal, power: number): Decimal {
  return trim({ units: value.units, scale: value.scale - power });
}

/** The canonical text: "-1234.5", "0.01", "12". */
export function toText(value: Decimal): string {
  const negative = value.units < 0n;
  let digits = (negative ? -value.units : value.units).toString();
  if (value.scale > 0) {
    digits = digits.padStart(value.scale + 1, '0');
    digits = `${digits.slice(0, -value.scale)}.${digits.slice(-value.scale)}`;
  }
  return negative ? `-${digits}` : digits;
}

/**
 * The JSON number for a document. Number(text) is the one conversion to binary;
 * for up to 15 significant digits JSON.stringify writes the same digits back.
 */
export function toNumber(value: Decimal): number {
  return Number(toText(value));
}

/** From a number already in a document (exact up to its shortest decimal form). */
export function fromNumber(value: number): Decimal {
  return parseDecimal(String(value)) ?? ZERO;
}

/** Units of money and their power of ten relative to 元. */
export const UNIT_POWERS = { 元: 0, 千元: 3, 万元: 4 } as const;
export type MoneyUnit = keyof typeof UNIT_POWERS;

export function convertUnit(value: Decimal, from: MoneyUnit, to: MoneyUnit): Decimal {
  return shift(value, UNIT_POWERS[from] - UNIT_POWERS[to]);
}
