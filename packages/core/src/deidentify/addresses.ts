/**
 * Addresses, cut to the county (or, without one, the city, or the town): an
 * address column with cutAddress, and addresses inside running text. In text an
 * address is recognised by where it ends — a house number, building, unit or
 * room (…街12号3单元501室, …小区5号楼) or a village's team or group (…村三队,
 * …村五组, …村二社) right after a place name — and read backwards through the
 * place names before it (街, 路, 村, 小区, 镇, 县, 市 …) to where it starts. The
 * part below the county is then cut with the same rule as the column, and "…"
 * marks the cut. A street or village named without a number stays: it is no
 * one's address.
 */
import { CUT, Marks } from './marks.js';
import type { PublicContacts } from './public.js';

/** Places that end in 区 but lie inside a district, not districts. */
const NOT_DISTRICT = /(?:小|社|园|校|景|片|街|厂|营业|开发)区$/;

/** Province, prefecture, county in turn; each part may be missing ("平罗县姚伏镇…"). */
const LEVELS = [
  /^(?:北京市|天津市|上海市|重庆市|[^市县区旗]+?(?:省|自治区|特别行政区))/,
  /^[^县区旗市]+?(?:市|自治州|州|盟|地区)/,
  /^[^县区旗市]{1,8}?(?:自治县|自治旗|县|区|旗)/,
];
const TOWN = /^[^县区旗市镇乡]{1,8}?(?:镇|乡|街道|苏木)/;

/** The administrative part an address keeps: province, city, county in turn; without any, a town (镇, 乡, 街道); else ''. */
export function addressHead(address: string): string {
  let rest = address;
  let kept = '';
  for (const pattern of LEVELS) {
    const match = pattern.exec(rest);
    if (match && match[0].length < rest.length && !NOT_DISTRICT.test(match[0])) {
      kept += match[0];
      rest = rest.slice(match[0].length);
    }
  }
  if (kept) return kept;
  const town = TOWN.exec(rest);
  return town && town[0].length < rest.length ? town[0] : '';
}

/**
 * An address cut to its county or district: 宁夏回族自治区石嘴山市平罗县城关镇南大街12号
 * → 宁夏回族自治区石嘴山市平罗县. Without a county, the province and city stay;
 * without those, the town (城关镇南大街86号 → 城关镇); without any, the first three
 * characters and "…".
 */
export function cutAddress(address: string): string {
  const trimmed = address.trim();
  const head = addressHead(trimmed);
  if (head) return head;
  const chars = [...trimmed];
  return chars.length > 6 ? `${chars.slice(0, 3).join('')}…` : trimmed;
}

/** Where an address in text ends: a number (12, 12-3, 三) with its unit. Found by the unit, which is rarer than digits and 一. */
const UNIT = /号院|号楼|号|栋|幢|单元|室|层|楼|队|组|社/g;
const NUMBER_BEFORE = /[0-9一二三四五六七八九十百零〇两]{1,5}(?:-\d{1,5}){0,2}$/;
const NUMERALS = '0123456789一二三四五六七八九十百零〇两';
const ENDING_AT = /[-之 ]?[0-9一二三四五六七八九十百零〇两]{1,5}(?:-\d{1,5}){0,2}(?:号院|号楼|号|栋|幢|单元|室|层|楼)/y;
/** A room number written bare after its unit or floor: 3单元501. */
const ROOM_AT = /[-之 ]?\d{1,5}(?![\d年月日元万亿%号])/y;
const BEFORE_ROOM = /(?:单元|栋|幢|楼|层)$/;

