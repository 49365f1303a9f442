/**
 * One way to check a document: parse (with positions), validate with the kind's
 * schema, and describe each problem by its JSON path, its line and column when
 * the source text is known, and a message in the reader's language.
 */
import type * as z from 'zod/mini';
import { hasMessage, listSeparator, t, type Lang, type MessageKey, type MessageParams } from './i18n.js';
import { fastAccepts } from './fast-accept.js';
import { defOf, discriminatorValues, unwrap } from './zod-internals.js';
import { ownValue, shallowCopy, unpolluted } from './own.js';
import { formatPath, locateJsonPaths, parseJson, type JsonLocation, type PathSegment } from './json-source.js';

export interface GkIssue {
  /** The JSON path as segments: ['attachments', 2, 'size']. */
  path: PathSegment[];
  /** The JSON path as editors read it: `attachments[2].size`; "" for the whole document. */
  pathText: string;
  /** Message key (see i18n.ts); `params` fill it, and a param that is itself a key is translated. */
  key: MessageKey;
  params: MessageParams;
  /** 1-based line and column in the source text, when the document came as text. */
  line?: number;
  col?: number;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: GkIssue[] };

type RawIssue = z.core.$ZodIssue & { params?: MessageParams };

/** Validates an already-parsed value. `source` (the JSON text) adds line and column to each issue. */
export function validate<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  source?: string,
): ValidationResult<z.infer<S>> {
  value = unpolluted(value);
  // Valid documents, the common case, skip zod's generic object walk; zod judges the rest.
  if (fastAccepts(schema)(value)) return { ok: true, value: value as z.infer<S> };
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const issues = splitUnknownKeys(result.error.issues).map((raw) => describeIssue(raw as RawIssue, schema, value));
  if (source !== undefined) addPositions(issues, source);
  return { ok: false, issues };
}

/** Parses JSON text and validates it: syntax errors and schema problems come back the same way. */
export function validateText<S extends z.ZodMiniType>(schema: S, text: string): ValidationResult<z.infer<S>> {
  if (text.trim() === '') return { ok: false, issues: [rootIssue('load.empty')] };
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const { line, col, key, params } = parsed.error;
    return {
      ok: false,
      issues: [{ path: [], pathText: '', key: 'load.syntax', params: { detail: key, ...params }, line, col }],
    };
  }
  return validate(schema, parsed.value, text);
}

/**
 * How to check a large document without freezing the page: the document without
 * its big arrays, then each item of those arrays on its own, yielding to the
 * browser between slices, then the checks across the whole (sums, codes). The
 * issues are exactly those of `schema` on the whole document.
 */
export interface Slices<S extends z.ZodMiniType> {
  /** The whole schema: its issues are what a sliced check reproduces. */
  schema: S;
  /** The same object without cross-field checks; the sliced arrays are validated empty. */
  shape: z.ZodMiniType;
  /** Top-level arrays validated item by item, with each item's schema. */
  arrays: Record<string, z.ZodMiniType>;
  /** The checks across the whole document that `schema` adds to `shape`. */
  refine(document: z.infer<S>): Array<{ path: PathSegment[]; message: string; params: MessageParams }>;
}

/** Documents with more items than this (counting nested children) are checked in slices: below it a one-shot check takes well under 100 ms (about 12 µs an item), and slicing costs latency. */
export const SLICE_THRESHOLD = 5000;
/** Milliseconds of checking before giving the browser a turn. */
const SLICE_MS = 12;

/** Counts the items in the sliced arrays, children included, stopping once past the threshold. */
export function isLarge(value: unknown, slices: Slices<z.ZodMiniType>): boolean {
  if (!value || typeof value !== 'object') return false;
  let count = 0;
  const visit = (list: unknown): boolean => {
    if (!Array.isArray(list)) return false;
    for (const item of list) {
      if (++count > SLICE_THRESHOLD) return true;
      if (item && typeof item === 'object' && visit((item as { children?: unknown }).children)) return true;
    }
    return false;
  };
  return Object.keys(slices.arrays).some((key) => visit((value as Record<string, unknown>)[key]));
}

/** Problems after which zod stops checking the object they are in (and skips its refinements). */
const ABORTING = new Set(['invalid_type', 'invalid_value', 'invalid_union', 'invalid_key', 'invalid_element']);

