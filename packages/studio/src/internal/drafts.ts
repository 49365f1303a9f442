/**
 * Drafts kept in the browser (localStorage), one per kind, so a closed tab or a
 * crash loses nothing. A draft larger than the browser allows is reported, not lost silently.
 */
import type { Kind } from './kinds.js';

const KEY = 'gongkai-studio:draft:';
const LAST = 'gongkai-studio:last-kind';

export interface Draft {
  kind: Kind;
  text: string;
  savedAt: string;
  name?: string;
}

export function readDraft(kind: Kind): Draft | undefined {
  try {
    const raw = localStorage.getItem(KEY + kind);
    return raw ? (JSON.parse(raw) as Draft) : undefined;
  } catch {
    return undefined;
  }
}

/** Returns false when the browser refused (storage full or disabled). */
export function writeDraft(draft: Draft): boolean {
  try {
    localStorage.setItem(KEY + draft.kind, JSON.stringify(draft));
    localStorage.setItem(LAST, draft.kind);
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(kind: Kind): void {
  try {
    localStorage.removeItem(KEY + kind);
  } catch {
    // nothing kept, nothing to clear
  }
}

export function lastKind(): string | undefined {
  try {
    return localStorage.getItem(LAST) ?? undefined;
  } catch {
    return undefined;
  }
}