/** Place names a village's team or group (三队, 五组, 二社) may follow. */
const TEAM_PLACES = ['村', '社区'];
/** Place names a house number may follow. */
const STREETS = [
  '社区',
  '小区',
  '大街',
  '胡同',
  '花园',
  '家园',
  '新村',
  '公寓',
  '大厦',
  '村',
  '路',
  '街',
  '巷',
  '弄',
  '道',
  '苑',
  '镇',
  '乡',
];
/** Every place-name ending by its last character, longest first, for reading back to where an address starts. */
const PLACES: Record<string, string[]> = {
  区: ['特别行政区', '自治区', '开发区', '社区', '小区', '地区', '区'],
  州: ['自治州', '州'],
  县: ['自治县', '县'],
  旗: ['自治旗', '旗'],
  会: ['居委会'],
  道: ['街道', '道'],
  木: ['苏木'],
  街: ['大街', '街'],
  同: ['胡同'],
  园: ['花园', '家园'],
  村: ['新村', '村'],
  寓: ['公寓'],
  厦: ['大厦'],
  路: ['路'],
  巷: ['巷'],
  弄: ['弄'],
  苑: ['苑'],
  镇: ['镇'],
  乡: ['乡'],
  省: ['省'],
  市: ['市'],
  盟: ['盟'],
};
/** Characters that end one place name and so cannot be inside the next one. */
const PLACE_UNITS = '省市州盟县区旗镇乡村路街巷弄道苑';
/** Characters that are no part of a place name: function words before an address (和平路 and 向阳村 keep 和 and 向). */
const NOT_PLACE = '的了在是于与及对从到把被为说称讲我你他她们您请让给住位、';
/** Words before an address that a place name read backwards must not swallow. */
const ADDRESS_CUES =
  /住在|家住|住址|地址|位于|来自|居住|家在|现住|户籍|搬到|反映|举报|投诉|我是|我在|我家|门口|附近|楼下|对面/g;

const isHan = (code: number) => code >= 0x3400 && code <= 0x9fff;

function placeEndingAt(text: string, end: number, endings: readonly string[] | undefined): string | undefined {
  return endings?.find((ending) => text.endsWith(ending, end));
}

/** Where the address whose place names end at `end` starts, or -1 when no place name ends there. */
function addressStart(text: string, end: number): number {
  let start = -1;
  let at = end;
  for (let names = 0; names < 8; names++) {
    const ending = at > 0 ? placeEndingAt(text, at, PLACES[text[at - 1]!]) : undefined;
    if (!ending) break;
    const nameEnd = at - ending.length;
    let from = nameEnd;
    while (from > 0 && nameEnd - from < 6) {
      const code = text.charCodeAt(from - 1);
      if (!isHan(code) || NOT_PLACE.includes(text[from - 1]!) || PLACE_UNITS.includes(text[from - 1]!)) break;
      from--;
    }
    // A name read back may have swallowed the words before the address (反映南大街, 来自姚伏镇): start after them.
    const nameStart = from;
    const name = text.slice(nameStart, nameEnd);
    ADDRESS_CUES.lastIndex = 0;
    for (let cue: RegExpExecArray | null; (cue = ADDRESS_CUES.exec(name));)
      from = nameStart + cue.index + cue[0].length;
    if (from >= nameEnd) break;
    start = from;
    at = from;
  }
  return start;
}

/** Cuts the addresses in folded `text` below the county, leaving public ones (the bureau's own). */
export function maskAddresses(text: string, marks: Marks, contacts: PublicContacts): void {
  UNIT.lastIndex = 0;
  for (let unit: RegExpExecArray | null; (unit = UNIT.exec(text));) {
    if (!NUMERALS.includes(text[unit.index - 1] ?? 'x')) continue;
    const number = NUMBER_BEFORE.exec(text.slice(Math.max(0, unit.index - 17), unit.index));
    if (!number) continue;
    const at = unit.index - number[0].length;
    // A village's team or group (村三队, 五组, 二社) only after 村; a number after a street, road, estate, village or town.
    const team = unit[0] === '队' || unit[0] === '组' || unit[0] === '社';
    if (!placeEndingAt(text, at, team ? TEAM_PLACES : STREETS)) continue;
    const start = addressStart(text, at);
    if (start < 0) continue;
    let end = unit.index + unit[0].length;
    for (let more = 0; more < 6; more++) {
      ENDING_AT.lastIndex = end;
      const next = ENDING_AT.exec(text);
      if (next) {
        end += next[0].length;
        continue;
      }
      if (BEFORE_ROOM.test(text.slice(end - 2, end))) {
        ROOM_AT.lastIndex = end;
        const room = ROOM_AT.exec(text);
        if (room) end += room[0].length;
      }
      break;
    }
    UNIT.lastIndex = end;
    const address = text.slice(start, end);
    const cut = address.slice(addressHead(address).length);
    if (contacts.texts.some((known) => known.includes(cut))) continue;
    marks.set(end - cut.length, end, CUT);
  }
}
