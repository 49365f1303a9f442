/** Without the English module, lang="en" falls back to Chinese (never a mix) and says once what to import. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../document/document.js';

it('lang="en" without gongkai/en renders Chinese and warns once', async () => {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  try {
    const data = {
      kind: 'document',
      version: 1,
      title: '标题',
      issuer: '平罗县卫生和计划生育局',
      issued: '2018-04-20',
      status: '现行有效',
    };
    const first = await fixture(html`<gk-document lang="en" .data=${data}></gk-document>`);
    const second = await fixture(html`<gk-document lang="en" .data=${data}></gk-document>`);
    await waitUntil(() => first.shadowRoot?.querySelector('dl') && second.shadowRoot?.querySelector('dl'));
    expect(first.shadowRoot!.querySelector('dl')!.textContent).to.contain('发文机关');
    expect(warnings.filter((w) => w.includes("import 'gongkai/en'"))).to.have.length(1);
  } finally {
    console.warn = original;
  }
});
