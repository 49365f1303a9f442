/**
 * `gongkai validate FILE...`: one line per problem, `FILE:LINE:COL  PATH  message`.
 * Exit code per file: 0 valid, 1 the data has problems, 2 unreadable or not JSON at all.
 */
import { readFileSync } from 'node:fs';
import { listSeparator, t, type Lang } from '../../core/src/i18n.js';
import { locateJsonPaths, parseJson, positionAt } from '../../core/src/json-source.js';
import { isKind, KINDS, SCHEMAS, type Kind } from '../../core/src/kinds.js';
import { issueMessage, validateText, type GkIssue } from '../../core/src/validate.js';
import { m } from './messages.js';

export type ExitCode = 0 | 1 | 2;

export interface FileReport {
  code: ExitCode;
  /** Lines for stdout, without trailing newlines. */
  lines: string[];
}

/** The known kinds as a list for messages: "document"、"…". */
export function kindList(lang: Lang): string {
  return KINDS.map((kind) => JSON.stringify(kind)).join(listSeparator(lang));
}

/** The line that says why `file` could not be read (missing, a folder, no permission, other). */
export function readFailure(file: string, error: unknown, lang: Lang): string {
  const code = (error as NodeJS.ErrnoException).code;
  const key =
    code === 'ENOENT' || code === 'ENOTDIR'
      ? 'read.missing'
      : code === 'EISDIR'
        ? 'read.directory'
        : code === 'EACCES' || code === 'EPERM'
          ? 'read.permission'
          : 'read.other';
  return `${file}  ${m(lang, key, { detail: code ?? String(error) })}`;
}

type ReadResult = { ok: true; text: string } | { ok: false; line: string };

function readText(file: string, lang: Lang): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return { ok: false, line: readFailure(file, error, lang) };
  }
  // A UTF-8 byte order mark is dropped here (Notepad writes one); positions count from after it.
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Point at the first byte that is not UTF-8, so the editor can find it.
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const at = positionAt(lossy, Math.max(0, lossy.indexOf('\uFFFD')));
    return { ok: false, line: `${file}:${at.line}:${at.col}  ${m(lang, 'read.encoding')}` };
  }
}

function issueLine(file: string, issue: GkIssue, lang: Lang): string {
  const path = issue.pathText || t(lang, 'path.root');
  return `${file}:${issue.line ?? 1}:${issue.col ?? 1}  ${path}  ${issueMessage(issue, lang)}`;
}

/** A problem with the "kind" field, located at the field (or, when it is missing, at the document). */
function kindIssue(text: string, value: Record<string, unknown>, lang: Lang): GkIssue {
  const kinds = kindList(lang);
  let locations: ReturnType<typeof locateJsonPaths> | undefined;
  try {
    locations = locateJsonPaths(text, new Set(['', 'kind']));
  } catch {
    locations = undefined;
  }
  const missing = !Object.prototype.hasOwnProperty.call(value, 'kind');
  const position = missing ? locations?.get('')?.value : locations?.get('kind')?.value;
  const kind = value.kind;
  return {
    path: ['kind'],
    pathText: 'kind',
    key: missing ? 'issue.kindMissing' : 'issue.kindUnknown',
    params: missing
      ? { kinds }
      : { kind: typeof kind === 'string' ? kind : (JSON.stringify(kind) ?? String(kind)), kinds },
    ...(position ? { line: position.line, col: position.col } : {}),
  };
}

/** Checks one file. `forced` overrides the document's own "kind". */
export function validateFile(file: string, lang: Lang, forced?: Kind): FileReport {
  const read = readText(file, lang);
  if (!read.ok) return { code: 2, lines: [read.line] };
  const { text } = read;

  let kind: Kind | undefined = forced;
  if (!kind) {
    const parsed = parseJson(text);
    if (parsed.ok && parsed.value !== null && typeof parsed.value === 'object' && !Array.isArray(parsed.value)) {
      const value = parsed.value as Record<string, unknown>;
      if (!isKind(value.kind)) return { code: 1, lines: [issueLine(file, kindIssue(text, value, lang), lang)] };
      kind = value.kind;
    }
    // Not JSON, or not an object: any kind's schema reports that the same way.
    kind ??= KINDS[0]!;
  }

  const result = validateText(SCHEMAS[kind], text);
  if (result.ok) return { code: 0, lines: [`✓ ${file}`] };
  const fatal = result.issues.find((issue) => issue.key === 'load.syntax' || issue.key === 'load.empty');
  if (fatal) return { code: 2, lines: [`${file}:${fatal.line ?? 1}:${fatal.col ?? 1}  ${issueMessage(fatal, lang)}`] };
  return { code: 1, lines: result.issues.map((issue) => issueLine(file, issue, lang)) };
}
