import type { budgetZh } from './messages/budget.js';
import type { chartZh } from './messages/chart.js';
import type { documentZh } from './messages/document.js';

/**
 * Translations for every string the library itself writes (never editors' text).
 * zh-CN is the source language; en must have the same keys (checked by the type).
 */

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

/** Any BCP 47 tag → one of ours: "en", "en-GB" → en; everything else → zh-CN. */
export function resolveLang(tag: string | null | undefined): Lang {
  return tag && /^en\b/i.test(tag.trim()) ? 'en' : 'zh-CN';
}

/** Messages every element needs: loading, the error state, JSON syntax and validation problems. */
const commonZh = {
  'state.loading': '正在加载…',
  'state.retry': '重新加载',
  'state.errorTitle': '无法显示此内容',
  'state.errorIntro': '数据有以下问题，请联系网站管理员：',
  'state.errorIntroSource': '数据（{source}）有以下问题，请联系网站管理员：',
  'state.noData': '没有提供数据：请设置 src 属性、内嵌 <script type="application/json">，或设置 data 属性。',
  'state.internal': '显示时出现内部错误（{detail}）。',
  'state.at': '第 {line} 行第 {col} 列',
  'state.moreIssues': '另有 {count} 个问题未列出。',
  'path.root': '（整个文件）',
  'load.network': '无法连接到服务器，请检查网络后重试（{url}）。',
  'load.timeout': '加载超时：{seconds} 秒内没有收到数据（{url}）。',
  'load.http': '服务器返回错误 HTTP {status}{statusText}（{url}）。',
  'load.http404': '找不到数据文件（HTTP 404，{url}）。',
  'load.notJson': '地址返回的是网页，不是 JSON 数据（{url}）。',
  'load.syntax': 'JSON 格式错误：{detail}。',
  'load.empty': '数据为空。',
  'json.unexpectedEnd': '文件意外结束（可能缺少 } 或 ]）',
  'json.unexpectedChar': '此处不应出现“{char}”',
  'json.expectedColon': '属性名后应为冒号“:”',
  'json.expectedKey': '应为用双引号括起的属性名',
  'json.expectedCommaOrEnd': '应为逗号“,”或结束括号“{close}”',
  'json.trailingComma': '结束括号前多了一个逗号',
  'json.badString': '字符串没有正确结束或含有非法字符',
  'json.badNumber': '数字格式不正确',
  'json.trailing': 'JSON 结束后还有多余内容',
  'issue.required': '缺少必填字段',
  'issue.type': '应为{expected}，实际为{received}',
  'issue.literal': '应为 {expected}',
  'issue.expectedGot': '应为{expected}，实际为“{value}”',
  'issue.enum': '应为以下之一：{values}',
  'issue.unknownKey': '不认识的字段“{key}”',
  'issue.unknownKeySuggest': '不认识的字段“{key}”，是不是“{suggestion}”？',
  'issue.stringEmpty': '不能为空',
  'issue.stringMin': '至少 {min} 个字符',
  'issue.stringMax': '最多 {max} 个字符，现有 {actual} 个',
  'issue.numberMin': '不能小于 {min}',
  'issue.numberMinExclusive': '应大于 {min}',
  'issue.numberMax': '不能大于 {max}',
  'issue.arrayMin': '至少需要 {min} 项',
  'issue.arrayMax': '最多 {max} 项',
  'issue.integer': '应为整数',
  'issue.format': '格式不正确',
  'issue.union': '不符合任何一种允许的写法',
  'issue.invalid': '值不正确',
  'issue.kindMissing': '缺少“kind”字段，无法判断文件类型；应为以下之一：{kinds}',
  'issue.kindUnknown': '不认识的文件类型“{kind}”，应为以下之一：{kinds}',
  'expect.string': '文本',
  'expect.number': '数字',
  'expect.integer': '整数',
  'expect.boolean': 'true 或 false',
  'expect.object': '对象 { … }',
  'expect.array': '列表 [ … ]',
  'expect.null': 'null',
  'expect.undefined': '空',
  'expect.date': '日期，格式为 YYYY-MM-DD（如 2018-07-04）',
  'expect.url': '链接地址：以 https://、http:// 或 / 开头的地址（不允许 javascript: 或 data:）',
} as const;

export type MessageKey = keyof typeof commonZh | keyof typeof documentZh | keyof typeof budgetZh | keyof typeof chartZh;

