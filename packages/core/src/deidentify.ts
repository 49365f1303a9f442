/**
 * De-identification (去标识化) of personal data in published records: person
 * names, mainland resident ID numbers (GB 11643, check digit verified, so other
 * 18-digit numbers are left alone), mobile and landline numbers, and addresses
 * cut to the county or district. Applied in core before anything reaches the
 * DOM, a search index or an export.
 */

/** Two-character surnames (复姓) that stay whole: 欧阳娜娜 → 欧阳**. */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕',
  '令狐', '钟离', '闻人', '端木', '南宫', '西门', '独孤', '澹台', '公冶', '太史', '申屠', '呼延', '万俟', '赫连',
]);

/**
 * A person's name with all but the surname masked: 张三 → 张*, 欧阳娜娜 → 欧阳**,
 * John Smith → J*** *****. What does not look like a person's name (平罗县康宁药店,
 * a company) is a business, whose name a penalty notice publishes, and stays.
 */
export function maskName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return trimmed;
  if (/^[\u3400-\u9fff]{2,4}$/.test(trimmed) || /^[\u3400-\u9fff]+·[\u3400-\u9fff·]+$/.test(trimmed)) {
    const chars = [...trimmed];
    const keep = chars.length > 2 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
    return chars.slice(0, keep).join('') + '*'.repeat(Math.max(1, chars.length - keep));
  }
  if (/[\u3400-\u9fff]/.test(trimmed) || !/^[A-Za-z.'-]+(?: [A-Za-z.'-]+){1,3}$/.test(trimmed)) return trimmed;
  // Other scripts: the first letter of the first word stays.
  return trimmed.replace(/\S+/g, (word, offset: number) => (offset === 0 ? word[0] + '*'.repeat(Math.max(1, word.length - 1)) : '*'.repeat(word.length)));
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** True for an 18-character mainland resident ID number whose check digit (GB 11643) and birth date are right. */
export function isResidentId(value: string): boolean {
  const id = value.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i]!;
  if (ID_CHECK[sum % 11] !== id[17]) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** 640221199001011234 → 640221********1234 (region kept, birth date and sequence hidden). */
export function maskResidentId(id: string): string {
  return `${id.slice(0, 6)}${'*'.repeat(8)}${id.slice(14)}`;
}

/** Mobile 13812345678 → 138****5678; landline 0952-6012345 → 0952-****345. */
export function maskPhone(phone: string): string {
  const mobile = /^(\+?86[- ]?)?(1[3-9]\d)(\d{4})(\d{4})$/.exec(phone.trim());
  if (mobile) return `${mobile[1] ?? ''}${mobile[2]}****${mobile[4]}`;
  const landline = /^(\(?0\d{2,3}\)?[- ]?)(\d{4,5})(\d{3})$/.exec(phone.trim());
  if (landline) return `${landline[1]}${'*'.repeat(landline[2]!.length)}${landline[3]}`;
  return phone.replace(/\d(?=\d{3})/g, '*');
}

/**
 * An address cut to its county or district: 宁夏回族自治区石嘴山市平罗县城关镇南大街12号
 * → 宁夏回族自治区石嘴山市平罗县. Without a county or district, only the province and city stay.
 */
export function cutAddress(address: string): string {
  let rest = address.trim();
  let kept = '';
  let level = 0;
  // Province, prefecture, county in turn; each part may be missing ("平罗县姚伏镇…").
  const levels = [
    /^(?:北京市|天津市|上海市|重庆市|[^市县区旗]+?(?:省|自治区|特别行政区))/,
    /^[^县区旗市]+?(?:市|自治州|州|盟|地区)/,
    /^[^县区旗市]{1,8}?(?:自治县|自治旗|县|区|旗)/,
  ];
  levels.forEach((pattern, index) => {
    const match = pattern.exec(rest);
    // 小区, 社区, 园区 … end in 区 but are places inside a district, not districts.
    if (match && match[0].length < rest.length && !/(?:小|社|园|校|景|片|街|厂|营业|开发)区$/.test(match[0])) {
      kept += match[0];
      rest = rest.slice(match[0].length);
      level = index + 1;
    }
  });
  if (level > 0) return kept;
  return [...address.trim()].length > 6 ? `${[...address.trim()].slice(0, 3).join('')}…` : address.trim();
}

/** The ways a column of a record can be de-identified. */
export type Deidentify = 'name' | 'id' | 'phone' | 'address' | 'text';

const ID_IN_TEXT = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
const MOBILE_IN_TEXT = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d{9}(?!\d)/g;
const LANDLINE_IN_TEXT = /(?<!\d)\(?0\d{2,3}\)?[- ]\d{7,8}(?!\d)/g;

/**
 * Free text (a reply, a complaint) with the ID numbers and phone numbers in it
 * masked. Names cannot be found reliably in free text; columns that hold names
 * are declared and masked with maskName.
 */
export function maskText(text: string): string {
  return text
    .replace(ID_IN_TEXT, (match) => (isResidentId(match) ? maskResidentId(match) : match))
    .replace(MOBILE_IN_TEXT, (match) => maskPhone(match))
    .replace(LANDLINE_IN_TEXT, (match) => maskPhone(match));
}

/** One value de-identified the way its column declares. */
export function deidentify(value: string, how: Deidentify): string {
  switch (how) {
    case 'name':
      return maskName(value);
    case 'id': {
      // Everything in an ID column is personal: a number with a typo is masked too.
      const id = value.trim();
      if (isResidentId(id) || id.length >= 10) return maskResidentId(id);
      return '*'.repeat(id.length);
    }
    case 'phone':
      return maskPhone(value);
    case 'address':
      return maskText(cutAddress(value));
    default:
      return maskText(value);
  }
}
