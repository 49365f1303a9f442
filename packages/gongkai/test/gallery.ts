/**
 * The gallery pages (pages/gallery.js: every example of every kind in a side
 * column) opened in an iframe of the test page, and what "the same layout" means;
 * shared by the hostile-page and template tests. Tests only.
 */
import { expect, waitUntil } from '@open-wc/testing';

export interface PageWindow extends Window {
  __gk: { errors: string[]; violations: string[]; warnings: string[] };
  __gallery: { elements: HTMLElement[]; settled: number; ready?: boolean };
  __toolbar: { target: string; point: string };
}

export const FRAME = { width: 900, height: 700 };
export const PAGES = '/packages/gongkai/test/pages/';

let frame: HTMLIFrameElement | undefined;

/** Opens pages/<page>.html?<query> in the one frame (replacing the last) and waits until every element has settled. */
export async function openGallery(page: string, query: Record<string, string | number>): Promise<PageWindow> {
  frame?.remove();
  frame = document.createElement('iframe');
  // At the top left of the test page, so the mouse's page coordinates are the frame's.
  Object.assign(frame.style, {
    position: 'fixed',
    top: '0',
    left: '0',
    width: `${FRAME.width}px`,
    height: `${FRAME.height}px`,
    border: '0',
    background: '#fff',
  });
  document.body.append(frame);
  const search = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]));
  await new Promise<void>((resolve) => {
    frame!.addEventListener('load', () => resolve(), { once: true });
    frame!.src = `${PAGES}${page}.html?${search}`;
  });
  const win = frame.contentWindow as unknown as PageWindow;
  await waitUntil(
    () =>
      win.__gallery?.ready &&
      win.__gallery.elements.length > 0 &&
      win.__gallery.settled === win.__gallery.elements.length,
    `${page}: the elements did not all load or fail`,
    { timeout: 60000, interval: 100 },
  );
  // The gk-* elements inside others (a consultation's form and document) load after their parents settle.
  await waitUntil(
    () =>
      [...deep(win.document.body)].every(
        (element) =>
          !element.localName.startsWith('gk-') ||
          ['ready', 'error'].includes((element as unknown as { status: string }).status),
      ),
    `${page}: nested elements did not settle`,
    { timeout: 30000, interval: 100 },
  );
  // An explainer's video or audio shows a note when its file fails to load (the examples' do): wait for each to load or fail.
  await waitUntil(
    () =>
      [...deep(win.document.body)]
        .filter(
          (element): element is HTMLMediaElement => element.localName === 'video' || element.localName === 'audio',
        )
        .every((media) => media.error !== null || media.readyState > 0),
    `${page}: media did not load or fail`,
    { timeout: 30000, interval: 100 },
  );
  // Charts lay out again after their first measurement; let that settle.
  await new Promise((resolve) => win.requestAnimationFrame(() => win.requestAnimationFrame(resolve)));
  return win;
}

/** Removes the frame. */
export function closeGallery(): void {
  frame?.remove();
  frame = undefined;
}

/** The box everything renders in: in the shadow root, or the element's own first child in light-DOM mode. */
export function rootOf(element: HTMLElement): HTMLElement {
  const root = element.shadowRoot
    ? element.shadowRoot.querySelector('.gk-root')
    : element.querySelector(':scope > .gk-root');
  expect(root, `<${element.localName}> has a root`).to.exist;
  return root as HTMLElement;
}

/** Every element under `node`, through the shadow roots of the gk-* elements nested in it. */
export function* deep(node: Element | ShadowRoot): Generator<Element> {
  for (const child of node.children) {
    yield child;
    if (child.shadowRoot) yield* deep(child.shadowRoot);
    yield* deep(child);
  }
}

export const label = (element: Element) =>
  `${element.localName}${element.classList.length ? `.${[...element.classList].join('.')}` : ''}`;

/** The boxes of everything inside an element's root, relative to the root: what "the same layout" means. */
export function layout(element: HTMLElement): string[] {
  const root = rootOf(element);
  const origin = root.getBoundingClientRect();
  const round = (value: number) => Math.round(value * 2) / 2;
  const boxes = [`root ${round(origin.width)}x${round(origin.height)}`];
  for (const inner of deep(root)) {
    if (inner.localName === 'slot' || inner.localName === 'style') continue;
    const rect = inner.getBoundingClientRect();
    if (!rect.width && !rect.height) {
      boxes.push(`${label(inner)} not shown`);
      continue;
    }
    if (rect.right <= 0) {
      boxes.push(`${label(inner)} off the page`);
      continue;
    }
    boxes.push(
      `${label(inner)} ${round(rect.left - origin.left)},${round(rect.top - origin.top)} ${round(rect.width)}x${round(rect.height)}`,
    );
  }
  return boxes;
}
