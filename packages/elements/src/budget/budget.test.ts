import '@gongkai/core/translations/en';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { GkErrorEvent } from '../base/events.js';
import { GkBudgetElement, type BudgetView } from './budget.js';
import { downloadedText, failOnHostPageErrors } from '../base/internal/test-support.js';

async function example(name: string): Promise<Record<string, unknown>> {
  const response = await fetch(new URL(`./examples/${name}.json`, import.meta.url));
  return (await response.json()) as Record<string, unknown>;
}

async function budget(name: string, attrs: { view?: BudgetView; lang?: string } = {}): Promise<GkBudgetElement> {
  const data = await example(name);
  const el = await fixture<GkBudgetElement>(
    html`<gk-budget .data=${data} view=${ifDefined(attrs.view)} lang=${attrs.lang ?? 'zh-CN'}></gk-budget>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('section, [role="alert"]'), 'budget did not render');
  await el.updateComplete;
  return el;
}

const root = (el: Element) => el.shadowRoot!;
const summary = (el: Element) => root(el).querySelector('.chart-summary')?.textContent?.trim() ?? '';
const marks = (el: Element) => [...root(el).querySelectorAll<SVGGElement>('[role="listitem"][data-id]')];
const active = (el: Element) => root(el).activeElement as (Element & { dataset: DOMStringMap }) | null;

failOnHostPageErrors();

describe('<gk-budget> views', () => {
  const views: BudgetView[] = ['treemap', 'bars', 'execution', 'years', 'sangong', 'debt', 'tables'];
  const source: Record<BudgetView, string> = {
    treemap: 'department-budget-2018',
    bars: 'department-budget-2018',
    execution: 'final-accounts-2018',
    years: 'five-years',
    sangong: 'department-budget-2018',
    debt: 'county-debt',
    tables: 'department-budget-2018',
  };
  for (const view of views) {
    it(`${view}: renders from ${source[view]} and passes axe`, async () => {
      const el = await budget(source[view], { view });
      expect(root(el).querySelector('[role="tab"][aria-selected="true"]')?.id ?? 'tab-' + view).to.equal(`tab-${view}`);
      if (view === 'tables') {
        expect(root(el).querySelectorAll('table').length).to.be.at.least(3);
      } else {
        expect(summary(el)).to.match(/\d{4}年/);
        expect(marks(el).length).to.be.greaterThan(1);
        // The data table alternative exists for every chart.
        expect(root(el).querySelector('.data-table table caption')).to.exist;
      }
      await expect(el).to.be.accessible();
    });
  }

  it('writes the summary sentence from the data', async () => {
    const el = await budget('department-budget-2018', { view: 'treemap' });
    expect(summary(el)).to.equal(
      '2018年平罗县卫生和计划生育局支出预算1.48亿元，比上年增长5.7%，其中医疗卫生与计划生育支出占88%。',
    );
    const final = await budget('final-accounts-2018', { view: 'execution' });
    expect(summary(final)).to.match(
      /^2018年平罗县卫生和计划生育局支出决算1\.41亿元，预算1\.48亿元，执行率95\.1%，执行率最低的是.+（\d+(\.\d)?%）。$/,
    );
  });

  it('writes it in English with lang="en"', async () => {
    const el = await budget('department-budget-2018', { view: 'treemap', lang: 'en' });
    expect(summary(el)).to.equal(
      '2018 平罗县卫生和计划生育局 spending budget: 147.9 million yuan, up 5.7% on the year before; 医疗卫生与计划生育支出 is 88% of it.',
    );
  });

  it('shows the official tables: 收支总表, 一般公共预算支出表 with basic/project columns, 三公经费表', async () => {
    const el = await budget('department-budget-2018', { view: 'tables' });
    const captions = [...root(el).querySelectorAll('caption')].map((caption) => caption.textContent!);
    expect(captions.some((text) => text.includes('收支总表'))).to.be.true;
    expect(captions.some((text) => text.includes('一般公共预算支出表'))).to.be.true;
    expect(captions.some((text) => text.includes('“三公”经费支出表'))).to.be.true;
    const economic = [...root(el).querySelectorAll('table')].find((table) =>
      table.caption!.textContent!.includes('一般公共预算基本支出表'),
    )!;
    const row301 = [...economic.querySelectorAll('tbody tr')].find(
      (tr) => tr.firstElementChild!.textContent === '301',
    )!;
    expect(row301.textContent).to.contain('工资福利支出');
    const functional = [...root(el).querySelectorAll('table')].find((table) =>
      table.caption!.textContent!.includes('一般公共预算支出表'),
    )!;
    expect([...functional.querySelectorAll('thead th')].map((th) => th.textContent)).to.deep.equal([
      '科目编码',
      '科目名称',
      '合计',
      '基本支出',
      '项目支出',
      '说明',
    ]);
    const row210 = [...functional.querySelectorAll('tbody tr')].find(
      (tr) => tr.firstElementChild!.textContent === '210',
    )!;
    expect(row210.querySelectorAll('td')[1]!.textContent).to.equal('13,020.05');
  });

  it('收支总表 of a budget without revenue, or with fewer revenue items than 类: no empty header, axe finds nothing', async () => {
    const summaryTable = (el: Element) =>
      [...root(el).querySelectorAll('table')].find((table) => table.caption!.textContent!.includes('收支总表'))!;
    const rowsOf = (table: HTMLTableElement) =>
      [...table.querySelectorAll('tbody tr')].map((tr) =>
        [...tr.children].map((cell) => `${cell.localName}:${cell.textContent!.trim()}`),
      );
    const none = await budget('five-years', { view: 'tables' });
    const table = summaryTable(none);
    expect([...table.querySelectorAll('th')].filter((th) => !th.textContent!.trim())).to.have.length(0);
    const rows = rowsOf(table);
    // No revenue item: the revenue side is blank, and the row has no header; the 类 and its amount follow.
    expect(rows[0]!.slice(0, 2)).to.deep.equal(['td:', 'td:']);
    expect(rows[0]![2]).to.match(/^td:\S/);
    expect(rows[0]![3]).to.match(/^td:[\d,]+\.\d\d$/);
    expect(rows.at(-1)!.slice(0, 2)).to.deep.equal(['th:收入总计', 'td:—']);
    await expect(none).to.be.accessible();

    const data = await example('department-budget-2018');
    const fewer = await fixture<GkBudgetElement>(
      html`<gk-budget .data=${{ ...data, revenue: (data.revenue as unknown[]).slice(0, 1) }} view="tables"></gk-budget>`,
    );
    await waitUntil(() => root(fewer).querySelector('.official-tables'), 'tables did not render');
    const second = rowsOf(summaryTable(fewer))[1]!;
    expect(second.slice(0, 2)).to.deep.equal(['td:', 'td:']);
    expect([...summaryTable(fewer).querySelectorAll('th')].filter((th) => !th.textContent!.trim())).to.have.length(0);
    await expect(fewer).to.be.accessible();
  });
});

describe('<gk-budget> a large official table', () => {
  it('draws the first rows at once and the rest in later tasks: every 项 once, in order', async () => {
    // 3 类 × 10 款 × 20 项 = 633 rows in 一般公共预算支出表.
    interface Item {
      code: string;
      name: string;
      values: Array<{ year: number; budget: number }>;
      children?: Item[];
    }
    const item = (code: string, name: string, amount: number, children?: Item[]): Item => ({
      code,
      name,
      values: [{ year: 2018, budget: amount }],
      ...(children ? { children } : {}),
    });
    const functional = [201, 205, 210].map((lei) =>
      item(
        String(lei),
        `类${lei}`,
        200,
        Array.from({ length: 10 }, (_, k) =>
          item(
            `${lei}${String(k + 1).padStart(2, '0')}`,
            `款${lei}-${k + 1}`,
            20,
            Array.from({ length: 20 }, (_, x) =>
              item(`${lei}${String(k + 1).padStart(2, '0')}${String(x + 1).padStart(2, '0')}`, `项${x + 1}`, 1),
            ),
          ),
        ),
      ),
    );
    const data = {
      kind: 'budget',
      version: 1,
      title: '某县2018年一般公共预算支出',
      department: '某县财政局',
      stage: '预算',
      year: 2018,
      years: [2018],
      unit: '万元',
      published: '2018-02-01',
      views: ['tables'],
      functional,
    };
    const el = await fixture<GkBudgetElement>(html`<gk-budget .data=${data}></gk-budget>`);
    await waitUntil(() => root(el).querySelector('.official-tables'), 'tables did not render');
    const functionalTable = () => root(el).querySelectorAll('.official-tables table')[1]!;
    const codes = () => [...functionalTable().querySelectorAll('tbody tr th')].map((th) => th.textContent!.trim());
    // At first paint: the first group only, so switching to this view is not one long task.
    expect(codes().length).to.be.below(633);
    expect(codes().length).to.be.above(100);
    await waitUntil(() => codes().length === 633, 'the rest of the rows did not arrive', { timeout: 10000 });
    const expected = functional.flatMap((lei) => [
      lei.code,
      ...lei.children!.flatMap((kuan) => [kuan.code, ...kuan.children!.map((xiang) => xiang.code)]),
    ]);
    expect(codes()).to.deep.equal(expected);
    // Still one table (one caption, one header row) for screen readers.
    expect(functionalTable().querySelectorAll('caption, thead tr')).to.have.length(2);
  });
});

describe('<gk-budget> keyboard, focus and drill-down', () => {
  it('Tab reaches the chart, arrows move, Enter opens, Backspace goes back', async () => {
    const el = await budget('department-budget-2018', { view: 'treemap' });
    const first = marks(el)[0]!;
    first.focus();
    expect(active(el)?.dataset.id).to.equal('210');
    expect(first.getAttribute('aria-label')).to.equal('210 医疗卫生与计划生育支出，1.3亿元，占 88%');
    // The tooltip shows the focused item.
    await el.updateComplete;
    const tooltip = root(el).querySelector<HTMLElement>('.chart-tooltip')!;
    expect(tooltip.textContent).to.contain('医疗卫生与计划生育支出');
    // Placed over the focused tile (through the CSSOM, which a strict CSP allows).
    expect(tooltip.style.left).to.match(/^\d+(\.\d+)?px$/);

    await sendKeys({ press: 'ArrowRight' });
    expect(active(el)?.dataset.id).to.equal('208');
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await waitUntil(() => summary(el).startsWith('2018年医疗卫生与计划生育支出'), 'did not drill into 210');
    expect(root(el).querySelector('.crumbs [aria-current]')!.textContent).to.equal('医疗卫生与计划生育支出');
    expect(root(el).querySelector('[role="status"]')!.textContent).to.contain('已打开“医疗卫生与计划生育支出”');
    expect(active(el)?.dataset.id).to.match(/^210\d\d$/);

    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    await waitUntil(() => summary(el).startsWith('2018年平罗县'), 'did not go back');
    expect(active(el)?.dataset.id).to.equal('210');
  });

  it('offers budget-vs-final only when the document has final figures', async () => {
    const plan = await budget('department-budget-2018');
    expect(root(plan).querySelector('#tab-execution')).to.be.null;
    const final = await budget('final-accounts-2018');
    expect(root(final).querySelector('#tab-execution')).to.exist;
  });

  it('after opening a level, focus is on the largest item, the first drawn', async () => {
    const el = await budget('department-budget-2018', { view: 'bars' });
    el.open('210');
    await waitUntil(() => active(el)?.dataset.id?.startsWith('210'), 'focus did not move');
    const drawn = marks(el).map((mark) => mark.dataset.id);
    expect(active(el)!.dataset.id).to.equal(drawn[0]);
  });

  it('switching the language keeps the open level and translates the breadcrumbs', async () => {
    const el = await budget('department-budget-2018', { view: 'bars' });
    el.open('210');
    await el.updateComplete;
    expect(root(el).querySelector('.crumbs button')!.textContent).to.equal('全部支出');
    el.lang = 'en';
    await el.updateComplete;
    expect(root(el).querySelector('.crumbs button')!.textContent).to.equal('All spending');
    expect(root(el).querySelector('.crumbs [aria-current]')!.textContent).to.equal('医疗卫生与计划生育支出');
  });

  it('only one mark is in the tab order (roving tabindex)', async () => {
    const el = await budget('department-budget-2018', { view: 'bars' });
    const tabbable = marks(el).filter((mark) => mark.getAttribute('tabindex') === '0');
    expect(tabbable).to.have.length(1);
  });

  it('tabs switch with the arrow keys', async () => {
    const el = await budget('department-budget-2018', { view: 'treemap' });
    root(el).querySelector<HTMLElement>('#tab-treemap')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.view).to.equal('bars');
    expect(active(el)?.id).to.equal('tab-bars');
    expect(root(el).querySelector('[role="tabpanel"]')!.getAttribute('aria-labelledby')).to.equal('tab-bars');
  });

  it('the first tap on a touch screen shows the tooltip, the second opens', async () => {
    const el = await budget('department-budget-2018', { view: 'treemap' });
    const tile = marks(el).find((mark) => mark.dataset.id === '210')!;
    // The order a browser fires for a tap: pointerover, pointerdown, pointerup, click.
    const tap = () => {
      tile.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true, pointerType: 'touch' }));
      tile.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, pointerType: 'touch' }));
      tile.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    };
    tap();
    await el.updateComplete;
    expect(root(el).querySelector('.chart-tooltip')!.textContent).to.contain('1.3亿元');
    expect(summary(el)).to.contain('平罗县卫生和计划生育局');
    tap();
    await waitUntil(() => summary(el).startsWith('2018年医疗卫生与计划生育支出'), 'second tap did not open');
  });
});

describe('<gk-budget> table and CSV', () => {
  it('the data table toggles and the CSV holds exactly the rows shown', async () => {
    const el = await budget('department-budget-2018', { view: 'bars' });
    const [toggle, download] = [...root(el).querySelectorAll<HTMLButtonElement>('.chart-actions button')];
    expect(toggle!.getAttribute('aria-expanded')).to.equal('false');
    toggle!.click();
    await el.updateComplete;
    expect(toggle!.getAttribute('aria-expanded')).to.equal('true');
    const table = root(el).querySelector('.data-table')!;
    expect(table.hasAttribute('hidden')).to.be.false;
    const shown = [...table.querySelectorAll('tbody tr')].map((tr) => tr.firstElementChild!.textContent);

    const csv = await downloadedText(() => download!.click());
    const lines = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).to.equal('科目编码,科目名称,金额（万元）,占比（%）');
    expect(lines.slice(1).map((line) => line.split(',')[1])).to.deep.equal(shown);
    expect(lines[1]).to.match(/^210,医疗卫生与计划生育支出,13020\.05,88\.\d+$/);
  });

  it('prints the data table even when it is collapsed', async () => {
    const el = await budget('department-budget-2018', { view: 'bars' });
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle(root(el).querySelector('.data-table')!).display).to.equal('block');
      expect(getComputedStyle(root(el).querySelector('[role="tablist"]')!).display).to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });
});

describe('<gk-budget> layout and bad input', () => {
  it('fits 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      for (const view of ['treemap', 'bars', 'sangong'] as const) {
        const el = await budget('department-budget-2018', { view });
        await waitUntil(
          () => Number(root(el).querySelector('svg.chart')?.getAttribute('width')) <= 320,
          `${view} did not resize`,
        );
        expect(document.documentElement.scrollWidth, view).to.be.at.most(320);
        const card = root(el).querySelector('section')!;
        expect(card.scrollWidth, view).to.be.at.most(card.clientWidth + 1);
        // Drawn at the width it has, so text is not scaled down.
        const chart = root(el).querySelector('svg.chart')!;
        expect(chart.getBoundingClientRect().width, view).to.be.closeTo(Number(chart.getAttribute('width')), 1);
      }
      // Tables scroll sideways instead of squeezing a code into one digit per line.
      const tables = await budget('department-budget-2018', { view: 'tables' });
      const code = [...root(tables).querySelectorAll('th[scope="row"]')].find((th) => th.textContent === '2100101')!;
      const range = document.createRange();
      range.selectNodeContents(code);
      expect(range.getClientRects().length, 'lines of the code 2100101').to.equal(1);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('reports sums that do not add up, codes that do not nest, unknown years and negative amounts, with paths', async () => {
    const el = document.createElement('gk-budget');
    const failed = oneEvent(el, 'gk-error') as Promise<GkErrorEvent>;
    el.src = new URL('./examples/invalid-sums.json', import.meta.url).pathname;
    document.body.append(el);
    const event = await failed;
    await el.updateComplete;
    expect(event.detail.issues.map((issue) => issue.pathText)).to.deep.equal([
      'functional[0].children[0].values[0].budget',
      'functional[0].children[1].children[0].values[1].year',
      'functional[0].children[1].children[2].values[0].budget',
      'functional[0].children[2].code',
    ]);
    const text = root(el).querySelector('[role="alert"]')!.textContent!;
    expect(text).to.contain('下级科目合计 4143.63万元，与本级 4523.63万元 不相等');
    expect(text).to.contain('年度 2017 不在 years 声明的年度');
    expect(text).to.contain('科目编码 20805 不属于上级科目 210');
    expect(text).to.contain('第 22 行第 48 列');
    el.remove();
  });
});
