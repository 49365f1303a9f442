/**
 * Items from `itemsUrl`: a JSON array, or NDJSON (one item a line). Each item is
 * checked on its own; a bad one is reported with its line and left out while
 * the rest shows.
 */
import {
  catalogueItemIssues,
  catalogueItemSchema,
  categoryIds,
  formatPath,
  parseJson,
  validate,
  type CatalogueItem,
  type GkCatalogue,
  type GkIssue,
  type MessageKey,
} from '@gongkai/core';

export interface LoadedItems {
  items: CatalogueItem[];
  /** Problems of the items left out, each with the line it is on. */
  issues: GkIssue[];
}

export function parseItems(text: string, doc: GkCatalogue): LoadedItems {
  const columns = new Map(doc.columns.map((column) => [column.key, column]));
  const categories = categoryIds(doc.categories);
  const seen = new Map<string, string>();
  const items: CatalogueItem[] = [];
  const issues: GkIssue[] = [];

  const check = (value: unknown, path: Array<string | number>, line: number) => {
    const result = validate(catalogueItemSchema, value);
    const own = result.ok
      ? catalogueItemIssues(result.value, path, columns, categories, seen).map((issue) => ({
          path: issue.path,
          pathText: formatPath(issue.path),
          key: issue.message as MessageKey,
          params: issue.params,
        }))
      : result.issues.map((issue) => ({ ...issue, path: [...path, ...issue.path], pathText: formatPath([...path, ...issue.path]) }));
    if (own.length) for (const issue of own) issues.push({ ...issue, line, col: 1 });
    else if (result.ok) items.push(result.value);
  };

  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) {
    const parsed = parseJson(text);
    if (!parsed.ok) {
      issues.push({ path: [], pathText: '', key: 'load.syntax', params: { detail: parsed.error.key, ...parsed.error.params }, line: parsed.error.line, col: parsed.error.col });
      return { items, issues };
    }
    const list = Array.isArray(parsed.value) ? parsed.value : [];
    list.forEach((value, index) => check(value, ['items', index], 0));
    // Line numbers of a JSON array are only worth finding when something is wrong.
    if (issues.length) locateArrayLines(text, issues);
    return { items, issues };
  }

  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      const parsed = parseJson(line);
      const error = parsed.ok ? undefined : parsed.error;
      issues.push({
        path: [],
        pathText: '',
        key: 'load.syntax',
        params: { detail: error?.key ?? 'json.unexpectedChar', ...(error?.params ?? {}) },
        line: index + 1,
        col: error?.col ?? 1,
      });
      return;
    }
    check(value, ['items', index], index + 1);
  });
  return { items, issues };
}

/** For a JSON array, the line each item starts on. */
function locateArrayLines(text: string, issues: GkIssue[]): void {
  const starts: number[] = [];
  let depth = 0;
  let inString = false;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (depth === 1 && c === '{') starts.push(line);
      depth++;
    } else if (c === '}' || c === ']') depth--;
  }
  for (const issue of issues) {
    const index = issue.path[1];
    if (typeof index === 'number') issue.line = starts[index] ?? issue.line;
  }
}