const commonEn: Record<keyof typeof commonZh, string> = {
  'state.loading': 'Loading…',
  'state.retry': 'Try again',
  'state.errorTitle': 'This content cannot be shown',
  'state.errorIntro': 'The data has these problems; please tell the site administrator:',
  'state.errorIntroSource': 'The data ({source}) has these problems; please tell the site administrator:',
  'state.noData': 'No data given: set the src attribute, embed a <script type="application/json">, or set the data property.',
  'state.internal': 'An internal error occurred while displaying this ({detail}).',
  'state.at': 'line {line}, column {col}',
  'state.moreIssues': '{count} more problems are not listed.',
  'path.root': '(whole document)',
  'load.network': 'Could not reach the server; check the connection and try again ({url}).',
  'load.timeout': 'Timed out: no data within {seconds} seconds ({url}).',
  'load.http': 'The server answered HTTP {status}{statusText} ({url}).',
  'load.http404': 'The data file was not found (HTTP 404, {url}).',
  'load.notJson': 'The address returned a web page, not JSON data ({url}).',
  'load.syntax': 'Malformed JSON: {detail}.',
  'load.empty': 'The data is empty.',
  'json.unexpectedEnd': 'the file ends too early (a } or ] may be missing)',
  'json.unexpectedChar': 'unexpected “{char}” here',
  'json.expectedColon': 'expected a colon “:” after the property name',
  'json.expectedKey': 'expected a property name in double quotes',
  'json.expectedCommaOrEnd': 'expected a comma “,” or the closing “{close}”',
  'json.trailingComma': 'a comma before the closing bracket is not allowed',
  'json.badString': 'a string is not closed or contains an invalid character',
  'json.badNumber': 'the number is malformed',
  'json.trailing': 'there is more content after the JSON value',
  'issue.required': 'required field is missing',
  'issue.type': 'expected {expected}, got {received}',
  'issue.literal': 'expected {expected}',
  'issue.expectedGot': 'expected {expected}, got “{value}”',
  'issue.enum': 'expected one of: {values}',
  'issue.unknownKey': 'unknown field “{key}”',
  'issue.unknownKeySuggest': 'unknown field “{key}”; did you mean “{suggestion}”?',
  'issue.stringEmpty': 'must not be empty',
  'issue.stringMin': 'at least {min} characters',
  'issue.stringMax': 'at most {max} characters, found {actual}',
  'issue.numberMin': 'must not be less than {min}',
  'issue.numberMinExclusive': 'must be greater than {min}',
  'issue.numberMax': 'must not be greater than {max}',
  'issue.arrayMin': 'needs at least {min} items',
  'issue.arrayMax': 'at most {max} items',
  'issue.integer': 'expected a whole number',
  'issue.format': 'wrong format',
  'issue.union': 'matches none of the allowed forms',
  'issue.invalid': 'invalid value',
  'issue.kindMissing': 'the “kind” field is missing, so the document type is unknown; expected one of: {kinds}',
  'issue.kindUnknown': 'unknown document kind “{kind}”; expected one of: {kinds}',
  'expect.string': 'text',
  'expect.number': 'a number',
  'expect.integer': 'a whole number',
  'expect.boolean': 'true or false',
  'expect.object': 'an object { … }',
  'expect.array': 'a list [ … ]',
  'expect.null': 'null',
  'expect.undefined': 'nothing',
  'expect.date': 'a date as YYYY-MM-DD (e.g. 2018-07-04)',
  'expect.url': 'a link starting with https://, http:// or / (javascript: and data: are not allowed)',
};

/**
 * The tables in force. Element-specific messages join them through addMessages()
 * when their module is loaded, so a page with only <gk-budget> does not carry the
 * document card's strings, and the other way round.
 */
const tables: Record<Lang, Record<string, string>> = { 'zh-CN': { ...commonZh }, en: { ...commonEn } };

/** Adds a module's messages (both languages; the types make sure they have the same keys). */
export function addMessages<K extends string>(zhTable: Record<K, string>, enTable: Record<K, string>): void {
  Object.assign(tables['zh-CN'], zhTable);
  Object.assign(tables.en, enTable);
}

export type MessageParams = Record<string, string | number>;

/** Looks up a message and fills `{name}` placeholders. */
export function t(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const template = tables[lang][key] ?? tables['zh-CN'][key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** True when `key` names a loaded message (for keys built from data, such as status values). */
export function hasMessage(key: string): key is MessageKey {
  return key in tables['zh-CN'];
}

/** The list separator of a language: 、 in Chinese, ", " in English. */
export function listSeparator(lang: Lang): string {
  return lang === 'en' ? ', ' : '、';
}
