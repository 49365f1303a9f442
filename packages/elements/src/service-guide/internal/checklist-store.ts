/**
 * The reader's ticks on a materials checklist, kept on their own device
 * (localStorage), one entry per guide and item. Storage can be missing, full,
 * blocked (Safari's private mode, a sandboxed frame, a page's own stub) or
 * hold anything: every read and write fails safely, to an unticked list held
 * in memory for the visit, and `saved` says whether ticks will outlast the page.
 */

const PREFIX = 'gk-service-guide:';

export class ChecklistStore {
  /** Whether ticks are kept after the page closes. */
  saved = true;
  private readonly memory = new Map<string, Set<string>>();

  /** The names ticked for this guide's item. */
  read(key: string): Set<string> {
    const held = this.memory.get(key);
    if (held) return new Set(held);
    let ticked = new Set<string>();
    try {
      const text = window.localStorage.getItem(PREFIX + key);
      const value: unknown = text ? JSON.parse(text) : [];
      if (Array.isArray(value)) ticked = new Set(value.filter((name): name is string => typeof name === 'string'));
    } catch {
      this.saved = false;
    }
    this.memory.set(key, ticked);
    return new Set(ticked);
  }

  write(key: string, ticked: ReadonlySet<string>): void {
    this.memory.set(key, new Set(ticked));
    try {
      if (ticked.size) window.localStorage.setItem(PREFIX + key, JSON.stringify([...ticked]));
      else window.localStorage.removeItem(PREFIX + key);
    } catch {
      this.saved = false;
    }
  }
}