/** Lets the browser paint and handle input between slices. */
function yieldToMain(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** validate(), in slices: same result, no long task on a large document. */
export async function validateInSlices<S extends z.ZodMiniType>(
  slices: Slices<S>,
  value: unknown,
  source?: string,
): Promise<ValidationResult<z.infer<S>>> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return validate(slices.schema, value, source);
  value = unpolluted(value);
  const input = value as Record<string, unknown>;
  const raw: RawIssue[] = [];
  const top = shallowCopy(input);
  for (const key of Object.keys(slices.arrays)) if (Array.isArray(top[key])) top[key] = [];
  const head = fastAccepts(slices.shape)(top) ? { success: true as const, data: top } : slices.shape.safeParse(top);
  if (!head.success) raw.push(...(head.error.issues as RawIssue[]));
  const output = head.success ? shallowCopy(head.data as Record<string, unknown>) : undefined;

  let deadline = performance.now() + SLICE_MS;
  for (const [key, itemSchema] of Object.entries(slices.arrays)) {
    const list = input[key];
    if (!Array.isArray(list)) continue;
    const parsed: unknown[] = [];
    const accepts = fastAccepts(itemSchema);
    for (let i = 0; i < list.length; i++) {
      const result = accepts(list[i]) ? { success: true as const, data: list[i] } : itemSchema.safeParse(list[i]);
      if (result.success) parsed.push(result.data);
      else for (const issue of result.error.issues) raw.push({ ...issue, path: [key, i, ...issue.path] } as RawIssue);
      if (performance.now() > deadline) {
        await yieldToMain();
        deadline = performance.now() + SLICE_MS;
      }
    }
    if (output) output[key] = parsed;
  }
  // zod runs an object's checks unless a problem aborted parsing (a wrong type, a
  // value not allowed); it then checks the input as given. Do the same.
  if (!raw.some((issue) => ABORTING.has(issue.code))) {
    const whole = raw.length || !output ? input : output;
    for (const issue of slices.refine(whole as z.infer<S>))
      raw.push({ code: 'custom', input: undefined, ...issue } as RawIssue);
  }
  if (!raw.length) return { ok: true, value: output as z.infer<S> };
  const issues = splitUnknownKeys(raw).map((issue) => describeIssue(issue as RawIssue, slices.schema, value));
  if (source !== undefined) addPositions(issues, source);
  return { ok: false, issues };
}

/** validateText(), in slices when the document is large. */
export async function validateTextInSlices<S extends z.ZodMiniType>(
  slices: Slices<S>,
  text: string,
): Promise<ValidationResult<z.infer<S>>> {
  if (text.trim() === '') return validateText(slices.schema, text);
  const parsed = parseJson(text);
  if (!parsed.ok) return validateText(slices.schema, text);
  if (!isLarge(parsed.value, slices)) return validate(slices.schema, parsed.value, text);
  return validateInSlices(slices, parsed.value, text);
}

/** An issue about the document as a whole (a failed load, say). */
export function rootIssue(key: MessageKey, params: MessageParams = {}): GkIssue {
  return { path: [], pathText: '', key, params };
}

/** One issue as a line of text: "attachments[2].size：应为数字，实际为文本（第 12 行第 5 列）". */
export function formatIssue(issue: GkIssue, lang: Lang): string {
  const place = issue.line === undefined ? '' : t(lang, 'state.at', { line: issue.line, col: issue.col ?? 1 });
  const message = issueMessage(issue, lang);
  const path = issue.pathText || t(lang, 'path.root');
  const sep = lang === 'en' ? ': ' : '：';
  if (!place) return `${path}${sep}${message}`;
  return lang === 'en' ? `${path}: ${message} (${place})` : `${path}：${message}（${place}）`;
}

/** Just the message of an issue, in `lang`, without its path. */
export function issueMessage(issue: GkIssue, lang: Lang): string {
  const params: MessageParams = {};
  for (const [name, value] of Object.entries(issue.params)) {
    // A parameter may itself be a message key (a syntax error's detail, a field label); it shares the params.
    params[name] = typeof value === 'string' && hasMessage(value) ? t(lang, value, issue.params) : value;
  }
  if (issue.key === 'issue.enum' && typeof issue.params.values === 'string') {
    params.values = issue.params.values.split('\u0000').join(listSeparator(lang));
  }
  return t(lang, issue.key, params);
}

