/**
 * Registers a custom element once. Two copies of the bundle on one page (a CMS
 * template and a widget both including it) must not throw "already defined".
 */
export function defineElement(name: string, constructor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined' || customElements.get(name)) return;
  customElements.define(name, constructor);
}
