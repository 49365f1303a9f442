/** The demo county page in a real browser: the three ways of feeding <gk-document>, and axe over the whole page. */
import { expect, waitUntil } from '@open-wc/testing';

interface AxeResult {
  violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }>;
}

describe('demo county page', () => {
  it('shows documents from src and inline JSON, the broken file as an error with paths, the budgets, and passes axe', async () => {
    const frame = document.createElement('iframe');
    frame.style.width = '1024px';
    frame.style.height = '800px';
    document.body.append(frame);
    await new Promise<void>((resolve) => {
      frame.addEventListener('load', () => resolve(), { once: true });
      frame.src = '/examples/index.html';
    });
    const win = frame.contentWindow as Window & {
      axe?: { run(context: unknown, options: unknown): Promise<AxeResult> };
    };
    const elements = [...win.document.querySelectorAll('gk-document')];
    expect(elements).to.have.length(3);
    await waitUntil(
      () => elements.every((el) => el.shadowRoot?.querySelector('article, [role="alert"]')),
      'demo elements did not settle',
      { timeout: 10000 },
    );
    const [fromSrc, inline, broken] = elements.map((el) => el.shadowRoot!);
    expect(fromSrc!.querySelector('h3')!.textContent).to.contain('2018年政务公开工作要点');
    expect(inline!.querySelector('article')).to.exist;
    const alert = broken!.querySelector('[role="alert"]')!.textContent!;
    for (const path of ['titel', 'issued', 'status', 'attachments[0].size']) expect(alert).to.contain(path);
    expect(alert).to.contain('第 14 行第 15 列');

    // The 预决算公开 section: four budgets from src, each with its summary sentence.
    const budgets = [...win.document.querySelectorAll('gk-budget')];
    expect(budgets).to.have.length(4);
    await waitUntil(
      () => budgets.every((el) => el.shadowRoot?.querySelector('.chart-summary')),
      'budgets did not render',
      { timeout: 15000 },
    );
    expect(budgets[0]!.shadowRoot!.querySelector('.chart-summary')!.textContent).to.contain(
      '2018年平罗县卫生和计划生育局支出预算',
    );

    // The 政策解读 section: two explainers from src.
    const explainers = [...win.document.querySelectorAll('gk-explainer')];
    expect(explainers).to.have.length(2);
    await waitUntil(
      () => explainers.every((el) => el.shadowRoot?.querySelector('article')),
      'explainers did not render',
      { timeout: 15000 },
    );

    // The 信息公开目录 section: three catalogues from src; 重大建设项目: the projects listing; 互动交流: the mailbox's published replies, from the receiver.
    const catalogues = [...win.document.querySelectorAll('gk-catalogue')];
    expect(catalogues).to.have.length(5);
    await waitUntil(
      () => catalogues.every((el) => el.shadowRoot?.querySelector('.count-line')),
      'catalogues did not render',
      { timeout: 15000 },
    );

    // The 政府信息公开年报 section: the annual report from src, with its outcomes summary and table 三.
    const annual = win.document.querySelector('gk-annual-report')!;
    await waitUntil(() => annual.shadowRoot?.querySelector('.chart-summary'), 'the annual report did not render', {
      timeout: 15000,
    });
    expect(annual.shadowRoot!.querySelector('.chart-summary')!.textContent).to.contain(
      '2025年共收到政府信息公开申请28件',
    );
    expect(annual.shadowRoot!.querySelector('.table3')).to.exist;

    // The 互动交流 section: two forms from src.
    const guide = win.document.querySelector('gk-service-guide')!;
    await waitUntil(() => guide.shadowRoot?.querySelector('.services'), 'the service guides did not render', {
      timeout: 15000,
    });
    expect([...guide.shadowRoot!.querySelectorAll('.services h4')].map((h) => h.textContent!.trim())).to.deep.equal([
      '医师执业注册',
      '护士执业注册',
      '诊所备案',
    ]);
    const projects = win.document.getElementById('zdxmlb')!;
    expect(projects.shadowRoot!.querySelector('a[href="zdxm/county-hospital.html"]')!.textContent).to.contain(
      '平罗县人民医院新院区建设项目',
    );

    const forms = [...win.document.querySelectorAll('gk-form')];
    expect(forms).to.have.length(1);
    expect(win.document.querySelectorAll('gk-disclosure-request')).to.have.length(1);
    await waitUntil(() => forms.every((el) => el.shadowRoot?.querySelector('form')), 'forms did not render', {
      timeout: 15000,
    });
    const board = win.document.getElementById('xxdf')!.shadowRoot!;
    expect(board.querySelector('[role="alert"]'), 'the replies board loaded from the receiver').to.equal(null);
    expect(board.textContent).to.contain('局长信箱：答复公开');

    const axeScript = win.document.createElement('script');
    axeScript.src = '/node_modules/axe-core/axe.min.js';
    const axeLoaded = new Promise((resolve) => axeScript.addEventListener('load', resolve, { once: true }));
    win.document.head.append(axeScript);
    await axeLoaded;
    const result = await win.axe!.run(win.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    const summary = result.violations.map(
      (v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.map((n) => n.target))}`,
    );
    expect(summary).to.deep.equal([]);
    frame.remove();
  });

  it("the county hospital's project page, linked from the projects listing, shows <gk-project> and passes axe", async () => {
    const frame = document.createElement('iframe');
    frame.style.width = '1024px';
    frame.style.height = '800px';
    document.body.append(frame);
    await new Promise<void>((resolve) => {
      frame.addEventListener('load', () => resolve(), { once: true });
      frame.src = '/examples/zdxm/county-hospital.html';
    });
    const win = frame.contentWindow as Window & {
      axe?: { run(context: unknown, options: unknown): Promise<AxeResult> };
    };
    const element = win.document.querySelector('gk-project')!;
    await waitUntil(() => element.shadowRoot?.querySelector('.chart-summary'), 'the project did not render', {
      timeout: 15000,
    });
    expect(element.shadowRoot!.querySelector('h2')!.textContent).to.equal('平罗县人民医院新院区建设项目');
    expect(element.shadowRoot!.querySelectorAll('.timeline > li')).to.have.length(8);
    const axeScript = win.document.createElement('script');
    axeScript.src = '/node_modules/axe-core/axe.min.js';
    const axeLoaded = new Promise((resolve) => axeScript.addEventListener('load', resolve, { once: true }));
    win.document.head.append(axeScript);
    await axeLoaded;
    const result = await win.axe!.run(win.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    expect(
      result.violations.map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.map((n) => n.target))}`),
    ).to.deep.equal([]);
    frame.remove();
  });
});