function describeIssue(raw: RawIssue, schema: z.ZodMiniType, root: unknown): GkIssue {
  const path = raw.path.filter((s): s is PathSegment => typeof s !== 'symbol');
  const base = { path, pathText: formatPath(path) };
  const own = hasMessage(raw.message) ? (raw.message as MessageKey) : undefined;
  const value = valueAt(root, path);
  // A format check or refinement that names what was expected: "应为…，实际为“…”".
  if (own?.startsWith('expect.') && !raw.params && (raw.code === 'invalid_format' || raw.code === 'custom')) {
    return { ...base, key: 'issue.expectedGot', params: { expected: own, value: preview(value) } };
  }

  switch (raw.code) {
    case 'invalid_type': {
      if (value === undefined) return { ...base, key: 'issue.required', params: {} };
      const expected = raw.expected === 'int' ? 'expect.integer' : expectKey(raw.expected);
      return { ...base, key: 'issue.type', params: { expected, received: expectKey(typeOf(value)) } };
    }
    case 'invalid_value': {
      const values = raw.values.map((v) => JSON.stringify(v));
      if (values.length === 1) return { ...base, key: 'issue.literal', params: { expected: values[0]! } };
      return { ...base, key: 'issue.enum', params: { values: values.join('\u0000') } };
    }
    case 'unrecognized_keys': {
      // One issue per unknown key, located at the key itself, with the nearest known key as a hint.
      const key = raw.keys[0] ?? '';
      const suggestion = closestKey(key, knownKeysAt(schema, path, root));
      return suggestion
        ? {
            ...base,
            path: [...path, key],
            pathText: formatPath([...path, key]),
            key: 'issue.unknownKeySuggest',
            params: { key, suggestion },
          }
        : {
            ...base,
            path: [...path, key],
            pathText: formatPath([...path, key]),
            key: 'issue.unknownKey',
            params: { key },
          };
    }
    case 'too_small': {
      if (own) return { ...base, key: own, params: {} };
      const min = Number(raw.minimum);
      if (raw.origin === 'string')
        return min <= 1
          ? { ...base, key: 'issue.stringEmpty', params: {} }
          : { ...base, key: 'issue.stringMin', params: { min } };
      if (raw.origin === 'array' || raw.origin === 'set') return { ...base, key: 'issue.arrayMin', params: { min } };
      return {
        ...base,
        key: raw.inclusive === false ? 'issue.numberMinExclusive' : 'issue.numberMin',
        params: { min },
      };
    }
    case 'too_big': {
      const max = Number(raw.maximum);
      if (raw.origin === 'string')
        return {
          ...base,
          key: 'issue.stringMax',
          params: { max, actual: typeof value === 'string' ? value.length : 0 },
        };
      if (raw.origin === 'array' || raw.origin === 'set') return { ...base, key: 'issue.arrayMax', params: { max } };
      return { ...base, key: 'issue.numberMax', params: { max } };
    }
    case 'invalid_format': {
      if (own) return { ...base, key: own, params: raw.params ?? {} };
      return {
        ...base,
        key: raw.format === 'date' ? 'issue.type' : 'issue.format',
        params: raw.format === 'date' ? { expected: 'expect.date', received: JSON.stringify(value) } : {},
      };
    }
    case 'not_multiple_of':
      return { ...base, key: 'issue.integer', params: {} };
    case 'invalid_union': {
      // A discriminated union with an unknown discriminator: list the values it knows.
      const values = 'discriminator' in raw ? unionValuesAt(schema, path.slice(0, -1), String(raw.discriminator)) : [];
      if (values.length)
        return { ...base, key: 'issue.enum', params: { values: values.map((v) => JSON.stringify(v)).join('\u0000') } };
      return { ...base, key: 'issue.union', params: {} };
    }
    default:
      return { ...base, key: own ?? 'issue.invalid', params: (raw as RawIssue).params ?? {} };
  }
}

