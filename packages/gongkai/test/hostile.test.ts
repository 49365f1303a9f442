/**
 * The one-file bundle on pages built like old county portals, under the strict CSP:
 * every example of every kind in a 300 px and a 280 px side column, on a page with a
 * template's CSS resets, Prototype 1.7, enumerable Object.prototype properties,
 * jQuery 1.12.4, RequireJS's define, badly replaced natives, and all of them at once
 * (packages/gongkai/test/pages/hostile-*.html, built by gallery.js). In shadow-DOM and
 * in light-DOM mode: every element renders (or shows its error, for the invalid
 * examples), nothing is thrown into the page, nothing sticks out of the column, and
 * the layout inside is the one a plain page gets.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendMouse, setViewport } from '@web/test-runner-commands';
import { closeGallery, FRAME, label, layout, openGallery, rootOf, type PageWindow } from './gallery.js';
import { KINDS } from '../../../scripts/entries.mjs';

const HOSTILE = [
  'hostile-css',
  'hostile-prototype',
  'hostile-object-prototype',
  'hostile-jquery',
  'hostile-amd',
  'hostile-natives',
  'hostile-county',
];

/** What sticks out of the column, left or right; content inside a box that scrolls sideways may be wider (it scrolls). */
function overflowing(win: PageWindow, element: HTMLElement, column: Element): string[] {
  const limit = column.getBoundingClientRect();
  const found: string[] = [];
  const visit = (node: Element | ShadowRoot, clipped: boolean) => {
    for (const child of node.children) {
      const style = win.getComputedStyle(child);
      if (style.display === 'none') continue;
      const rect = child.getBoundingClientRect();
      // A box put far off the page on purpose (the form's honeypot field) is not sticking out of anything.
      const offPage = rect.right <= 0;
      if (
        !clipped &&
        !offPage &&
        rect.width > 0 &&
        rect.height > 0 &&
        (rect.left < limit.left - 0.5 || rect.right > limit.right + 0.5)
      ) {
        found.push(
          `${label(child)} ${Math.round(rect.left - limit.left)}…${Math.round(rect.right - limit.left)} in ${Math.round(limit.width)} px`,
        );
      }
      const clips = clipped || (style.overflowX !== 'visible' && style.overflowX !== 'clip');
      if (child.shadowRoot) visit(child.shadowRoot, clips);
      visit(child, clips);
    }
  };
  visit(element.shadowRoot ?? element, false);
  return found;
}

/**
 * Errors thrown into the page and CSP violations, leaving out jQuery's own: jQuery 1.12.4's
 * feature tests set an inline onfocusin attribute (a script-src-attr violation on any
 * strict page), and on the all-in-one page it trips over Object.prototype properties by itself.
 */
const notJquery = (message: string) => !message.includes('/test-vendor/jquery.js');
const errorsOf = (win: PageWindow) => win.__gk.errors.filter(notJquery);
const violationsOf = (win: PageWindow) => win.__gk.violations.filter(notJquery);

/** Text an elderly reader might point at: visible text nodes of an element (not in SVG, not visually hidden, not a form control's own), spread over the element. */
function pointable(win: PageWindow, element: HTMLElement, count: number): Text[] {
  const root = rootOf(element);
  const walker = win.document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement!;
    if (
      (node as Text).data.trim().length < 2 ||
      parent.closest('svg, option, select, textarea, .visually-hidden, [aria-hidden="true"], [hidden]')
    )
      continue;
    const rect = parent.getBoundingClientRect();
    if (rect.width > 0 && rect.height > 0 && win.getComputedStyle(parent).visibility === 'visible')
      texts.push(node as Text);
  }
  if (texts.length <= count) return texts;
  if (count === 1) return texts.slice(0, 1);
  return Array.from({ length: count }, (_, i) => texts[Math.round((i * (texts.length - 1)) / (count - 1))]!);
}

/** Moves the real mouse (CDP Input events) to the middle of a text, as a reader does, and returns what the toolbar read. */
async function pointAndListen(
  win: PageWindow,
  text: Text,
): Promise<{ target: string; point: string; expected: string }> {
  text.parentElement!.scrollIntoView({ block: 'center' });
  // Away first, over the page's own heading, so that arriving at the text is a new mouseover.
  const away = win.document.querySelector('#main h2')!.getBoundingClientRect();
  await sendMouse({ type: 'move', position: [Math.round(away.left + 5), Math.round(away.top + 5)] });
  const range = win.document.createRange();
  range.selectNodeContents(text);
  const box = range.getClientRects()[0]!;
  win.__toolbar.target = win.__toolbar.point = '\u0000';
  await sendMouse({
    type: 'move',
    position: [Math.round(box.left + Math.min(box.width / 2, 6)), Math.round(box.top + box.height / 2)],
  });
  await waitUntil(
    () => win.__toolbar.target !== '\u0000' && win.__toolbar.point !== '\u0000',
    'the toolbar heard nothing',
  );
  const squash = (value: string) => value.replace(/\s+/g, '');
  return { target: squash(win.__toolbar.target), point: squash(win.__toolbar.point), expected: squash(text.data) };
}

