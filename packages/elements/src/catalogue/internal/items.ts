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

/**
 * Parses and checks items in slices of a few milliseconds, handing each slice's
 * good items to `onSlice` as it goes: the first page shows long before the
 * 50,000th item is checked, and no task blocks the page.
 */
export async function parseItemsInSlices(
  text: string,
  doc: GkCatalogue,
  knownIds: readonly string[],
  onSlice: (items: CatalogueItem[]) => void,
  sliceMs = 8,
): Promise<GkIssue[]> {
  const { items, issues, rest } = parseItemsStart(text, doc, knownIds);
  onSlice(items);
  let deadline = performance.now() + sliceMs;
  let batch: CatalogueItem[] = [];
  for (const step of rest) {
    const item = step();
    if (item) batch.push(item);
    if (performance.now() > deadline) {
      onSlice(batch);
      batch = [];
      await new Promise((resolve) => setTimeout(resolve, 0));
      deadline = performance.now() + sliceMs;
    }
  }
  onSlice(batch);
  return issues;
}

export function parseItems(text: string, doc: GkCatalogue, knownIds: readonly string[] = []): LoadedItems {
  const { items, issues, rest } = parseItemsStart(text, doc, knownIds);
  for (const step of rest) {
    const item = step();
    if (item) items.push(item);
  }
  return { items, issues };
}

/**
 * A JSON array is parsed and checked at once; NDJSON is returned as one step per
 * line, each giving the line's item or undefined (its problem added to `issues`).
 */
function parseItemsStart(
  text: string,
  doc: GkCatalogue,
  knownIds: readonly string[],
): LoadedItems & { rest: Array<() => CatalogueItem | undefined> } {
  const columns = new Map(doc.columns.map((column) => [column.key, column]));
  const categories = categoryIds(doc.categories);
  // Ids of the inline items count too: an id may not repeat between the two.
  const seen = new Map<string, string>(knownIds.map((id) => [id, 'items']));
  const items: CatalogueItem[] = [];
  const issues: GkIssue[] = [];

  const check = (value: unknown, path: Array<string | number>, line: number): CatalogueItem | undefined => {
    const result = validate(catalogueItemSchema, value);
    const own = result.ok
      ? catalogueItemIssues(result.value, path, columns, categories, seen).map((issue) => ({
          path: issue.path,
          pathText: formatPath(issue.path),
          key: issue.message as MessageKey,
          params: issue.params,
        }))
      : result.issues.map((issue) => ({
          ...issue,
          path: [...path, ...issue.path],
          pathText: formatPath([...path, ...issue.path]),
        }));
    if (own.length) {
      for (const issue of own) issues.push({ ...issue, line, col: 1 });
      return undefined;
    }
    return result.ok ? result.value : undefined;
  };

  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) {
    const parsed = parseJson(text);
    if (!parsed.ok) {
      issues.push({
        path: [],
        pathText: '',
        key: 'load.syntax',
        params: { detail: parsed.error.key, ...parsed.error.params },
        line: parsed.error.line,
        col: parsed.error.col,
      });
      return { items, issues, rest: [] };
    }
    const list = Array.isArray(parsed.value) ? parsed.value : [];
    list.forEach((value, index) => {
      const item = check(value, ['items', index], 0);
      if (item) items.push(item);
    });
    // Line numbers of a JSON array are only worth finding when something is wrong.
    if (issues.length) locateArrayLines(text, issues);
    return { items, issues, rest: [] };
  }

  const lines = text.split('\n');
  const rest = lines.map((raw, index) => (): CatalogueItem | undefined => {
    const line = raw.trim();
    if (!line) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      const parsed = parseJson(line);
      const error = parsed.ok ? undefined : parsed.error;
      issues.push({
        path: ['items', index],
        pathText: formatPath(['items', index]),
        key: 'load.syntax',
        params: { detail: error?.key ?? 'json.unexpectedChar', ...(error?.params ?? {}) },
        line: index + 1,
        col: error?.col ?? 1,
      });
      return undefined;
    }
    return check(value, ['items', index], index + 1);
  });
  return { items, issues, rest };
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
