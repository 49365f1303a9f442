/**
 * Where the cursor is in the JSON, as a path (`functional[0].values[1].budget`),
 * from CodeMirror's syntax tree; and where a path is, as a position. Positions are
 * CodeMirror's: UTF-16 offsets, the same units core's line:col counts in.
 */
import { syntaxTree } from '@codemirror/language';
import type { EditorState } from '@codemirror/state';
import type { SyntaxNode } from '@lezer/common';
import type { PathSegment } from '@gongkai/core';

const PUNCTUATION = new Set(['[', ']', '{', '}', ',', ':', '⚠']);

function keyOf(state: EditorState, property: SyntaxNode): string | undefined {
  const name = property.getChild('PropertyName');
  if (!name) return undefined;
  const raw = state.sliceDoc(name.from, name.to);
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.replace(/^"|"$/g, '');
  }
}

/** The path of a node: the keys and indexes of the properties and arrays around it. */
export function pathOfNode(state: EditorState, node: SyntaxNode | null): PathSegment[] {
  const path: PathSegment[] = [];
  let child: SyntaxNode | null = null;
  for (let current = node; current; child = current, current = current.parent) {
    if (current.name === 'Property') {
      const key = keyOf(state, current);
      if (key !== undefined) path.unshift(key);
    } else if (current.name === 'Array' && child && !PUNCTUATION.has(child.name)) {
      let index = 0;
      for (let sibling = current.firstChild; sibling && sibling.from < child.from; sibling = sibling.nextSibling) {
        if (!PUNCTUATION.has(sibling.name)) index++;
      }
      path.unshift(index);
    }
  }
  return path;
}

/** The path at a position: on a key or inside a value, that field. */
export function pathAt(state: EditorState, pos: number): PathSegment[] {
  const tree = syntaxTree(state);
  let node: SyntaxNode | null = tree.resolveInner(pos, -1);
  // Between a value and the comma after it, the value is still "under the cursor".
  if (node && PUNCTUATION.has(node.name)) node = tree.resolveInner(pos, 1);
  return pathOfNode(state, node);
}

/** The innermost Object around a position, and its path (for completing field names). */
export function objectAt(state: EditorState, pos: number): { node: SyntaxNode; path: PathSegment[] } | undefined {
  for (let node: SyntaxNode | null = syntaxTree(state).resolveInner(pos, -1); node; node = node.parent) {
    if (node.name === 'Object' && node.from < pos) return { node, path: pathOfNode(state, node) };
  }
  return undefined;
}

/** The keys an Object node already has (but the one being typed at `typing`). */
export function keysOf(state: EditorState, object: SyntaxNode, typing = -1): Set<string> {
  const keys = new Set<string>();
  for (let child = object.firstChild; child; child = child.nextSibling) {
    const name = child.getChild('PropertyName');
    if (child.name === 'Property' && !(name && name.from <= typing && typing <= name.to)) {
      const key = keyOf(state, child);
      if (key !== undefined) keys.add(key);
    }
  }
  return keys;
}

/** The end of the token that starts at `from` (a whole string, number or literal), for marking a problem. */
export function tokenEnd(state: EditorState, from: number): number {
  const node = syntaxTree(state).resolveInner(from, 1);
  if (
    node.from === from &&
    node.to > from &&
    node.name !== 'Object' &&
    node.name !== 'Array' &&
    node.name !== 'Property'
  )
    return node.to;
  if (node.name === 'Property' && node.from === from) return node.getChild('PropertyName')?.to ?? from + 1;
  return Math.min(state.doc.length, from + 1);
}
