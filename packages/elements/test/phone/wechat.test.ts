/**
 * In WeChat's own browser: its user agent (set on the test's page through the
 * browser, so navigator.userAgent says MicroMessenger), no navigator.share, no
 * downloads of blob: addresses. A download offers the data to copy and says how
 * to get the file; the explainer's share copies the link and says 已复制; where
 * the Clipboard API is missing too, the text is put selected in a field. What the
 * page lacks is taken away here (navigator.share, navigator.clipboard); where a
 * copy is recorded, the recorder stands in for the system clipboard, which
 * headless Chromium keeps to itself.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setUserAgent, setViewport } from '@web/test-runner-commands';
import '../../src/index.js';
import { downloadedText, failOnHostPageErrors } from '../../src/base/internal/test-support.js';
import { PHONE, examplesOf, render, rootOf, settled, type AnyGk } from './support.js';

const WECHAT_UA =
  'Mozilla/5.0 (Linux; Android 10; V1914A Build/QP1A.190711.020; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/86.0.4240.99 XWEB/4375 MMWEBSDK/20221011 Mobile Safari/537.36 MMWEBID/6242 MicroMessenger/8.0.30.2260(0x28001E3B) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';

const ownDescriptors = {
  share: Object.getOwnPropertyDescriptor(Navigator.prototype, 'share'),
  clipboard: Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard'),
};

/** Makes navigator.share / navigator.clipboard what a browser has (undefined: missing). */
function give(name: 'share' | 'clipboard', value: unknown): void {
  Object.defineProperty(navigator, name, { value, configurable: true, writable: true });
}

function restore(): void {
  for (const name of ['share', 'clipboard'] as const) {
    delete (navigator as unknown as Record<string, unknown>)[name];
    const descriptor = ownDescriptors[name];
    if (descriptor) Object.defineProperty(Navigator.prototype, name, descriptor);
  }
}

/** A clipboard that records what is written to it. */
function recordingClipboard(): { written: string[] } {
  const record = { written: [] as string[] };
  give('clipboard', { writeText: async (text: string) => void record.written.push(text) });
  return record;
}

/** Counts blob: addresses made (a download starting) while `act` runs. */
async function blobsDuring(act: () => Promise<void>): Promise<number> {
  let made = 0;
  const original = URL.createObjectURL;
  URL.createObjectURL = (object: Blob | MediaSource) => (made++, original.call(URL, object as Blob));
  try {
    await act();
  } finally {
    URL.createObjectURL = original;
  }
  return made;
}

const button = (element: Element, text: string) =>
  [...rootOf(element).querySelectorAll<HTMLButtonElement>('button')].find((each) => each.textContent!.includes(text))!;
const active = (element: Element) => (element.shadowRoot ?? document).activeElement;

failOnHostPageErrors();