/** unrecognized_keys reports several keys in one issue; we want one line per key. */
function splitUnknownKeys(issues: z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' && issue.keys.length > 1
      ? issue.keys.map((key) => ({ ...issue, keys: [key] }))
      : [issue],
  );
}

/** A short, quoted preview of what the editor wrote. */
function preview(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function expectKey(type: string): MessageKey {
  const key = `expect.${type}`;
  return hasMessage(key) ? key : 'expect.string';
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isInteger(value)) return 'number';
  return typeof value;
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = ownValue(current as Record<PathSegment, unknown>, String(segment));
  }
  return current;
}

/** The schema that validates the value at a JSON path (through objects, arrays and, by the value's own type, unions). */
function schemaAtPath(
  schema: z.ZodMiniType,
  path: readonly PathSegment[],
  root?: unknown,
): z.core.$ZodType | undefined {
  let current: z.core.$ZodType | undefined = schema;
  let value = root;
  for (const segment of path) {
    current = pickOption(unwrap(current), value);
    if (!current) return undefined;
    const def = defOf(current);
    if (def.type === 'object' && typeof segment === 'string') current = ownValue(def.shape, segment);
    else if (def.type === 'array') current = def.element;
    else return undefined;
    value =
      value && typeof value === 'object' ? ownValue(value as Record<PathSegment, unknown>, String(segment)) : undefined;
  }
  return unwrap(current);
}

/** For a discriminated union, the option matching the value's discriminator; other schemas as they are. */
function pickOption(schema: z.core.$ZodType | undefined, value: unknown): z.core.$ZodType | undefined {
  const def = schema && defOf(schema);
  const discriminator = def?.discriminator;
  if (def?.type !== 'union' || !def.options || !discriminator || !value || typeof value !== 'object') return schema;
  const wanted = ownValue(value as Record<string, unknown>, discriminator);
  return def.options.find((option) => discriminatorValues(option, discriminator).includes(wanted));
}

/** The field names an object schema allows at `path` (for "did you mean" hints). */
function knownKeysAt(schema: z.ZodMiniType, path: readonly PathSegment[], root?: unknown): string[] {
  const target = pickOption(schemaAtPath(schema, path, root), valueAt(root, path));
  const def = target && defOf(target);
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/** The discriminator values of the discriminated union at `path` (the section types, say). */
function unionValuesAt(schema: z.ZodMiniType, path: readonly PathSegment[], discriminator: string): unknown[] {
  const union = schemaAtPath(schema, path);
  const def = union && defOf(union);
  if (def?.type !== 'union' || !def.options) return [];
  return def.options.flatMap((option) => discriminatorValues(option, discriminator));
}

function closestKey(key: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = key.toLowerCase();
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }
  return best !== undefined && bestDistance <= (key.length >= 4 ? Math.max(2, Math.floor(key.length / 3)) : 1)
    ? best
    : undefined;
}

function editDistance(a: string, b: string): number {
  // A loop, not Array.from({ length }, fn): Prototype.js, still on some county pages, replaces Array.from with one that ignores fn.
  const previous: number[] = [];
  for (let j = 0; j <= b.length; j++) previous.push(j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

function addPositions(issues: GkIssue[], source: string): void {
  let locations: Map<string, JsonLocation>;
  // Only the paths the issues name, and the objects above them (where a missing field is reported).
  const wanted = new Set<string>();
  for (const issue of issues)
    for (let depth = issue.path.length; depth >= 0; depth--) wanted.add(formatPath(issue.path.slice(0, depth)));
  try {
    locations = locateJsonPaths(source, wanted);
  } catch {
    return;
  }
  for (const issue of issues) {
    const exact = locations.get(issue.pathText);
    const isKeyIssue = issue.key === 'issue.unknownKey' || issue.key === 'issue.unknownKeySuggest';
    let position = exact ? (isKeyIssue ? (exact.key ?? exact.value) : exact.value) : undefined;
    // A missing field has no position of its own: point at the object that lacks it.
    for (let depth = issue.path.length - 1; !position && depth >= 0; depth--) {
      position = locations.get(formatPath(issue.path.slice(0, depth)))?.value;
    }
    if (position) {
      issue.line = position.line;
      issue.col = position.col;
    }
  }
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
}
