import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { GkErrorEvent } from '../base/events.js';
import { GkConsultationElement } from './consultation.js';
import '../document/document.js';
import { failOnHostPageErrors } from '../base/internal/test-support.js';

async function example(name: string): Promise<Record<string, unknown>> {
  return (await (await fetch(new URL(`./examples/${name}.json`, import.meta.url))).json()) as Record<string, unknown>;
}

async function consultation(data: unknown, today: string): Promise<GkConsultationElement> {
  const el = await fixture<GkConsultationElement>(
    html`<gk-consultation .data=${data} today=${today}></gk-consultation>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('article, [role="alert"]'), 'consultation did not render');
  await el.updateComplete;
  return el;
}

const root = (el: Element) => el.shadowRoot!;

failOnHostPageErrors();

describe('<gk-consultation>', () => {
  it('while open: the draft, its basis and the comment form', async () => {
    const el = await consultation(await example('open'), '2026-11-26');
    expect(root(el).querySelector('.badge')!.textContent).to.contain('正在征求意见');
    expect(root(el).querySelector('.meta')!.textContent).to.contain('2026年11月1日至2026年12月31日');
    const form = root(el).querySelector('gk-form')!;
    await waitUntil(() => form.shadowRoot?.querySelector('textarea[name="opinion"]'), 'no comment form');
    await expect(el).to.be.accessible();
  });

  it('after the deadline the form closes itself and says when; the adoption report is charted with a table', async () => {
    const el = await consultation(await example('family-doctor-closed'), '2026-11-26');
    expect(root(el).querySelector('gk-form')).to.be.null;
    expect(root(el).querySelector('.closed-note')!.textContent).to.contain('2018年7月11日结束');
    expect(root(el).querySelector('.chart-summary')!.textContent).to.equal(
      '共收到意见 46 条，采纳 19 条，部分采纳 12 条，未采纳 15 条。',
    );
    expect(root(el).querySelectorAll('svg.chart [role="listitem"]')).to.have.length(3);
    const reasons = root(el).querySelector('table:not(.data-table table)') ?? root(el).querySelectorAll('table')[1]!;
    expect(root(el).textContent + [...root(el).querySelectorAll('th')].map((th) => th.textContent).join('')).to.contain(
      '签约服务全部免费',
    );
    expect(reasons).to.exist;
    await expect(el).to.be.accessible();
  });

  it('before the period: says when it opens, no form yet', async () => {
    const el = await consultation(await example('open'), '2026-10-01');
    expect(root(el).querySelector('.badge')!.textContent).to.contain('即将征求意见');
    expect(root(el).querySelector('.closed-note')!.textContent).to.contain('2026年11月1日开始');
    expect(root(el).querySelector('gk-form')).to.be.null;
  });

  it('the same consultation is open on a day inside its period', async () => {
    const el = await consultation(await example('family-doctor-closed'), '2018-06-20');
    expect(root(el).querySelector('gk-form')).to.exist;
  });

  it('headline while open: the days left to the deadline, and a link that takes focus to the comment form', async () => {
    const el = await consultation(await example('open'), '2026-11-26');
    const headline = root(el).querySelector('.headline')!;
    expect(
      headline.compareDocumentPosition(root(el).querySelector('section')!) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).to.be.greaterThan(0);
    expect(headline.querySelector('.deadline')!.textContent).to.equal('2026年12月31日截止，还有 35 天');
    headline.querySelector<HTMLAnchorElement>('a.jump')!.click();
    const section = root(el).activeElement!;
    expect(section.localName).to.equal('section');
    expect(section.querySelector('gk-form')).to.exist;
    // On the last day.
    const last = await consultation(await example('open'), '2026-12-31');
    expect(root(last).querySelector('.headline .deadline')!.textContent).to.equal('今天（2026年12月31日）截止');
    // Before the period.
    const early = await consultation(await example('open'), '2026-10-01');
    expect(root(early).querySelector('.headline')!.textContent).to.contain('2026年11月1日开始征求意见');
  });

  it('headline after the period: the comments in figures, and a link that takes focus to the report', async () => {
    const el = await consultation(await example('family-doctor-closed'), '2026-11-26');
    const figures = [...root(el).querySelectorAll('.headline .figures > div')].map((each) => [
      each.querySelector('dt')!.textContent,
      each.querySelector('dd')!.textContent,
    ]);
    expect(figures).to.deep.equal([
      ['收到意见', '46 条'],
      ['采纳', '19 条'],
      ['部分采纳', '12 条'],
      ['未采纳', '15 条'],
    ]);
    root(el).querySelector<HTMLAnchorElement>('.headline a.jump')!.click();
    const section = root(el).activeElement!;
    expect(section.localName).to.equal('section');
    expect(section.querySelector('.chart-summary')).to.exist;
    // Closed with no report yet: says it will be published here.
    const data = await example('family-doctor-closed');
    delete data.report;
    const waiting = await consultation(data, '2026-11-26');
    expect(root(waiting).querySelector('.headline')!.textContent).to.contain('采纳情况将在此公布');
  });

  it('counts that do not add up are an error naming both numbers', async () => {
    const data = await example('family-doctor-closed');
    (data.report as Record<string, number>).adopted = 20;
    const el = document.createElement('gk-consultation');
    const failed = oneEvent(el, 'gk-error') as Promise<GkErrorEvent>;
    el.data = data as GkConsultationElement['data'];
    document.body.append(el);
    const event = await failed;
    expect(event.detail.messages.join('\n')).to.contain('report.received');
    expect(event.detail.messages.join('\n')).to.contain('合计 47 条，与收到的 46 条不符');
    el.remove();
  });
});
