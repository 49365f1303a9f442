/**
 * The one formatter: money, dates, percentages, changes, document numbers and
 * file sizes, for zh-CN and en. Every number the library shows goes through here.
 */
import type { Lang } from './i18n.js';

/** Units that figures are given in. */
export type MoneyUnit = '元' | '千元' | '万元' | '亿元';
const UNIT_FACTOR: Record<MoneyUnit, number> = { 元: 1, 千元: 1e3, 万元: 1e4, 亿元: 1e8 };

/**
 * Formats a plain number with grouping: 1234.5 → "1,234.5". zh-CN and en group
 * and separate decimals the same way, so this does it by hand: creating an
 * Intl.NumberFormat costs milliseconds each time (a chart needs several), and
 * old WebViews differ in what Intl supports.
 */
export function formatNumber(value: number, _lang: Lang = 'zh-CN', maxDigits = 2, minDigits = 0): string {
  if (!Number.isFinite(value)) return '—';
  let text = Math.abs(value).toFixed(maxDigits);
  if (maxDigits > minDigits && text.includes('.')) {
    // Drop trailing zeros down to minDigits: 1.50 → 1.5, 2.00 → 2.
    const keep = text.indexOf('.') + minDigits + (minDigits > 0 ? 1 : 0);
    let cut = text.length;
    while (cut > keep && text[cut - 1] === '0') cut--;
    if (text[cut - 1] === '.') cut--;
    text = text.slice(0, cut);
  }
  const [whole, fraction] = text.split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+$)/g, ',');
  const negative = value < 0 && /[1-9]/.test(text);
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

export interface MoneyOptions {
  lang?: Lang;
  /** The unit the value is given in (default 元). */
  from?: MoneyUnit;
  /**
   * The unit to show. `auto` (default) picks the most readable one:
   * 元 below 1万, 万元 below 1亿, then 亿元 (en: yuan, million yuan, billion yuan).
   */
  to?: MoneyUnit | 'auto';
  /** Decimal places. With `auto`, trailing zeros are dropped. */
  digits?: number;
}

/**
 * Money for reading: 123456789 → "1.23亿元" / "123.46 million yuan";
 * with `to: '万元'` → "12,345.68万元" as in the official tables.
 */
export function formatMoney(value: number, options: MoneyOptions = {}): string {
  const lang = options.lang ?? 'zh-CN';
  const yuan = value * UNIT_FACTOR[options.from ?? '元'];
  if (!Number.isFinite(yuan)) return '—';
  const to = options.to ?? 'auto';
  const sign = yuan < 0 ? '-' : '';
  const abs = Math.abs(yuan);

  if (to !== 'auto') {
    const digits = options.digits ?? 2;
    const amount = formatNumber(abs / UNIT_FACTOR[to], lang, digits, digits);
    if (lang === 'en') return `${sign}${amount} ${EN_UNIT[to]}`;
    return `${sign}${amount}${to}`;
  }

  const digits = options.digits ?? 2;
  if (lang === 'en') {
    if (abs >= 1e9) return `${sign}${formatNumber(abs / 1e9, lang, digits)} billion yuan`;
    if (abs >= 1e6) return `${sign}${formatNumber(abs / 1e6, lang, digits)} million yuan`;
    return `${sign}${formatNumber(abs, lang, digits)} yuan`;
  }
  if (abs >= 1e8) return `${sign}${formatNumber(abs / 1e8, lang, digits)}亿元`;
  if (abs >= 1e4) return `${sign}${formatNumber(abs / 1e4, lang, digits)}万元`;
  return `${sign}${formatNumber(abs, lang, digits)}元`;
}

const EN_UNIT: Record<MoneyUnit, string> = {
  元: 'yuan',
  千元: 'thousand yuan',
  万元: '×10,000 yuan',
  亿元: '×100 million yuan',
};

/** A share or rate as a percentage: 0.4213 → "42.1%". */
export function formatPercent(ratio: number, lang: Lang = 'zh-CN', digits = 1): string {
  if (!Number.isFinite(ratio)) return '—';
  return `${formatNumber(ratio * 100, lang, digits)}%`;
}

/** The relative change from `previous` to `current` (0.052 for +5.2%); NaN when undefined. */
export function relativeChange(current: number, previous: number): number {
  if (!Number.isFinite(current) || !Number.isFinite(previous) || previous === 0) return Number.NaN;
  return (current - previous) / Math.abs(previous);
}

/** A change with its sign: 0.052 → "+5.2%", -0.1 → "-10%", 0 → "0%". */
export function formatChange(ratio: number, lang: Lang = 'zh-CN', digits = 1): string {
  if (!Number.isFinite(ratio)) return '—';
  const rounded = Number((ratio * 100).toFixed(digits));
  if (rounded === 0) return '0%';
  return `${rounded > 0 ? '+' : '-'}${formatNumber(Math.abs(rounded), lang, digits)}%`;
}

const ISO_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * An ISO date (2018-07-04, or 2018-07 for a month) for reading:
 * "2018年7月4日" / "4 July 2018". Anything else is returned unchanged.
 */
export function formatDate(iso: string, lang: Lang = 'zh-CN'): string {
  const match = ISO_DATE.exec(iso.trim());
  if (!match) return iso;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month < 1 || month > 12) return iso;
  if (lang === 'en') {
    const monthName = EN_MONTHS[month - 1];
    return day === undefined ? `${monthName} ${year}` : `${day} ${monthName} ${year}`;
  }
  return day === undefined ? `${year}年${month}月` : `${year}年${month}月${day}日`;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Document numbers (发文字号) in any common spelling — 平政发[2017]1号,
 * 平政发（2017）1号, 平政发【2017】第1号 — all matched by this one pattern.
 */
export const DOC_NUMBER_PATTERN = /^\s*(\S.*?)\s*[〔[(（【［]\s*(\d{4})\s*[〕\])）】］]\s*(第?)\s*(\d+)\s*号\s*$/;

/** Normalises a document number to the standard form with 〔〕: "平政发〔2017〕1号". */
export function formatDocNumber(value: string): string {
  const match = DOC_NUMBER_PATTERN.exec(value);
  if (!match) return value.trim();
  const [, prefix, year, , serial] = match;
  return `${prefix}〔${year}〕${Number(serial)}号`;
}

/** A file size in bytes for reading: 1234567 → "1.2 MB". */
export function formatFileSize(bytes: number, lang: Lang = 'zh-CN'): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${formatNumber(bytes, lang, 0)} B`;
  const units = ['KB', 'MB', 'GB'];
  let size = bytes / 1024;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit++;
  }
  return `${formatNumber(size, lang, size < 10 ? 1 : 0)} ${units[unit]}`;
}
