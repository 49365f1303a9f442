declare const __GONGKAI_VERSION__: string | undefined;

/** This build's version, written in by the build; `dev` when the sources run as they are (tests, Storybook). */
export const VERSION: string = typeof __GONGKAI_VERSION__ === 'string' ? __GONGKAI_VERSION__ : 'dev';

let warned = false;

/**
 * Registers a custom element once. Two copies of gongkai on one page (an old
 * gongkai.js the CMS still caches, and a new one; or a template and a widget each
 * including it) must not throw "already defined": the first copy's elements stay,
 * and the second says so once, naming both versions.
 */
export function defineElement(name: string, constructor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(name) as (CustomElementConstructor & { gongkaiVersion?: string }) | undefined;
  if (!existing) return customElements.define(name, constructor);
  if (existing === constructor || warned) return;
  warned = true;
  const first = existing.gongkaiVersion ?? '?';
  console.warn(
    `[gongkai] 本页加载了两份 gongkai（${first}、${VERSION}），<${name}> 等元素用先加载的 ${first}。This page loads gongkai ${first} and ${VERSION}; the elements are ${first}'s. Keep one.`,
  );
}
