/**
 * Glossary terms in the text become buttons that show their definition in place
 * (a disclosure, so it works by keyboard, touch and screen reader alike). The
 * sanitized prose is walked after rendering; new nodes are made with the DOM
 * API and filled with textContent, never HTML.
 */
const examined = new WeakSet<Text>();

export function markGlossaryTerms(container: Element, glossary: ReadonlyArray<{ term: string; definition: string }>, idPrefix: string): void {
  if (!glossary.length) return;
  const byTerm = new Map(glossary.map((entry) => [entry.term, entry.definition]));
  const pattern = new RegExp(
    [...byTerm.keys()].sort((a, b) => b.length - a.length).map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
  );
  const marked = new Set<string>(
    [...container.querySelectorAll('.term')].map((button) => button.textContent ?? ''),
  );
  const walker = container.ownerDocument.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (!examined.has(text) && !text.parentElement?.closest('a, button, code, pre, .term-definition')) texts.push(text);
  }
  // Numbered across the whole section (a question-and-answer section has a prose block per answer): ids stay unique.
  let count = (container.closest('section') ?? container).querySelectorAll('.term').length;
  for (const text of texts) {
    examined.add(text);
    const match = pattern.exec(text.data);
    // Each term is marked once per section: its first appearance.
    if (!match || marked.has(match[0])) continue;
    marked.add(match[0]);
    const after = text.splitText(match.index);
    after.splitText(match[0].length);
    examined.add(after);
    const id = `${idPrefix}-term-${count++}`;
    const button = container.ownerDocument.createElement('button');
    button.type = 'button';
    button.className = 'term';
    button.textContent = match[0];
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', id);
    const definition = container.ownerDocument.createElement('span');
    definition.className = 'term-definition';
    definition.id = id;
    definition.hidden = true;
    definition.textContent = `${match[0]}：${byTerm.get(match[0])}`;
    after.replaceWith(button, definition);
  }
}

/** Click or Enter on a term shows or hides its definition; Escape hides it. */
export function onGlossaryClick(event: Event): void {
  const button = (event.target as Element | null)?.closest?.('.term');
  if (!button) return;
  const definition = button.nextElementSibling as HTMLElement | null;
  if (!definition?.classList.contains('term-definition')) return;
  const open = button.getAttribute('aria-expanded') !== 'true';
  button.setAttribute('aria-expanded', String(open));
  definition.hidden = !open;
}

export function onGlossaryKeydown(event: KeyboardEvent): void {
  if (event.key !== 'Escape') return;
  const button = (event.target as Element | null)?.closest?.('.term');
  if (button?.getAttribute('aria-expanded') === 'true') onGlossaryClick(event);
}
