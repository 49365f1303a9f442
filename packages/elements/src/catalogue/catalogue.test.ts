import '@gongkai/core/translations/en';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { GkErrorEvent } from '../base/events.js';
import { GkCatalogueElement } from './catalogue.js';
import { downloadedText, failOnHostPageErrors } from '../base/internal/test-support.js';

const OFFICES = ['综合管理办公室', '医政医管股', '公共卫生股'];

/** A proactive catalogue with the statutory columns, a category tree, and 45 items. */
function proactive(): Record<string, unknown> {
  return {
    kind: 'catalogue',
    version: 1,
    title: '平罗县卫生和计划生育局主动公开基本目录',
    owner: '平罗县卫生和计划生育局',
    type: '主动公开',
    updated: '2018-07-04',
    categories: [
      { id: 'jcgk', name: '决策公开', children: [{ id: 'zcwj', name: '政策文件' }] },
      { id: 'yjs', name: '预决算' },
    ],
    columns: [
      { key: 'office', label: '责任科室', type: 'enum', values: OFFICES, facet: true },
      { key: 'timeLimit', label: '公开时限', type: 'text' },
      { key: 'review', label: '审核程序', type: 'text' },
      { key: 'platform', label: '发布平台', type: 'text' },
    ],
    items: Array.from({ length: 45 }, (_, i) => ({
      id: `zd-${i + 1}`,
      title: i === 3 ? '2018年部门预算公开说明' : `第${i + 1}项政务公开事项`,
      category: i % 3 === 0 ? 'yjs' : i % 3 === 1 ? 'zcwj' : 'jcgk',
      date: `201${6 + (i % 3)}-0${(i % 9) + 1}-15`,
      office: OFFICES[i % 3],
      timeLimit: '形成或变更之日起20个工作日内',
      review: '科室初审、分管领导审核、保密审查',
      platform: '县政府网站',
    })),
  };
}

/** A record listing of penalties with names, ID numbers and phones to de-identify, and one exempt column. */
function penalties(): Record<string, unknown> {
  return {
    kind: 'catalogue',
    version: 1,
    title: '2018年行政处罚信息',
    owner: '平罗县卫生和计划生育局',
    type: '记录',
    columns: [
      { key: 'party', label: '当事人', type: 'text', deidentify: 'name' },
      { key: 'idNumber', label: '身份证号', type: 'text', deidentify: 'id' },
      { key: 'phone', label: '联系电话', type: 'text', deidentify: 'phone' },
      {
        key: 'legalRep',
        label: '法定代表人',
        type: 'text',
        deidentify: 'name',
        exempt: '依据《行政处罚法》，行政处罚决定须公开法定代表人姓名',
      },
      { key: 'amount', label: '罚款金额', type: 'money' },
    ],
    items: [
      {
        id: 'cf-1',
        title: '无证行医案',
        date: '2018-03-02',
        party: '欧阳娜娜',
        idNumber: '640221199001011231',
        phone: '13812345678',
        legalRep: '张大明',
        amount: 5000,
      },
      {
        id: 'cf-2',
        title: '未取得许可擅自经营案',
        date: '2018-05-10',
        party: '张三',
        idNumber: '640221198512300014',
        phone: '0952-6012345',
        legalRep: '李四',
        amount: 12000,
      },
    ],
  };
}

/**
 * A replies board with personal data written the way people write it: in a
 * de-identified text column, in the Markdown full text, with the office's own
 * 咨询电话 declared public and its hotline column exempt.
 */
