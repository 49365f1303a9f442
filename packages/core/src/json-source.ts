/**
 * JSON text with positions: where a syntax error is, and on which line and column
 * each value of a document starts, so that every problem can name its line.
 * JSON.parse does the fast path; this scanner runs only when something is wrong.
 */
import type { MessageKey, MessageParams } from './i18n.js';

export type PathSegment = string | number;

export interface JsonPosition {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  col: number;
  /** 0-based offset into the text. */
  offset: number;
}

export interface JsonSyntaxError extends JsonPosition {
  key: MessageKey;
  params?: MessageParams;
}

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError };

/** Where one value sits: its own start and, for an object member, its key's start. */
export interface JsonLocation {
  value: JsonPosition;
  key?: JsonPosition;
}

/** A path as editors read it: `attachments[2].size`; the root is "". */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) out = appendPath(out, segment);
  return out;
}

const IDENTIFIER = /^[A-Za-z_$\u4e00-\u9fff][\w$\u4e00-\u9fff]*$/;

/** `formatPath([...path, segment])` from `formatPath(path)`, without walking the path again. */
function appendPath(out: string, segment: PathSegment): string {
  if (typeof segment === 'number') return `${out}[${segment}]`;
  if (IDENTIFIER.test(segment)) return out ? `${out}.${segment}` : segment;
  return `${out}[${JSON.stringify(segment)}]`;
}

/** Parses JSON; on failure tells where and why, in words an editor understands. */
export function parseJson(text: string): JsonParseResult {
  const source = stripBom(text);
  try {
    return { ok: true, value: JSON.parse(source) };
  } catch {
    const scan = scanJson(source, false);
    if (scan.error) return { ok: false, error: scan.error };
    // JSON.parse and the scanner disagree only on exotic input; report the start.
    return {
      ok: false,
      error: { ...positionAt(source, 0), key: 'json.unexpectedChar', params: { char: source.charAt(0) } },
    };
  }
}

/**
 * Maps every path in a (valid) JSON text to where it starts; with `only`, just
 * those paths (a document of 2,000 items has some 15,000, and a problem needs one).
 */
export function locateJsonPaths(text: string, only?: ReadonlySet<string>): Map<string, JsonLocation> {
  return scanJson(stripBom(text), true, only).locations;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Line and column of an offset. */
export function positionAt(text: string, offset: number): JsonPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1, offset };
}

class JsonScanError extends Error {
  constructor(
    readonly offset: number,
    readonly key: MessageKey,
    readonly params?: MessageParams,
  ) {
    super(key);
  }
}

interface ScanResult {
  locations: Map<string, JsonLocation>;
  error?: JsonSyntaxError;
}

function scanJson(text: string, record: boolean, only?: ReadonlySet<string>): ScanResult {
  const locations = new Map<string, JsonLocation>();
  const offsets = new Map<string, { value: number; key?: number }>();
  let i = 0;

  const skipSpace = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const fail = (key: MessageKey, params?: MessageParams): never => {
    throw new JsonScanError(i, key, params);
  };
  const unexpected = (): never =>
    i >= text.length ? fail('json.unexpectedEnd') : fail('json.unexpectedChar', { char: text.charAt(i) });

  const scanString = () => {
    i++; // opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 32) fail('json.badString');
      if (c === 92) {
        const next = text.charAt(i + 1);
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('json.badString');
          i += 6;
        } else if ('"\\/bfnrt'.includes(next) && next !== '') i += 2;
        else fail('json.badString');
      } else i++;
    }
    fail('json.unexpectedEnd');
  };

  // `path` is the value's path already formatted (formatPath): each value appends one segment to its parent's.
  const scanValue = (path: string, keyOffset: number | undefined, depth: number) => {
    skipSpace();
    if (depth > 512) fail('json.unexpectedChar', { char: text.charAt(i) });
    if (record && (!only || only.has(path)))
      offsets.set(path, keyOffset === undefined ? { value: i } : { value: i, key: keyOffset });
    const c = text.charAt(i);
    if (c === '{') {
      i++;
      skipSpace();
      if (text.charAt(i) === '}') {
        i++;
        return;
      }
      for (;;) {
        skipSpace();
        if (text.charAt(i) !== '"') {
          if (text.charAt(i) === '}') fail('json.trailingComma');
          if (i >= text.length) fail('json.unexpectedEnd');
          fail('json.expectedKey');
        }
        const keyStart = i;
        scanString();
        const raw = record ? text.slice(keyStart + 1, i - 1) : '';
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        skipSpace();
        if (text.charAt(i) !== ':') i >= text.length ? fail('json.unexpectedEnd') : fail('json.expectedColon');
        i++;
        scanValue(record ? appendPath(path, key) : path, keyStart, depth + 1);
        skipSpace();
        const next = text.charAt(i);
        if (next === ',') {
          i++;
          continue;
        }
        if (next === '}') {
          i++;
          return;
        }
        i >= text.length ? fail('json.unexpectedEnd') : fail('json.expectedCommaOrEnd', { close: '}' });
      }
    }
    if (c === '[') {
      i++;
      skipSpace();
      if (text.charAt(i) === ']') {
        i++;
        return;
      }
      for (let index = 0; ; index++) {
        skipSpace();
        if (text.charAt(i) === ']') fail('json.trailingComma');
        scanValue(record ? appendPath(path, index) : path, undefined, depth + 1);
        skipSpace();
        const next = text.charAt(i);
        if (next === ',') {
          i++;
          continue;
        }
        if (next === ']') {
          i++;
          return;
        }
        i >= text.length ? fail('json.unexpectedEnd') : fail('json.expectedCommaOrEnd', { close: ']' });
      }
    }
    if (c === '"') return scanString();
    const literal = /^(?:true|false|null)/.exec(text.slice(i, i + 5));
    if (literal) {
      i += literal[0].length;
      return;
    }
    if (c === '-' || (c >= '0' && c <= '9')) {
      const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
      if (!number) fail('json.badNumber');
      i += number![0].length;
      if (/[\d.eE]/.test(text.charAt(i))) fail('json.badNumber');
      return;
    }
    unexpected();
  };

  try {
    scanValue('', undefined, 0);
    skipSpace();
    if (i < text.length) fail('json.trailing');
  } catch (error) {
    if (!(error instanceof JsonScanError)) throw error;
    return {
      locations,
      error: { ...positionAt(text, error.offset), key: error.key, ...(error.params ? { params: error.params } : {}) },
    };
  }

  if (record) {
    // Resolve line and column in one pass over the text, not one pass per value.
    const wanted = new Set<number>();
    for (const o of offsets.values()) {
      wanted.add(o.value);
      if (o.key !== undefined) wanted.add(o.key);
    }
    const sorted = [...wanted].sort((a, b) => a - b);
    const byOffset = new Map<number, JsonPosition>();
    let line = 1;
    let lineStart = 0;
    let cursor = 0;
    for (const offset of sorted) {
      for (; cursor < offset; cursor++) {
        if (text.charCodeAt(cursor) === 10) {
          line++;
          lineStart = cursor + 1;
        }
      }
      byOffset.set(offset, { line, col: offset - lineStart + 1, offset });
    }
    for (const [path, o] of offsets) {
      const location: JsonLocation = { value: byOffset.get(o.value)! };
      if (o.key !== undefined) location.key = byOffset.get(o.key)!;
      locations.set(path, location);
    }
  }
  return { locations };
}
