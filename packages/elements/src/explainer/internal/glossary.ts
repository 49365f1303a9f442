/**
 * Glossary terms in an explainer's text become buttons that show their
 * definition in place (a disclosure, so it works by keyboard, touch and screen
 * reader alike). They are marked while rendering, by the Markdown renderer's
 * text hook and on the sections' plain-text fields (figure labels, steps,
 * comparisons, captions), so every node stays Lit's own: nothing is split or
 * inserted into the DOM after the fact.
 */
import { html } from 'lit';
import type { TextRenderer } from '../../base/internal/markdown.js';

export interface GlossaryEntry {
  term: string;
  definition: string;
}

/** One regular expression per glossary, longest terms first (so 依申请公开 wins over 公开). */
const patterns = new WeakMap<ReadonlyArray<GlossaryEntry>, { pattern: RegExp; definitions: Map<string, string> }>();

function compiled(glossary: ReadonlyArray<GlossaryEntry>) {
  let found = patterns.get(glossary);
  if (!found) {
    const definitions = new Map(glossary.map((entry) => [entry.term, entry.definition]));
    const terms = [...definitions.keys()]
      .sort((a, b) => b.length - a.length)
      .map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    found = { pattern: new RegExp(terms.join('|'), 'g'), definitions };
    patterns.set(glossary, found);
  }
  return found;
}

/**
 * A text renderer for one section: each term becomes a button at its first
 * appearance in the section (in reading order) and stays plain text after.
 * Its definition's id is `${sectionId}-term-${n}`; `isOpen`/`toggle` keep
 * which ones are open, with the section's other disclosures.
 */
export function glossaryTerms(
  glossary: ReadonlyArray<GlossaryEntry>,
  sectionId: string,
  isOpen: (id: string) => boolean,
  toggle: (id: string) => void,
): TextRenderer {
  if (!glossary.length) return (text) => text;
  const { pattern, definitions } = compiled(glossary);
  const seen = new Set<string>();
  return (text) => {
    const parts: unknown[] = [];
    let at = 0;
    for (const match of text.matchAll(pattern)) {
      const term = match[0];
      if (seen.has(term)) continue;
      const id = `${sectionId}-term-${seen.size}`;
      seen.add(term);
      const open = isOpen(id);
      parts.push(
        text.slice(at, match.index),
        html`<button
            type="button"
            class="term"
            aria-expanded=${open ? 'true' : 'false'}
            aria-controls=${id}
            @click=${() => toggle(id)}
            @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && open && toggle(id)}
          >${term}</button
          ><span class="term-definition" id=${id} ?hidden=${!open}>${term}：${definitions.get(term)}</span>`,
      );
      at = match.index + term.length;
    }
    if (!parts.length) return text;
    parts.push(text.slice(at));
    return parts;
  };
}
