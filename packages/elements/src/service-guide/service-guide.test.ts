import '@gongkai/core/translations/en';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import type { GkErrorEvent, GkServiceSelectEvent } from '../base/events.js';
import { GkServiceGuideElement } from './service-guide.js';
import { failOnHostPageErrors } from '../base/internal/test-support.js';

async function example(name: string): Promise<Record<string, unknown>> {
  return (await (await fetch(new URL(`./examples/${name}.json`, import.meta.url))).json()) as Record<string, unknown>;
}

async function guide(data: unknown, lang = 'zh-CN'): Promise<GkServiceGuideElement> {
  const el = await fixture<GkServiceGuideElement>(
    html`<gk-service-guide .data=${data} lang=${lang}></gk-service-guide>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('article, [role="alert"]'), 'service guide did not render');
  await el.updateComplete;
  return el;
}

const root = (el: Element) => el.shadowRoot!;
const text = (el: Element, selector: string) =>
  root(el).querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
const headings = (el: Element) => [...root(el).querySelectorAll('h3')].map((h) => h.textContent!.trim());

failOnHostPageErrors();

beforeEach(() => localStorage.clear());
afterEach(() => history.replaceState(null, '', location.pathname + location.search));

describe('<gk-service-guide>', () => {
  it('answers what to bring and where to go first, then the whole guide', async () => {
    const el = await guide(await example('physician-registration'));
    expect(text(el, 'h2')).to.equal('医师执业注册');
    expect(text(el, '.meta')).to.equal('行政许可 · 平罗县卫生健康局 · 事项编码 000117001000');
    expect(headings(el)).to.deep.equal([
      '要带什么',
      '去哪里办',
      '材料清单',
      '受理条件',
      '办理流程',
      '时限和收费',
      '办理地点和时间',
      '设定依据',
      '办理结果',
      '咨询和投诉',
      '变更记录',
    ]);
    expect(text(el, '.bring .big')).to.equal('需准备 6 项材料（另有 1 项视情形提交）');
    expect(text(el, '.where .big')).to.equal('平罗县政务服务中心');
    expect([...root(el).querySelectorAll('.where .facts li')].map((li) => li.textContent!.trim())).to.deep.equal([
      '最多跑一次',
      '承诺 5 个工作日办结（法定 20 个工作日）',
      '不收费',
    ]);
    expect(root(el).querySelector<HTMLAnchorElement>('a.online')!.href).to.equal('https://zwfw.nx.gov.cn/');
    // The conditional material says when it is needed.
    expect(text(el, '.materials li:last-child .detail')).to.contain('视情形：获得医师资格后二年内未注册');
    await expect(el).to.be.accessible();
  });

  it('"查看材料清单" takes the keyboard to the checklist', async () => {
    const el = await guide(await example('physician-registration'));
    root(el).querySelector<HTMLButtonElement>('.bring button')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(root(el).activeElement?.textContent).to.equal('材料清单');
  });

  it('the checklist is ticked by keyboard, kept on the device, and cleared', async () => {
    const el = await guide(await example('physician-registration'));
    const boxes = () => [...root(el).querySelectorAll<HTMLInputElement>('.materials input[type="checkbox"]')];
    expect(boxes()).to.have.length(7);
    // Each box is named by its label.
    expect(boxes()[1]!.labels![0]!.textContent).to.contain('居民身份证');
    boxes()[1]!.focus();
    await sendKeys({ press: 'Space' });
    boxes()[2]!.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(text(el, '.progress')).to.equal('已准备 2 / 7 项');
    expect(JSON.parse(localStorage.getItem('gk-service-guide:平罗县卫生健康局:000117001000')!)).to.deep.equal([
      '居民身份证',
      '医师资格证书',
    ]);

    // Another visit: the ticks are still there.
    el.remove();
    const again = await guide(await example('physician-registration'));
    expect(
      [...root(again).querySelectorAll<HTMLInputElement>('.materials input')].map((box) => box.checked),
    ).to.deep.equal([false, true, true, false, false, false, false]);
    const clear = [...root(again).querySelectorAll('button')].find(
      (button) => button.textContent!.trim() === '清除勾选',
    )!;
    clear.click();
    await again.updateComplete;
    expect(text(again, '.progress')).to.equal('已准备 0 / 7 项');
    expect(localStorage.getItem('gk-service-guide:平罗县卫生健康局:000117001000')).to.be.null;
  });

  it('without storage (blocked, full, or a page that broke it) ticks still work and the reader is told they will not be kept', async () => {
    const proto = Storage.prototype;
    const { getItem, setItem } = proto;
    proto.getItem = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    proto.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      const el = await guide(await example('physician-registration'));
      const box = root(el).querySelector<HTMLInputElement>('.materials input')!;
      box.click();
      await el.updateComplete;
      expect(box.checked).to.be.true;
      expect(text(el, '.progress')).to.equal('已准备 1 / 7 项');
      expect(text(el, '.hint')).to.equal('此浏览器不能保存勾选，离开页面后不会保留。');
    } finally {
      proto.getItem = getItem;
      proto.setItem = setItem;
    }
  });

  it('prints the checklist on one page: what to bring, where to go and the list, nothing else', async () => {
    const el = await guide(await example('physician-registration'));
    let during: { classes: string; sections: string[]; height: number } | undefined;
    const print = window.print;
    await emulateMedia({ media: 'print' });
    window.print = () => {
      const article = root(el).querySelector('article')!;
      during = {
        classes: article.className,
        sections: [...article.querySelectorAll('section')]
          .filter((section) => getComputedStyle(section).display !== 'none')
          .map((section) => section.className),
        height: article.getBoundingClientRect().height,
      };
    };
    try {
      const button = [...root(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === '打印材料清单')!;
      button.click();
      await waitUntil(() => during, 'window.print was not called');
      expect(during!.classes).to.contain('print-checklist');
      expect(during!.sections).to.deep.equal(['bring', 'where', 'checklist']);
      // An A4 page at 96 dpi is 1123 px high; with the browser's margins about 1000 are left.
      expect(during!.height).to.be.below(1000);
      await el.updateComplete;
      expect(root(el).querySelector('article')!.className).not.to.contain('print-checklist');
      // Printing the page itself prints the whole guide, without the buttons.
      expect(getComputedStyle(root(el).querySelector('section.changes')!).display).to.equal('block');
      expect(getComputedStyle(root(el).querySelector('.actions')!).display).to.equal('none');
    } finally {
      window.print = print;
      await emulateMedia({ media: 'screen' });
    }
  });

  it('a browser without print(), or a page whose print() throws: the button throws nothing into the page', async () => {
    const el = await guide(await example('physician-registration'));
    const print = window.print;
    const button = [...root(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === '打印材料清单')!;
    try {
      window.print = () => {
        throw new Error('no printing here');
      };
      button.click();
      await el.updateComplete;
      (window as { print?: unknown }).print = undefined;
      button.click();
      await el.updateComplete;
      await waitUntil(
        () => !root(el).querySelector('article')!.className.includes('print-checklist'),
        'still printing',
      );
    } finally {
      window.print = print;
    }
  });

  it('the change record: newest first, each with its publication and effective dates', async () => {
    const el = await guide(await example('physician-registration'));
    const rows = [...root(el).querySelectorAll('.changes tbody tr')].map((tr) =>
      [...tr.children].map((cell) => cell.textContent!.trim()),
    );
    expect(rows.map((row) => row.slice(1))).to.deep.equal([
      ['2025年3月4日', '2025年3月5日'],
      ['2023年5月10日', '2023年5月15日'],
      ['2022年3月1日', '2022年3月1日'],
    ]);
    expect(text(el, '.updated')).to.equal('本指南更新于2025年3月4日');
  });

  it('a listing: search by name, code or material, open a guide by keyboard and come back', async () => {
    const el = await guide(await example('bureau-services'));
    expect(text(el, 'h2')).to.equal('平罗县卫生健康局办事指南');
    expect([...root(el).querySelectorAll('.services h3')].map((h) => h.textContent!.trim())).to.deep.equal([
      '医师执业注册',
      '护士执业注册',
      '诊所备案',
    ]);
    expect(text(el, '.count')).to.equal('共 3 项');
    await expect(el).to.be.accessible();

    const search = root(el).querySelector<HTMLInputElement>('input[type="search"]')!;
    expect(search.labels![0]!.textContent).to.equal('搜索办事事项');
    search.focus();
    await sendKeys({ type: '营业执照' });
    await el.updateComplete;
    expect([...root(el).querySelectorAll('.services h3')].map((h) => h.textContent!.trim())).to.deep.equal([
      '诊所备案',
    ]);
    expect(root(el).querySelector('.count')!.getAttribute('role')).to.equal('status');
    search.value = '';
    await sendKeys({ type: '不存在的事项' });
    await el.updateComplete;
    expect(text(el, '.count')).to.equal('没有找到与“不存在的事项”相符的事项');
    search.select();
    await sendKeys({ type: '000117002' });
    await el.updateComplete;

    const open = root(el).querySelector<HTMLButtonElement>('.services button')!;
    expect(open.textContent!.replace(/\s+/g, '')).to.equal('查看办事指南：护士执业注册');
    const selected = oneEvent(el, 'gk-service-select') as Promise<GkServiceSelectEvent>;
    open.focus();
    await sendKeys({ press: 'Enter' });
    expect((await selected).detail.code).to.equal('000117002000');
    await el.updateComplete;
    await waitUntil(() => root(el).activeElement?.getAttribute('part') === 'title', 'focus did not move to the guide');
    expect(text(el, 'h2')).to.equal('护士执业注册');
    expect(location.hash).to.equal('#service=000117002000');
    expect(text(el, '.where .facts li')).to.equal('全程网办，无需到现场');

    root(el).querySelector<HTMLButtonElement>('button.back')!.click();
    await el.updateComplete;
    expect(location.hash).to.equal('');
    await waitUntil(
      () => root(el).activeElement?.getAttribute('data-code') === '000117002000',
      'focus did not return to the item',
    );
  });

  it('a deep link opens one guide of a listing', async () => {
    history.replaceState(null, '', '#service=000117003000');
    const el = await guide(await example('bureau-services'));
    expect(text(el, 'h2')).to.equal('诊所备案');
    expect(text(el, '.bring .big')).to.equal('需准备 4 项材料（另有 1 项视情形提交）');
  });

  it('in English', async () => {
    const el = await guide(await example('physician-registration'), 'en');
    expect(headings(el).slice(0, 3)).to.deep.equal(['What to bring', 'Where to go', 'Checklist of documents']);
    expect(text(el, '.bring .big')).to.equal('6 documents to prepare (1 more in some cases)');
    expect(text(el, '.where .facts li')).to.equal('At most one visit');
    expect(text(el, '.progress')).to.equal('0 of 7 ready');
  });

  it('fits 320 px, one column, and every example passes axe', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      for (const name of ['physician-registration', 'bureau-services']) {
        const el = await guide(await example(name));
        expect(document.documentElement.scrollWidth, name).to.be.at.most(320);
        await expect(el).to.be.accessible();
        el.remove();
      }
      const el = await guide(await example('physician-registration'));
      const [bring, where] = [...root(el).querySelectorAll('.first-screen > section')].map((section) =>
        section.getBoundingClientRect(),
      );
      expect(where!.top).to.be.at.least(bring!.bottom);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('a guide that breaks the rules: each problem with its path', async () => {
    const el = document.createElement('gk-service-guide');
    const failed = oneEvent(el, 'gk-error') as Promise<GkErrorEvent>;
    el.data = (await example('invalid')) as GkServiceGuideElement['data'];
    document.body.append(el);
    const messages = (await failed).detail.messages.join('\n');
    expect(messages).to.contain('services[0].promisedDays：承诺办结时限 25 个工作日长于法定时限 20 个工作日');
    expect(messages).to.contain('services[0].fee.standard：收费事项须填写收费标准');
    expect(messages).to.contain('services[0].materials[6].when：材料“培训考核合格证明”不是必需的');
    expect(messages).to.contain('services[0].online：到现场次数为 0（全程网办）时须填写在线办理地址');
    expect(messages).to.contain('services[0].updated：更新日期 2024-01-01 早于最近一次变更的公开日期 2025-03-04');
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('a change without its effective date is refused', async () => {
    const doc = await example('physician-registration');
    const item = (doc.services as Array<{ changes: Array<Record<string, string>> }>)[0]!;
    delete item.changes[0]!.effective;
    const el = document.createElement('gk-service-guide');
    const failed = oneEvent(el, 'gk-error') as Promise<GkErrorEvent>;
    el.data = doc as GkServiceGuideElement['data'];
    document.body.append(el);
    expect((await failed).detail.messages.join('\n')).to.contain('services[0].changes[0].effective：缺少必填字段');
    el.remove();
  });
});