describe('the one-file bundle on hostile pages', function () {
  this.timeout(180000);

  before(async () => {
    await setViewport(FRAME);
  });
  after(() => closeGallery());

  for (const page of ['gallery-clean', ...HOSTILE]) {
    for (const mode of ['shadow', 'light']) {
      for (const width of [300, 280]) {
        it(`${page}, ${mode} DOM, ${width} px column: every example renders, nothing is thrown, nothing sticks out`, async () => {
          const win = await openGallery(page, { width, mode });
          const column = win.document.getElementById('side')!;
          expect(column.getBoundingClientRect().width).to.equal(width);
          const elements = [...win.__gallery.elements];
          expect(elements.length).to.be.greaterThan(20);
          const problems: string[] = [];
          for (const element of elements) {
            const name = element.getAttribute('data-example');
            const outcome = (element as unknown as { __settled: string }).__settled;
            if (outcome !== element.getAttribute('data-expect')) problems.push(`${name}: ${outcome}`);
            if (!!element.shadowRoot !== (mode === 'shadow')) problems.push(`${name}: not in ${mode} DOM`);
            const root = rootOf(element);
            if (!root.textContent!.trim()) problems.push(`${name}: rendered nothing`);
            // A render that threw shows as an internal error (caught, so nothing reaches the page): that is a failure too.
            const shownError = root.querySelector(':scope > .state-error');
            if (element.getAttribute('data-expect') === 'gk-load' && shownError)
              problems.push(`${name}: ${shownError.textContent!.replace(/\s+/g, ' ').trim()}`);
            if (root.textContent!.includes('内部错误')) problems.push(`${name}: an internal error`);
            for (const box of overflowing(win, element, column)) problems.push(`${name} sticks out: ${box}`);
          }
          expect(problems).to.deep.equal([]);
          expect(errorsOf(win), 'errors thrown into the page').to.deep.equal([]);
          expect(violationsOf(win), 'CSP violations').to.deep.equal([]);
        });
      }
    }
  }

  it("the toolbar probe (control): it reads the page's own text, and nothing inside an element in shadow-DOM mode", async () => {
    const win = await openGallery('gallery-clean', { width: 300, one: 1, kinds: 'document' });
    const own = await pointAndListen(win, win.document.querySelector('#main p')!.firstChild as Text);
    expect(own.expected).to.equal('平罗县卫生和计划生育局');
    expect(own.target).to.equal(own.expected);
    expect(own.point).to.equal(own.expected);
    const [title] = pointable(win, win.__gallery.elements[0]!, 1);
    const heard = await pointAndListen(win, title!);
    // What the issue reported: the host is the target, and its innerText is "".
    expect(heard).to.deep.equal({ target: '', point: '', expected: heard.expected });
    expect(heard.expected).not.to.equal('');
  });

  for (const page of ['gallery-clean', 'hostile-css', 'hostile-county']) {
    it(`${page}, light-DOM mode: a toolbar's pointer reading (mouseover target and elementFromPoint, innerText) reads the text under the pointer in every kind of element`, async () => {
      const win = await openGallery(page, { width: 300, one: 1, mode: 'light' });
      const elements = [...win.__gallery.elements];
      expect(elements.map((element) => element.localName).sort()).to.deep.equal(
        KINDS.map(({ kind }) => `gk-${kind}`).sort(),
      );
      const missed: string[] = [];
      let read = 0;
      for (const element of elements) {
        const texts = pointable(win, element, 6);
        expect(texts.length, `${element.localName}: text to point at`).to.be.greaterThan(2);
        for (const text of texts) {
          const heard = await pointAndListen(win, text);
          read++;
          if (!heard.target.includes(heard.expected) || !heard.point.includes(heard.expected)) {
            missed.push(
              `<${element.localName}> "${heard.expected}": target read "${heard.target.slice(0, 40)}", point read "${heard.point.slice(0, 40)}"`,
            );
          }
        }
      }
      expect(missed).to.deep.equal([]);
      expect(read).to.be.greaterThan(40);
    });
  }

  for (const width of [300, 280]) {
    it(`the host's computed values change nothing inside: the layout on the CSS-reset page equals the plain page's (${width} px, shadow and light DOM)`, async () => {
      const clean = await openGallery('gallery-clean', { width });
      const expected = [...clean.__gallery.elements].map((element) => layout(element));
      for (const [page, mode] of [
        ['hostile-css', 'shadow'],
        ['hostile-css', 'light'],
        ['hostile-county', 'light'],
      ] as const) {
        const win = await openGallery(page, { width, mode });
        [...win.__gallery.elements].forEach((element, index) => {
          expect(layout(element), `${page} (${mode}): ${element.getAttribute('data-example')}`).to.deep.equal(
            expected[index],
          );
        });
      }
    });
  }
});