describe("in WeChat's browser", function () {
  this.timeout(120000);
  let normalUa = '';
  before(async () => {
    normalUa = navigator.userAgent;
    await setViewport(PHONE);
    await setUserAgent(WECHAT_UA);
  });
  // Nothing may rely on a pop-up (WeChat blocks them): every test here fails if one is asked for.
  const popups: unknown[] = [];
  const open = window.open;
  before(() => {
    window.open = (...args: Parameters<typeof window.open>) => (popups.push(args[0]), null);
  });
  after(async () => {
    window.open = open;
    await setUserAgent(normalUa);
    await setViewport({ width: 800, height: 600 });
  });
  afterEach(() => {
    restore();
    expect(popups, 'window.open was called').to.deep.equal([]);
  });

  it('the page says MicroMessenger and has no navigator.share (the test itself)', () => {
    expect(navigator.userAgent).to.contain('MicroMessenger');
    give('share', undefined);
    expect(typeof navigator.share).to.equal('undefined');
  });

  for (const light of [false, true]) {
    it(`a chart's 下载 CSV does not start a download; it says how to get the file, and 复制数据 copies the CSV, 已复制${light ? ' (light DOM)' : ''}`, async () => {
      const clipboard = recordingClipboard();
      const [example] = (await examplesOf('budget')).filter((each) =>
        each.path.endsWith('department-budget-2018.json'),
      );
      const element = await render(example!, { light });
      const download = button(element, '下载 CSV');
      const blobs = await blobsDuring(async () => {
        download.click();
        await waitUntil(() => rootOf(element).querySelector('.file-help'), 'no help under the buttons');
      });
      expect(blobs, 'no blob: download in WeChat').to.equal(0);
      const help = rootOf(element).querySelector<HTMLElement>('.file-help')!;
      expect(download.parentElement!.contains(help)).to.be.true;
      expect(help.textContent).to.contain('在浏览器打开').and.contain('复制数据');
      const copy = help.querySelector('button')!;
      expect(active(element)).to.equal(copy);
      expect(copy.getAttribute('aria-describedby')).to.equal(help.querySelector('p')!.id);
      copy.click();
      await waitUntil(() => help.querySelector('.copy-status')!.textContent === '已复制', 'no 已复制');
      expect(clipboard.written).to.have.length(1);
      expect(clipboard.written[0]).to.contain('210').and.contain('医疗卫生与计划生育支出');
      // In view, under the button.
      const status = help.querySelector('.copy-status')!.getBoundingClientRect();
      expect(status.height).to.be.greaterThan(0);
      expect(status.top).to.be.greaterThan(download.getBoundingClientRect().bottom);
    });
  }

  it('without the Clipboard API, the data shows selected in a field to copy by hand (the old copy command is tried on it)', async () => {
    give('clipboard', undefined);
    let commanded = false;
    const original = document.execCommand.bind(document);
    document.execCommand = (command: string, ...rest: unknown[]) => (
      (commanded = command === 'copy'),
      original(command, ...(rest as [boolean, string]))
    );
    try {
      const [example] = await examplesOf('catalogue');
      const element = await render(example!);
      button(element, '导出 JSON').click();
      const help = await waitUntil(() => rootOf(element).querySelector('.file-help'), 'no help').then(() =>
        rootOf(element).querySelector<HTMLElement>('.file-help')!,
      );
      help.querySelector('button')!.click();
      await waitUntil(() => help.querySelector('textarea'), 'no field with the data');
      const field = help.querySelector('textarea')!;
      expect(JSON.parse(field.value).title).to.equal(
        ((await (await fetch(example!.path)).json()) as { title: string }).title,
      );
      expect(field.readOnly).to.be.true;
      expect(active(element)).to.equal(field);
      expect([field.selectionStart, field.selectionEnd]).to.deep.equal([0, field.value.length]);
      expect(commanded).to.be.true;
      expect(field.closest('label')!.textContent).to.contain('请长按下面的文字');
    } finally {
      document.execCommand = original;
    }
  });

  it("the annual report's table download and the catalogue's CSV say the same, under their own buttons", async () => {
    recordingClipboard();
    for (const [kind, label] of [
      ['annual-report', '下载表三'],
      ['catalogue', '导出 CSV'],
    ] as const) {
      const [example] = await examplesOf(kind);
      const element = await render(example!);
      const trigger = button(element, label);
      expect(await blobsDuring(async () => trigger.click())).to.equal(0);
      await waitUntil(() => trigger.parentElement!.querySelector('.file-help'), `${kind}: no help`);
    }
  });

  describe("the explainer's share button (#)", () => {
    async function explainer(): Promise<AnyGk> {
      const [example] = (await examplesOf('explainer')).filter((each) => each.path.endsWith('work-points-2018.json'));
      return render(example!);
    }

    it('with no navigator.share: copies the link to the section and shows 链接已复制 beside the button', async () => {
      give('share', undefined);
      const clipboard = recordingClipboard();
      const element = await explainer();
      const section = rootOf(element).querySelectorAll('.section')[1]!;
      const share = section.querySelector<HTMLButtonElement>('.share')!;
      expect(share.getAttribute('aria-label')).to.match(/^分享本段链接：/);
      share.click();
      await waitUntil(() => section.querySelector('.share-status')!.textContent!.includes('已复制'), 'no 已复制');
      expect(clipboard.written).to.deep.equal([
        `${location.href.split('#')[0]}#${(element as unknown as { sectionIds: string[] }).sectionIds[1]}`,
      ]);
      const status = section.querySelector('.share-status')!;
      expect(status.getAttribute('role')).to.equal('status');
      const box = status.getBoundingClientRect();
      expect(box.height).to.be.greaterThan(0);
      expect(box.top - share.getBoundingClientRect().bottom).to.be.lessThan(60);
    });

    it('with neither navigator.share nor the Clipboard API: the link shows selected in a field', async () => {
      give('share', undefined);
      give('clipboard', undefined);
      const element = await explainer();
      const section = rootOf(element).querySelector('.section')!;
      section.querySelector<HTMLButtonElement>('.share')!.click();
      await waitUntil(() => section.querySelector('.share-field input'), 'no field with the link');
      await settled(element);
      const field = section.querySelector<HTMLInputElement>('.share-field input')!;
      expect(field.value).to.match(/#[\w-]+$/);
      expect(field.readOnly).to.be.true;
      expect([field.selectionStart, field.selectionEnd]).to.deep.equal([0, field.value.length]);
      expect(field.closest('label')!.textContent).to.contain('请长按下面的文字');
    });

    it('where there is a share sheet (a phone browser), it is used; closing it does nothing more', async () => {
      const shared: ShareData[] = [];
      give('share', async (data: ShareData) => void shared.push(data));
      const clipboard = recordingClipboard();
      const element = await explainer();
      const section = rootOf(element).querySelector('.section')!;
      section.querySelector<HTMLButtonElement>('.share')!.click();
      await waitUntil(() => shared.length === 1, 'the share sheet was not asked for');
      expect(shared[0]!.url).to.match(/#[\w-]+$/);
      expect(shared[0]!.title).to.equal(section.querySelector('.section-title')!.textContent);
      give('share', async () => {
        throw new DOMException('cancelled', 'AbortError');
      });
      section.querySelector<HTMLButtonElement>('.share')!.click();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await element.updateComplete;
      expect(clipboard.written).to.deep.equal([]);
      expect(section.querySelector('.share-status')!.textContent).to.equal('');
    });
  });
});

describe('outside WeChat', () => {
  it('下载 CSV downloads the file, with no help box', async () => {
    const column = await fixture<HTMLDivElement>(html`<div></div>`);
    const [example] = await examplesOf('budget');
    const element = document.createElement('gk-budget') as unknown as AnyGk;
    element.data = await (await fetch(example!.path)).json();
    column.append(element);
    await settled(element);
    const csv = await downloadedText(() => button(element, '下载 CSV').click());
    expect(csv.split('\n').length).to.be.greaterThan(2);
    expect(rootOf(element).querySelector('.file-help')).to.be.null;
  });
});