function writtenReplies(): Record<string, unknown> {
  return {
    kind: 'catalogue',
    version: 1,
    title: '局长信箱：答复公开',
    owner: '平罗县卫生和计划生育局',
    type: '记录',
    publicContacts: ['0952-6012345'],
    columns: [
      { key: 'sender', label: '来信人', type: 'text', deidentify: 'name' },
      { key: 'summary', label: '来信摘要', type: 'text', deidentify: 'text' },
      {
        key: 'hotline',
        label: '承办科室电话',
        type: 'text',
        deidentify: 'phone',
        exempt: '承办科室的办公电话，依职责公开',
      },
    ],
    items: [
      {
        id: 'xx-1',
        title: '关于补助发放的询问',
        date: '2018-05-03',
        sender: '马秀英',
        summary: '我叫马秀英，电话１３９ ５２３１ ４６８０，家住平罗县城关镇南大街12号3单元501室',
        hotline: '0952-6018800',
        body: '**来信内容**\n\n身份证号 640221 19680412 1350，联系人：李国强（手机138-0952-1234），邮箱liguoqiang@163.com。\n\n**答复**\n\n如有疑问请致电0952-6012345。',
      },
    ],
  };
}

const WRITTEN_SUMMARY = '我叫马**，电话１３９ **** ４６８０，家住平罗县…';
const WRITTEN_BODY = [
  '身份证号 640221 ******** 1350，联系人：李**（手机138-****-1234），邮箱l*********@163.com。',
  '如有疑问请致电0952-6012345。',
];
/** What was written and must not be shown, searched or exported: digits in either width, the street, the names. */
const WRITTEN_PERSONAL = ['５２３１', '5231', '19680412', '0952-1234', 'liguoqiang', '南大街', '秀英', '国强'];

