import '@gongkai/core/translations/en';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import type { GkErrorEvent } from '../base/events.js';
import { GkProjectElement } from './project.js';
import '../catalogue/catalogue.js';
import { downloadedText, failOnHostPageErrors } from '../base/internal/test-support.js';

async function example(name: string, folder = '.'): Promise<Record<string, unknown>> {
  return (await (await fetch(new URL(`${folder}/examples/${name}.json`, import.meta.url))).json()) as Record<
    string,
    unknown
  >;
}

async function project(data: unknown, lang = 'zh-CN'): Promise<GkProjectElement> {
  const el = await fixture<GkProjectElement>(html`<gk-project .data=${data} lang=${lang}></gk-project>`);
  await waitUntil(() => el.shadowRoot!.querySelector('article, [role="alert"]'), 'project did not render');
  await el.updateComplete;
  return el;
}

const root = (el: Element) => el.shadowRoot!;
const clean = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();

failOnHostPageErrors();

describe('<gk-project>', () => {
  it('first: where the project stands and how much of its investment is done', async () => {
    const el = await project(await example('county-hospital'));
    expect(clean(root(el).querySelector('h2'))).to.equal('平罗县人民医院新院区建设项目');
    const figures = [...root(el).querySelectorAll('.first-screen > div')].map((div) => [
      clean(div.querySelector('dt')),
      clean(div.querySelector('dd')),
    ]);
    expect(figures).to.deep.equal([
      ['当前阶段', '施工有关信息 进行中'],
      ['总投资', '3.8亿元'],
      ['已完成投资', '3.13亿元 占总投资 82.2%，截至2023年6月30日'],
    ]);
    expect(clean(root(el).querySelector('.stage-count'))).to.equal('八类信息中已完成 5 类，进行中 2 类');
    // The figures come before the chart and the timeline.
    const first = root(el).querySelector('.first-screen')!;
    expect(
      first.compareDocumentPosition(root(el).querySelector('figure')!) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).to.be.greaterThan(0);
    expect([...root(el).querySelectorAll('.sources li')].map(clean)).to.deep.equal([
      '中央预算内投资：1.2亿元（31.6%）',
      '地方政府专项债券：1.8亿元（47.4%）',
      '自治区财政补助：5,000万元（13.2%）',
      '医院自筹：3,000万元（7.9%）',
    ]);
    await expect(el).to.be.accessible();
  });

  it('the eight kinds of information as a timeline, in order, each status written out', async () => {
    const el = await project(await example('county-hospital'));
    const stages = [...root(el).querySelectorAll('.timeline > li')];
    expect(stages.map((li) => clean(li.querySelector('h4'))!.replace(/^\d/, ''))).to.deep.equal([
      '批准服务信息',
      '批准结果信息',
      '招标投标信息',
      '征收土地信息',
      '重大设计变更信息',
      '施工有关信息',
      '质量安全监督信息',
      '竣工有关信息',
    ]);
    expect(stages.map((li) => clean(li.querySelector('.badge')))).to.deep.equal([
      '已完成',
      '已完成',
      '已完成',
      '已完成',
      '已完成',
      '进行中',
      '进行中',
      '未开始',
    ]);
    expect(clean(stages[5]!.querySelector('.status'))).to.equal('进行中 · 2020年5月8日起');
    expect(clean(stages[1]!.querySelector('.status'))).to.equal('已完成 · 2019年4月10日至2020年4月28日');
    // Documents with their 文号, normalised.
    expect(clean(stages[1]!.querySelector('.documents li'))).to.equal(
      '关于平罗县人民医院新院区建设项目可行性研究报告的批复 平发改审发〔2019〕45号 · 2019年4月10日',
    );
    // Contracts awarded and performed, as a table a screen reader can walk.
    const rows = [...stages[2]!.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(clean));
    expect(rows[0]).to.deep.equal([
      '施工总承包合同',
      '宁夏安泰建设工程有限公司（示意）',
      '2.99亿元',
      '2020年3月25日',
      '按合同工期推进；截至2023年6月已支付进度款24,300万元，无违约记录',
    ]);
    expect(stages[2]!.querySelector('tbody th')!.getAttribute('scope')).to.equal('row');
  });

  it('investment against plan: a sentence from the data, bars a keyboard can walk, a table and CSV', async () => {
    const el = await project(await example('county-hospital'));
    expect(clean(root(el).querySelector('.chart-summary'))).to.equal(
      '截至2023年6月30日，累计完成投资3.13亿元，为计划的94.7%，占总投资3.8亿元的82.2%。',
    );
    const marks = [...root(el).querySelectorAll<SVGGElement>('svg.chart .mark')];
    expect(marks).to.have.length(8);
    expect(marks.filter((mark) => mark.getAttribute('tabindex') === '0')).to.have.length(1);
    marks[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(root(el).activeElement?.getAttribute('aria-label')).to.equal(
      '2020年12月31日 实际完成，8,600万元，完成率 95.6%',
    );
    const table = [...root(el).querySelectorAll('.data-table tbody tr')].map((tr) => [...tr.children].map(clean));
    expect(table[3]).to.deep.equal(['2023年6月30日', '3.3亿元', '3.13亿元', '94.7%']);
    const download = [...root(el).querySelectorAll('button')].find((button) => clean(button) === '下载 CSV')!;
    const csv = await downloadedText(() => download.click());
    expect(
      csv
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n'),
    ).to.deep.equal([
      '截至日期,计划完成（万元）,实际完成（万元）',
      '2020-12-31,9000,8600',
      '2021-12-31,21000,19800',
      '2022-12-31,30000,28400',
      '2023-06-30,33000,31250',
    ]);
  });

  it('in English', async () => {
    const el = await project(await example('county-hospital'), 'en');
    expect(clean(root(el).querySelector('.first-screen dt'))).to.equal('Current stage');
    expect(clean(root(el).querySelector('.timeline h4'))!.replace(/^\d/, '')).to.equal('Approval services');
    expect(clean(root(el).querySelector('.chart-summary'))).to.contain('94.7% of plan');
  });

  it('fits 320 px: figures in one column, tables scroll in their own region', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await project(await example('county-hospital'));
      await waitUntil(
        () => Number(root(el).querySelector('svg.chart')?.getAttribute('width')) <= 320,
        'the chart did not resize',
      );
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      const [now, total] = [...root(el).querySelectorAll('.first-screen > div')].map((div) =>
        div.getBoundingClientRect(),
      );
      expect(total!.top).to.be.at.least(now!.bottom);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('prints the data table and leaves the buttons out', async () => {
    const el = await project(await example('county-hospital'));
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle(root(el).querySelector('.data-table')!).display).to.equal('block');
      expect(getComputedStyle(root(el).querySelector('.chart-actions')!).display).to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('dates against the stage order, and amounts: each problem with its path', async () => {
    const el = document.createElement('gk-project');
    const failed = oneEvent(el, 'gk-error') as Promise<GkErrorEvent>;
    el.data = (await example('invalid')) as GkProjectElement['data'];
    document.body.append(el);
    const messages = (await failed).detail.messages.join('\n');
    expect(messages).to.contain('investment.sources：各资金来源合计 37000 万元，与总投资 38000 万元不相等');
    expect(messages).to.contain('progress[3].completed：39000 万元超过总投资 38000 万元');
    expect(messages).to.contain('stages[1].end：已完成的阶段须填写结束日期');
    expect(messages).to.contain('stages[4].stage：“征收土地信息”应排在“重大设计变更信息”之前');
    expect(messages).to.contain(
      'stages[5].start：“施工有关信息”的开始日期早于上一阶段“招标投标信息”的开始日期 2019-10-08',
    );
    await expect(el).to.be.accessible();
    el.remove();
  });

  it("a county's projects are listed with <gk-catalogue>, each linking to its page", async () => {
    const list = await fixture(
      html`<gk-catalogue .data=${await example('major-projects-2023', '../catalogue')}></gk-catalogue>`,
    );
    await waitUntil(
      () => list.shadowRoot!.querySelector('a[href="zdxm/county-hospital.html"]'),
      'no link to the project page',
    );
    expect(clean(list.shadowRoot!.querySelector('a[href="zdxm/county-hospital.html"]'))).to.equal(
      '平罗县人民医院新院区建设项目',
    );
    await expect(list).to.be.accessible();
  });
});
