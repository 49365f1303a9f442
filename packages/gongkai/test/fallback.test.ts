/**
 * What a web team puts inside an element (a title, a link to the PDF or the
 * spreadsheet) shows without JavaScript, before the element renders, while its
 * document loads and when the document cannot be shown; once the document shows,
 * it goes. The inline JSON never shows as text. Shadow-DOM and light-DOM mode.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { openPage, type ProbedWindow } from './open-page.js';

const shown = (element: Element | null | undefined) => {
  const rect = element?.getBoundingClientRect();
  return !!rect && rect.width > 0 && rect.height > 0;
};
const link = (win: ProbedWindow, id: string) => win.document.querySelector(`#${id} .fallback a`);
const status = (win: ProbedWindow, id: string) =>
  (win.document.getElementById(id) as unknown as { status: string }).status;
/** The element's own rendering: its shadow root, or its root child in light-DOM mode. */
const rendered = (win: ProbedWindow, id: string) => {
  const element = win.document.getElementById(id)!;
  return (element.shadowRoot ?? element).querySelector('.gk-root')!;
};

describe('the content a page puts inside an element', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('without the script (JavaScript off, or gongkai.js never arrives): the titles and links show, the inline JSON does not', async () => {
    const win = await openPage('/packages/gongkai/test/pages/fallback.html', undefined, false);
    expect(win.customElements.get('gk-document'), 'the control: no script ran, nothing defined the elements').to.be
      .undefined;
    expect((win as unknown as { __gk?: unknown }).__gk, 'the control: not even the probe ran').to.be.undefined;
    for (const id of ['inline', 'slow', 'missing']) expect(shown(link(win, id)), id).to.be.true;
    const text = win.document.body.innerText;
    expect(text).to.contain('《2018年政务公开工作要点》（PDF）').and.to.contain('2018年部门预算（Excel）');
    expect(text).not.to.contain('"kind"');
    expect(text).not.to.contain('现行有效');
  });

  for (const mode of ['shadow', 'light']) {
    it(`${mode} DOM: the content shows while the document loads and when it fails, and goes when the document shows; the JSON never shows`, async () => {
      const win = await openPage(`/packages/gongkai/test/pages/fallback.html?mode=${mode}`);
      const slow = win.document.getElementById('slow')!;
      await waitUntil(() => status(win, 'slow') === 'loading', 'the slow document did not start loading', {
        timeout: 10000,
      });
      expect(!!slow.shadowRoot).to.equal(mode === 'shadow');
      // Loading: the loading message and the page's link, both.
      expect(shown(rendered(win, 'slow').querySelector('[part="loading"]'))).to.be.true;
      expect(shown(link(win, 'slow')), 'the link while loading').to.be.true;
      expect(win.document.body.innerText).not.to.contain('"kind"');

      // Failed: the error and the page's link to the spreadsheet, both.
      await waitUntil(() => status(win, 'missing') === 'error', 'the missing document did not fail', {
        timeout: 10000,
      });
      expect(rendered(win, 'missing').querySelector('[role="alert"]')!.textContent).to.contain(
        '/test-api/not-found.json',
      );
      expect(shown(link(win, 'missing')), 'the link beside the error').to.be.true;

      // Shown: the document instead of the page's content.
      expect(status(win, 'inline')).to.equal('ready');
      expect(shown(link(win, 'inline')), 'the inline document shows: its fallback goes').to.be.false;
      await waitUntil(() => status(win, 'slow') === 'ready', 'the slow document did not arrive', { timeout: 15000 });
      await new Promise((resolve) => win.requestAnimationFrame(resolve));
      expect(shown(link(win, 'slow')), 'the link once the document shows').to.be.false;
      expect(rendered(win, 'slow').querySelector('h2')!.textContent).to.contain('政务公开工作要点');

      // innerText stops at shadow roots (what a toolbar meets): the page's text, then each element's own.
      const text = [win.document.body, ...['inline', 'slow', 'missing'].map((id) => rendered(win, id) as HTMLElement)]
        .map((node) => node.innerText)
        .join('\n');
      expect(text).not.to.contain('"kind"');
      expect(text).to.contain('平罗县卫生和计划生育局关于印发《2018年政务公开工作要点》的通知');
      expect(win.__gk.errors).to.deep.equal([]);
      expect(win.__gk.violations).to.deep.equal([]);
    });
  }
});