async function catalogue(
  data: unknown,
  attrs: { view?: 'table' | 'cards'; lang?: string } = {},
): Promise<GkCatalogueElement> {
  const el = await fixture<GkCatalogueElement>(
    html`<gk-catalogue .data=${data} view=${attrs.view ?? 'table'} lang=${attrs.lang ?? 'zh-CN'}></gk-catalogue>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('section, [role="alert"]'), 'catalogue did not render');
  await el.updateComplete;
  return el;
}

const root = (el: Element) => el.shadowRoot!;
const titles = (el: Element) =>
  [...root(el).querySelectorAll('tbody th[scope="row"]')].map((th) => th.textContent!.trim());
const status = (el: Element) => root(el).querySelector('.count-line')!.textContent!.replace(/\s+/g, ' ').trim();

failOnHostPageErrors();
// Each test starts without a hash: the element keeps its state there.
beforeEach(() => history.replaceState(null, '', location.pathname + location.search));

describe('<gk-catalogue> examples', () => {
  for (const name of [
    'proactive-2018',
    'on-application-2018',
    'negative-list-2018',
    'enforcement-2018',
    'replies-2018',
  ]) {
    it(`${name} renders and passes axe`, async () => {
      const data = await (await fetch(new URL(`./examples/${name}.json`, import.meta.url))).json();
      const el = await catalogue(data);
      expect(titles(el).length).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
    });
  }

  it('the enforcement records show de-identified people and named businesses', async () => {
    const data = await (await fetch(new URL('./examples/enforcement-2018.json', import.meta.url))).json();
    const el = await catalogue(data, { view: 'cards' });
    const text = root(el).querySelector('.cards')!.textContent!;
    expect(text).to.match(/\d{6}\*{8}[\dX]{4}/);
    expect(text).not.to.match(/\d{17}[\dX]/);
  });
});

describe('<gk-catalogue>', () => {
  it('lists items in a table with headers, a caption and pages of 20', async () => {
    const el = await catalogue(proactive());
    expect(root(el).querySelector('caption')!.textContent).to.contain('主动公开基本目录');
    expect([...root(el).querySelectorAll('thead th')].map((th) => th.textContent!.trim())).to.include.members([
      '标题',
      '日期',
      '责任科室',
      '公开时限',
      '审核程序',
      '发布平台',
    ]);
    expect(titles(el)).to.have.length(20);
    expect(status(el)).to.equal('共 45 条');
    const next = [...root(el).querySelectorAll<HTMLButtonElement>('.pager button')][1]!;
    next.click();
    await el.updateComplete;
    expect(root(el).querySelector('.pager span')!.textContent).to.equal('第 2 页，共 3 页');
    await expect(el).to.be.accessible();
  });

  it('searches Chinese text without word spaces and highlights the match; the count is announced', async () => {
    const el = await catalogue(proactive());
    const input = root(el).querySelector<HTMLInputElement>('input[type="search"]')!;
    input.focus();
    await sendKeys({ type: '预算公开' });
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['2018年部门预算公开说明']);
    expect(root(el).querySelector('tbody mark')!.textContent).to.equal('预算公开');
    expect(root(el).querySelector('.count-line')!.getAttribute('role')).to.equal('status');
    expect(status(el)).to.equal('共 1 条（全部 45 条）');
  });

  it('finds items by pinyin initials (预算公开 → ysgk)', async () => {
    const el = await catalogue(proactive());
    const input = root(el).querySelector<HTMLInputElement>('input[type="search"]')!;
    input.focus();
    await sendKeys({ type: 'ysgk' });
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['2018年部门预算公开说明']);
  });

  it('filters by category (with its sub-categories) and by facet, with counts that follow', async () => {
    const el = await catalogue(proactive());
    const tree = [...root(el).querySelectorAll<HTMLButtonElement>('.tree button')];
    const decision = tree.find((button) => button.textContent!.includes('决策公开'))!;
    expect(decision.textContent).to.contain('30'); // 决策公开 includes 政策文件
    decision.click();
    await el.updateComplete;
    expect(status(el)).to.equal('共 30 条（全部 45 条）');
    const select = root(el).querySelector<HTMLSelectElement>('.filters select')!;
    const options = [...select.options].map((option) => option.textContent);
    expect(options).to.include('医政医管股（15）');
    select.value = '医政医管股';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(status(el)).to.equal('共 15 条（全部 45 条）');
  });

  it('keeps the view in the URL hash: a link restores it, Back undoes a filter', async () => {
    const el = await catalogue(proactive());
    const input = root(el).querySelector<HTMLInputElement>('input[type="search"]')!;
    input.value = '预算';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(new URLSearchParams(location.hash.slice(1)).get('q')).to.equal('预算');
    input.value = '';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const tree = [...root(el).querySelectorAll<HTMLButtonElement>('.tree button')];
    tree.find((button) => button.textContent!.includes('预决算'))!.click();
    await el.updateComplete;
    expect(status(el)).to.equal('共 15 条（全部 45 条）');
    const popped = oneEvent(window, 'hashchange');
    history.back();
    await popped;
    await waitUntil(() => status(el) === '共 45 条', 'Back did not undo the filter');
    // A link with the view in it.
    history.replaceState(null, '', '#q=%E9%A2%84%E7%AE%97');
    const linked = await catalogue(proactive());
    expect(status(linked)).to.equal('共 1 条（全部 45 条）');
  });

  it('typing does not fill the history; a filter is a step Back undoes, and the select follows', async () => {
    const el = await catalogue(proactive());
    const before = history.length;
    const input = root(el).querySelector<HTMLInputElement>('input[type="search"]')!;
    input.focus();
    await sendKeys({ type: '政务' });
    await el.updateComplete;
    expect(history.length - before).to.be.at.most(1);
    const select = root(el).querySelector<HTMLSelectElement>('.filters select')!;
    for (const office of ['医政医管股', '公共卫生股']) {
      select.value = office;
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
    }
    const popped = oneEvent(window, 'hashchange');
    history.back();
    await popped;
    await el.updateComplete;
    expect(select.value).to.equal('医政医管股');
    expect(status(el)).to.match(/^共 \d+ 条/);
  });

  it('keeps parameters that are not its own in the hash', async () => {
    history.replaceState(null, '', '#other.q=x');
    const el = await catalogue(proactive());
    const select = root(el).querySelector<HTMLSelectElement>('.filters select')!;
    select.value = '医政医管股';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const params = new URLSearchParams(location.hash.slice(1));
    expect(params.get('other.q')).to.equal('x');
    expect(params.get('f.office')).to.equal('医政医管股');
  });

  it('an itemsUrl that fails says so and offers to try again', async () => {
    const header = { ...proactive(), items: [], itemsUrl: '/test-api/not-found.json' };
    const el = await catalogue(header);
    await waitUntil(() => root(el).querySelector('.item-problems'), 'no error shown');
    expect(root(el).querySelector('.item-problems')!.textContent).to.contain('HTTP 404');
    expect(root(el).querySelector('.item-problems button')!.textContent).to.contain('重新加载');
  });

  it('de-identifies declared columns before showing, searching or exporting, and says which column is exempt', async () => {
    const el = await catalogue(penalties());
    const text = root(el).querySelector('tbody')!.textContent!;
    expect(text).to.contain('欧阳**');
    expect(text).to.contain('640221********1231');
    expect(text).to.contain('138****5678');
    expect(text).to.contain('0952-****345');
    expect(text).not.to.contain('13812345678');
    expect(text).to.contain('张大明'); // exempt by law
    expect(root(el).querySelector('.notice.exempt')!.textContent).to.contain('行政处罚法');
    expect(root(el).querySelector('.notice')!.textContent).to.contain('已作去标识化处理');

    const input = root(el).querySelector<HTMLInputElement>('input[type="search"]')!;
    input.value = '娜娜';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(titles(el)).to.deep.equal([], 'a masked name cannot be found by search');

    input.value = '';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const csv = await downloadedText(() =>
      [...root(el).querySelectorAll<HTMLButtonElement>('.buttons button')]
        .find((button) => button.textContent!.includes('CSV'))!
        .click(),
    );
    expect(csv).to.contain('2018年行政处罚信息');
    expect(csv).to.contain('欧阳**');
    expect(csv).not.to.contain('640221199001011231');
  });

  it('masks personal data written the way people write it in the table, the cards, the search and both exports; public numbers and exempt columns stay', async () => {
    const el = await catalogue(writtenReplies());
    const table = root(el).querySelector('tbody')!;
    expect(table.textContent).to.contain(WRITTEN_SUMMARY);
    expect(table.textContent).to.contain('马**');
    expect(table.textContent).to.contain('0952-6018800'); // exempt
    root(el).querySelector<HTMLButtonElement>('button.more')!.click();
    await el.updateComplete;
    // The full text is Markdown: masks are shown as stars, never as emphasis.
    const fullText = root(el).querySelector('.full-text')!;
    expect(fullText.textContent).to.contain(WRITTEN_BODY[0]);
    expect(fullText.textContent).to.contain(WRITTEN_BODY[1]);
    expect(fullText.querySelectorAll('strong')).to.have.length(2); // 来信内容 and 答复 only
    for (const text of WRITTEN_PERSONAL)
      expect(root(el).querySelector('.results')!.textContent, text).not.to.contain(text);
    expect(root(el).querySelector('.notice')!.textContent).to.contain('“来信人”、“来信摘要”');

    const input = root(el).querySelector<HTMLInputElement>('input[type="search"]')!;
    const search = async (q: string) => {
      input.value = q;
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      return status(el);
    };
    for (const text of WRITTEN_PERSONAL)
      expect(await search(text), `search for ${text}`).to.equal('共 0 条（全部 1 条）');
    expect(await search('6012345'), 'the public 咨询电话 is searchable').to.equal('共 1 条（全部 1 条）');
    expect(await search('马**')).to.equal('共 1 条（全部 1 条）');
    await search('');

    const csv = await downloadedText(() =>
      [...root(el).querySelectorAll<HTMLButtonElement>('.buttons button')]
        .find((button) => button.textContent!.includes('CSV'))!
        .click(),
    );
    expect(csv).to.contain(WRITTEN_SUMMARY);
    const json = JSON.parse(
      await downloadedText(() =>
        [...root(el).querySelectorAll<HTMLButtonElement>('.buttons button')]
          .find((button) => button.textContent!.includes('JSON'))!
          .click(),
      ),
    ) as { items: Array<Record<string, string>> };
    expect(json.items[0]!.summary).to.equal(WRITTEN_SUMMARY);
    expect(json.items[0]!.sender).to.equal('马**');
    expect(json.items[0]!.body).to.contain('640221 \\*\\*\\*\\*\\*\\*\\*\\* 1350');
    for (const text of WRITTEN_PERSONAL) {
      expect(csv, `CSV: ${text}`).not.to.contain(text);
      expect(JSON.stringify(json), `JSON: ${text}`).not.to.contain(text);
    }

    el.view = 'cards';
    await el.updateComplete;
    const cards = root(el).querySelector('.cards')!;
    expect(cards.textContent).to.contain(WRITTEN_SUMMARY);
    for (const text of WRITTEN_PERSONAL) expect(cards.textContent, `cards: ${text}`).not.to.contain(text);
    await expect(el).to.be.accessible();
  });

  it('shows cards by default where it is narrow (a phone), with nothing overflowing at 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await fixture<GkCatalogueElement>(html`<gk-catalogue .data=${proactive()}></gk-catalogue>`);
      await waitUntil(() => root(el).querySelector('.cards li'), 'no cards at 320 px');
      expect(root(el).querySelector('table')).to.be.null;
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  describe('on a phone', () => {
    before(() => setViewport({ width: 375, height: 667 }));
    after(() => setViewport({ width: 800, height: 600 }));

    const phone = async (data = proactive()) => {
      const el = await fixture<GkCatalogueElement>(html`<gk-catalogue .data=${data}></gk-catalogue>`);
      await waitUntil(() => root(el).querySelector('.cards li'), 'no cards on a phone');
      return el;
    };
    const shown = (element: Element | null) => !!element && element.getBoundingClientRect().height > 0;

    it('筛选 is a disclosure: Enter opens the panel right after it, Escape closes it and focus returns; 查看 N 条结果 closes it and focus goes to the count', async () => {
      const el = await phone();
      const toggle = root(el).querySelector<HTMLButtonElement>('.filter-toggle')!;
      const panel = root(el).querySelector<HTMLElement>(`#${toggle.getAttribute('aria-controls')}`)!;
      expect(panel.classList.contains('filters')).to.be.true;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(shown(panel)).to.be.false;
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(shown(panel)).to.be.true;
      // The panel follows its button in reading order: the next Tab is inside it.
      await sendKeys({ press: 'Tab' });
      expect(panel.contains(root(el).activeElement)).to.be.true;
      const branch = [...panel.querySelectorAll<HTMLButtonElement>('.tree button')].find((button) =>
        button.textContent!.includes('政策文件'),
      )!;
      branch.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(panel.querySelector('.filters-done')!.textContent!.trim()).to.equal('查看 15 条结果');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(shown(panel)).to.be.false;
      expect(root(el).activeElement).to.equal(toggle);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      panel.querySelector<HTMLButtonElement>('.filters-done')!.click();
      await waitUntil(
        () => root(el).activeElement?.classList.contains('count-line'),
        'focus did not go to the count of results',
      );
      expect(shown(panel)).to.be.false;
      expect(status(el)).to.equal('共 15 条（全部 45 条）');
      await expect(el).to.be.accessible();
    });

    it('active filters show as chips, and 筛选 says how many; a chip removes its filter, and focus goes to the next chip, then to 筛选', async () => {
      const el = await phone();
      const toggle = root(el).querySelector<HTMLButtonElement>('.filter-toggle')!;
      expect(root(el).querySelector('.chips')).to.be.null;
      toggle.click();
      await el.updateComplete;
      [...root(el).querySelectorAll<HTMLButtonElement>('.tree button')]
        .find((button) => button.textContent!.includes('决策公开'))!
        .click();
      await el.updateComplete;
      const select = root(el).querySelector<HTMLSelectElement>('.filters select')!;
      select.value = '医政医管股';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      root(el).querySelector<HTMLButtonElement>('.filters-done')!.click();
      await el.updateComplete;
      expect(toggle.textContent!.trim()).to.equal('筛选（2）');
      let chips = [...root(el).querySelectorAll<HTMLButtonElement>('.chip')];
      expect(chips.map((chip) => chip.textContent!.replace(/\s+/g, ''))).to.deep.equal([
        '分类：决策公开✕',
        '责任科室：医政医管股✕',
      ]);
      expect(chips[0]!.getAttribute('aria-label')).to.equal('取消筛选：分类：决策公开');
      // On the first screen, beside the count.
      expect(chips[1]!.getBoundingClientRect().bottom).to.be.at.most(innerHeight);
      chips[0]!.click();
      await waitUntil(() => root(el).querySelectorAll('.chip').length === 1);
      expect(status(el)).to.equal('共 15 条（全部 45 条）');
      chips = [...root(el).querySelectorAll<HTMLButtonElement>('.chip')];
      await waitUntil(() => root(el).activeElement === chips[0], 'focus did not go to the remaining chip');
      chips[0]!.click();
      await waitUntil(() => root(el).querySelectorAll('.chip').length === 0);
      await waitUntil(() => root(el).activeElement === toggle, 'focus did not go to 筛选');
      expect(toggle.textContent!.trim()).to.equal('筛选');
      expect(status(el)).to.equal('共 45 条');
    });

    it('the description waits behind 目录说明, and the first entry is on the first screen', async () => {
      const el = await phone({
        ...proactive(),
        description:
          '依据《2018年政务公开工作要点》编制。\n\n- 目录实行动态调整。\n- 目录中没有的信息，可以依申请公开。',
      });
      const about = root(el).querySelector<HTMLButtonElement>('.about .collapse-toggle')!;
      const body = root(el).querySelector<HTMLElement>(`#${about.getAttribute('aria-controls')}`)!;
      expect(shown(body)).to.be.false;
      expect(root(el).querySelector('.cards li')!.getBoundingClientRect().top).to.be.below(innerHeight);
      about.click();
      await el.updateComplete;
      expect(about.getAttribute('aria-expanded')).to.equal('true');
      expect(shown(body)).to.be.true;
      expect(body.textContent).to.contain('目录实行动态调整');
    });
  });

  it('shows cards on request and passes axe', async () => {
    const el = await catalogue(penalties(), { view: 'cards' });
    expect(root(el).querySelectorAll('.cards li')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('loads NDJSON items: bad lines are reported with their line numbers while the rest shows', async () => {
    const header = {
      kind: 'catalogue',
      version: 1,
      title: '行政许可和行政处罚',
      owner: '平罗县卫生和计划生育局',
      type: '记录',
      categories: [
        { id: 'xk', name: '行政许可' },
        { id: 'cf', name: '行政处罚' },
      ],
      columns: [{ key: 'kind', label: '类别', type: 'enum', values: ['行政许可', '行政处罚'], facet: true }],
      itemsUrl: '/test-api/items.ndjson',
    };
    const el = await catalogue(header);
    await waitUntil(() => status(el).startsWith('共 28 条'), `items did not load: ${status(el)}`);
    const problems = root(el).querySelector('.item-problems')!.textContent!;
    expect(problems).to.contain('2 条数据有问题');
    expect(problems).to.contain('第 8 行');
    expect(problems).to.contain('第 15 行');
    expect(problems).to.contain('分类“nope”不在 categories 中');
  });

  it('a catalogue without the statutory columns is an error naming what is missing', async () => {
    const data = proactive();
    data.columns = (data.columns as Array<{ key: string }>).filter((column) => column.key !== 'review');
    data.items = [];
    const el = document.createElement('gk-catalogue');
    const failed = oneEvent(el, 'gk-error') as Promise<GkErrorEvent>;
    el.data = data as GkCatalogueElement['data'];
    document.body.append(el);
    const event = await failed;
    expect(event.detail.messages.join('\n')).to.contain('缺少法定栏目“review”（审核程序）');
    el.remove();
  });
});
