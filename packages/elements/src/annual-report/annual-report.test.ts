import '@gongkai/core/translations/en';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import type { GkErrorEvent } from '../base/events.js';
import { GkAnnualReportElement } from './annual-report.js';
import { downloadedText, failOnHostPageErrors } from '../base/internal/test-support.js';

async function example(name: string): Promise<Record<string, unknown>> {
  return (await (await fetch(new URL(`./examples/${name}.json`, import.meta.url))).json()) as Record<string, unknown>;
}

async function report(data: unknown, lang?: string): Promise<GkAnnualReportElement> {
  const el = await fixture<GkAnnualReportElement>(
    html`<gk-annual-report .data=${data} lang=${lang ?? 'zh-CN'}></gk-annual-report>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('article, [role="alert"]'), 'annual report did not render');
  await el.updateComplete;
  return el;
}

const root = (el: Element) => el.shadowRoot!;
/** Table 三's row whose header says `label`, as [header, ...the seven numbers]. */
const table3Row = (el: Element, label: string) => {
  const row = [...root(el).querySelectorAll('.table3 tbody tr')].find((tr) =>
    tr.querySelector('th')!.textContent!.includes(label),
  );
  return row ? [...row.children].map((cell) => cell.textContent!.trim()) : undefined;
};

failOnHostPageErrors();

describe('<gk-annual-report>', () => {
  it('renders the six parts of the national template, in order', async () => {
    const el = await report(await example('report-2025'));
    const headings = [...root(el).querySelectorAll('section > h3')].map((h) => h.textContent!.trim());
    expect(headings).to.deep.equal([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    expect(root(el).querySelector('h2')!.textContent).to.equal('平罗县卫生健康局2025年政府信息公开工作年度报告');
    expect(root(el).querySelector('.meta')!.textContent).to.contain('2026年1月20日');
    // The overview is Markdown, through the one Markdown renderer: a list with bold figures.
    expect(
      [...root(el).querySelectorAll('#overview-title + .prose ol strong')].map((strong) => strong.textContent),
    ).to.include('416');
    await expect(el).to.be.accessible();
  });

  it("the year's headline figures come first, worked out from the tables", async () => {
    const el = await report(await example('report-2025'));
    const headline = root(el).querySelector('.headline')!;
    // Before the first part of the report.
    expect(
      headline.compareDocumentPosition(root(el).querySelector('section')!) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).to.be.greaterThan(0);
    expect(headline.querySelector('.headline-title')!.textContent).to.equal('2025年主要数据');
    const figures = [...headline.querySelectorAll('.figures > div')].map((each) => [
      each.querySelector('dt')!.textContent,
      each.querySelector('dd')!.textContent,
    ]);
    const total = (label: string) => `${table3Row(el, label)!.at(-1)}件`;
    const granted = table3Row(el, '（一）予以公开')!.at(-1)!;
    const done = table3Row(el, '（七）总计')!.at(-1)!;
    expect(figures).to.deep.equal([
      ['新收公开申请', total('一、本年新收')],
      ['办结申请', total('（七）总计')],
      ['予以公开', `${granted}件${Math.round((Number(granted) / Number(done)) * 1000) / 10}%`],
      ['行政复议', '1件'], // review: 1 upheld
      ['行政诉讼', '0件'],
    ]);
  });

  it('table 三 has the template’s column groups and works out every total', async () => {
    const el = await report(await example('report-2025'));
    const head = [...root(el).querySelectorAll('.table3 thead tr')].map((tr) =>
      [...tr.children].map((th) => [
        th.textContent!.trim(),
        th.getAttribute('scope'),
        th.getAttribute('colspan') ?? th.getAttribute('rowspan') ?? '',
      ]),
    );
    expect(head[0]).to.deep.equal([
      ['项目', 'col', '2'],
      ['自然人', 'col', '2'],
      ['法人或其他组织', 'colgroup', '5'],
      ['总计', 'col', '2'],
    ]);
    expect(head[1]!.map(([text]) => text)).to.deep.equal([
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
    ]);
    expect(table3Row(el, '一、本年新收')).to.deep.equal([
      '一、本年新收政府信息公开申请数量',
      '21',
      '3',
      '0',
      '1',
      '2',
      '1',
      '28',
    ]);
    // A category is the sum of its cases; a case names its category to a screen reader.
    expect(table3Row(el, '（三）不予公开')).to.deep.equal(['（三）不予公开', '2', '1', '0', '0', '1', '0', '4']);
    const thirdParty = [...root(el).querySelectorAll('.table3 tr.case th')].find((th) =>
      th.textContent!.includes('保护第三方合法权益'),
    )!;
    expect(thirdParty.textContent).to.equal('不予公开：4.保护第三方合法权益');
    expect(thirdParty.querySelector('.visually-hidden')!.textContent).to.equal('不予公开：');
    expect(table3Row(el, '（七）总计')).to.deep.equal(['（七）总计', '23', '3', '0', '1', '2', '1', '30']);
    expect(table3Row(el, '四、结转下年度')).to.deep.equal([
      '四、结转下年度继续办理',
      '0',
      '1',
      '0',
      '0',
      '0',
      '0',
      '1',
    ]);
    // Every row of the template: 一, 二, the 三 heading, 6 categories and their 19 cases, 总计, 四.
    expect(root(el).querySelectorAll('.table3 tbody tr')).to.have.length(2 + 1 + 6 + 19 + 1 + 1);
  });

  it('the outcomes chart: a sentence from the data, bars a keyboard can walk, a data table and CSV', async () => {
    const el = await report(await example('report-2025'));
    expect(root(el).querySelector('.chart-summary')!.textContent).to.equal(
      '2025年共收到政府信息公开申请28件，上年结转3件；本年办结30件，其中予以公开13件，占43.3%；结转下年度1件。',
    );
    const marks = [...root(el).querySelectorAll<SVGGElement>('svg.chart .mark')];
    expect(marks.map((mark) => mark.dataset.id)).to.deep.equal([
      '予以公开',
      '无法提供',
      '部分公开',
      '不予公开',
      '不予处理',
      '其他处理',
    ]);
    expect(marks.filter((mark) => mark.getAttribute('tabindex') === '0')).to.have.length(1);
    marks[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(root(el).activeElement?.getAttribute('aria-label')).to.equal('无法提供，6件，20%');
    expect(root(el).querySelector('.chart-tooltip')!.textContent).to.contain('6件');

    const tableCsv = root(el).querySelector<HTMLButtonElement>('.table-actions button')!;
    // Told apart from the chart's own CSV button by its name.
    expect(tableCsv.textContent!.trim()).to.equal('下载表三（CSV）');
    const csv = await downloadedText(() => tableCsv.click());
    const lines = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).to.equal(
      '项目,自然人,法人或其他组织：商业企业,法人或其他组织：科研机构,法人或其他组织：社会公益组织,法人或其他组织：法律服务机构,法人或其他组织：其他,总计',
    );
    expect(lines).to.have.length(1 + 2 + 6 + 19 + 1 + 1);
    expect(lines).to.include('不予公开：4.保护第三方合法权益,1,1,0,0,0,0,2');
  });

  it('the proactive and appeals tables', async () => {
    const el = await report(await example('report-2025'));
    const rows = [...root(el).querySelectorAll('#proactive-title ~ .table-scroll tbody tr')].map((tr) =>
      [...tr.children].map((c) => c.textContent!.trim()),
    );
    expect(rows).to.deep.equal([
      ['规章', '0', '0', '0'],
      ['行政规范性文件', '2', '1', '9'],
      ['行政许可', '1,268'],
      ['行政处罚', '37'],
      ['行政强制', '2'],
      ['行政事业性收费', '3.60'],
    ]);
    const appeals = [...root(el).querySelectorAll('#appeals-title ~ .table-scroll tbody tr')].map((tr) =>
      [...tr.children].map((c) => c.textContent!.trim()),
    );
    expect(appeals[0]).to.deep.equal(['行政复议', '1', '0', '0', '0', '1']);
    expect(appeals).to.have.length(3);
  });

  it('in English', async () => {
    const el = await report(await example('report-2025'), 'en');
    expect(root(el).querySelector('section > h3')!.textContent).to.equal('1. Overview');
    expect(root(el).querySelector('.chart-summary')!.textContent).to.equal(
      'In 2025, 28 applications came in and 3 were carried over; 30 were answered, 13 of them Disclosed (43.3%); 1 are carried forward.',
    );
    expect(table3Row(el, 'Total')?.slice(-1)).to.deep.equal(['30']);
  });

  it('fits 320 px: the tables scroll in their own region, the page does not', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await report(await example('report-2025'));
      await waitUntil(
        () => Number(root(el).querySelector('svg.chart')?.getAttribute('width')) <= 320,
        'the chart did not resize',
      );
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      const region = root(el).querySelector<HTMLElement>('.table3')!.parentElement!;
      expect(region.getAttribute('role')).to.equal('region');
      expect(region.tabIndex).to.equal(0);
      expect(region.scrollWidth).to.be.greaterThan(region.clientWidth);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('prints the data table and leaves the buttons out', async () => {
    const el = await report(await example('report-2025'));
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle(root(el).querySelector('.data-table')!).display).to.equal('block');
      expect(getComputedStyle(root(el).querySelector('.table-actions')!).display).to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('counts that do not balance, a wrong total, an unknown case: errors with their paths and numbers', async () => {
    const el = document.createElement('gk-annual-report');
    const failed = oneEvent(el, 'gk-error') as Promise<GkErrorEvent>;
    el.data = (await example('invalid')) as GkAnnualReportElement['data'];
    document.body.append(el);
    const messages = (await failed).detail.messages.join('\n');
    expect(messages).to.contain('applications.carriedForward.person');
    expect(messages).to.contain('“自然人”列：本年新收 5 + 上年结转 0 = 5，应等于办理结果总计 4 + 结转下年度 0 = 4');
    expect(messages).to.contain('applications.received.total');
    expect(messages).to.contain('各列合计 6，与“总计” 7 不相等');
    expect(messages).to.contain('applications.outcomes.无法提供.本机关不存在');
    expect(messages).to.contain('appeals.review.upheld');
    expect(messages).to.contain('published');
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.exist;
    el.remove();
  });

  it('a report loaded by src that is not there says so, with a retry', async () => {
    const el = await fixture<GkAnnualReportElement>(
      html`<gk-annual-report src="/no-such-report.json"></gk-annual-report>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'no error shown');
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('404');
    expect(el.shadowRoot!.querySelector('[part="retry-button"]')).to.exist;
  });
});
