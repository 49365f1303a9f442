import '@gongkai/core/translations/en';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { SECTION_TYPES } from '@gongkai/core';
import type { GkErrorEvent } from '../base/events.js';
import { GkExplainerElement, type ExplainerMode } from './explainer.js';
import { failOnHostPageErrors } from '../base/internal/test-support.js';

async function example(name: string): Promise<Record<string, unknown>> {
  const response = await fetch(new URL(`./examples/${name}.json`, import.meta.url));
  return (await response.json()) as Record<string, unknown>;
}

async function explainer(data: unknown, attrs: { mode?: ExplainerMode; lang?: string } = {}): Promise<GkExplainerElement> {
  const el = await fixture<GkExplainerElement>(html`<gk-explainer .data=${data} mode=${attrs.mode ?? 'scroll'} lang=${attrs.lang ?? 'zh-CN'}></gk-explainer>`);
  await waitUntil(() => el.shadowRoot!.querySelector('article, [role="alert"]'), 'explainer did not render');
  await el.updateComplete;
  return el;
}

const root = (el: Element) => el.shadowRoot!;
const visible = (el: Element) => [...root(el).querySelectorAll<HTMLElement>('section[data-section]')].filter((s) => getComputedStyle(s).display !== 'none').map((s) => s.id);

failOnHostPageErrors();
// Each test starts without a hash: the element keeps its state there.
beforeEach(() => history.replaceState(null, '', location.pathname + location.search));

describe('<gk-explainer> examples', () => {
  for (const name of ['work-points-2018', 'budget-2018', 'minimal']) {
    for (const lang of ['zh-CN', 'en']) {
      it(`${name} (${lang}) renders and passes axe`, async () => {
        const el = await explainer(await example(name), { lang });
        expect(root(el).querySelector('article')).to.exist;
        await expect(el).to.be.accessible();
      });
    }
  }

  it('the work-points example shows every section type, a summary and the interpreter', async () => {
    const el = await explainer(await example('work-points-2018'));
    const types = [...root(el).querySelectorAll<HTMLElement>('section[data-section]')].map((s) => s.dataset.section);
    for (const type of SECTION_TYPES) expect(types, type).to.include(type);
    expect(root(el).querySelector('[part="summary"]')!.textContent!.length).to.be.greaterThan(10);
    expect(root(el).querySelector('.meta')!.textContent).to.contain('第一解读人');
    // Figures through core's formatter; the chart with its summary, table and CSV.
    expect(root(el).querySelector('.figure-value')!.textContent).to.match(/\d/);
    expect(root(el).querySelector('section[data-section="chart"] .chart-summary')!.textContent).to.match(/最多/);
    expect(root(el).querySelector('section[data-section="chart"] .data-table table caption')).to.exist;
  });

  it('media never autoplays and carries captions; images keep their alt text', async () => {
    const el = await explainer(await example('work-points-2018'));
    const video = root(el).querySelector('video')!;
    expect(video.autoplay).to.be.false;
    expect(video.hasAttribute('controls')).to.be.true;
    expect(video.querySelector('track[kind="captions"]')).to.exist;
    expect(root(el).querySelector('img')!.getAttribute('alt')!.length).to.be.greaterThan(5);
  });

  it('a video that does not load says so and opens its transcript', async () => {
    const el = await explainer({
      ...(await example('minimal')),
      sections: [{ type: 'media', id: 'talk', title: '局长来解读', kind: 'video', src: '/no-such-file.mp4', transcript: '大家好，今年我们把“五公开”落到每一个科室。' }],
    });
    const note = root(el).querySelector<HTMLElement>('.media-failed')!;
    expect(note.hidden, 'nothing said before the file fails').to.be.true;
    await waitUntil(() => !note.hidden, 'the failure is said', { timeout: 5000 });
    expect(note.textContent).to.contain('暂时无法播放').and.to.contain('文字稿');
    expect(note.getAttribute('role')).to.equal('status');
    await waitUntil(() => root(el).querySelector('.disclosure-button')!.getAttribute('aria-expanded') === 'true', 'the transcript opens');
    expect(root(el).querySelector<HTMLElement>('[id$="-transcript"]')!.hidden).to.be.false;
    expect(root(el).querySelector('[id$="-transcript"]')!.textContent).to.contain('五公开');
  });
});

describe('<gk-explainer> reading', () => {
  it('step mode shows one section at a time; next, previous and the back button move between them', async () => {
    const el = await explainer(await example('work-points-2018'), { mode: 'steps' });
    const ids = el.sectionIds;
    expect(visible(el)).to.deep.equal([ids[0]]);
    const next = [...root(el).querySelectorAll('.pager button')][1] as HTMLButtonElement;
    next.click();
    await el.updateComplete;
    expect(visible(el)).to.deep.equal([ids[1]]);
    expect(location.hash).to.equal(`#${ids[1]}`);
    next.click();
    await el.updateComplete;
    expect(visible(el)).to.deep.equal([ids[2]]);
    const popped = oneEvent(window, 'hashchange');
    history.back();
    await popped;
    await el.updateComplete;
    expect(visible(el)).to.deep.equal([ids[1]]);
  });

  it('back to the address without a section returns to the first page', async () => {
    const el = await explainer(await example('work-points-2018'), { mode: 'steps' });
    const next = [...root(el).querySelectorAll('.pager button')][1] as HTMLButtonElement;
    next.click();
    await el.updateComplete;
    expect(visible(el)).to.deep.equal([el.sectionIds[1]]);
    const popped = oneEvent(window, 'hashchange');
    history.back();
    await popped;
    await el.updateComplete;
    expect(visible(el)).to.deep.equal([el.sectionIds[0]]);
  });

  it('following a contents link moves focus into that section', async () => {
    const el = await explainer(await example('work-points-2018'));
    const link = root(el).querySelector<HTMLAnchorElement>('.toc a[href="#faq"]')!;
    const changed = oneEvent(window, 'hashchange');
    link.focus();
    await sendKeys({ press: 'Enter' });
    await changed;
    await waitUntil(() => root(el).activeElement?.classList.contains('section-title'), 'focus did not move to the section');
    expect(root(el).activeElement!.closest('section')!.id).to.equal('faq');
  });

  it('a chart shows its source, and an opened glossary definition stays in the line of text', async () => {
    const data = await example('work-points-2018');
    const sections = (data.sections as Array<Record<string, unknown>>).map((section) => (section.type === 'chart' ? { ...section, source: '县卫生计生局统计' } : section));
    const el = await explainer({ ...data, sections });
    expect(root(el).querySelector('section[data-section="chart"] .source')!.textContent).to.contain('县卫生计生局统计');
    const term = root(el).querySelector<HTMLButtonElement>('.prose .term')!;
    term.click();
    expect(getComputedStyle(term.nextElementSibling!).display).to.equal('inline');
  });

  it('a deep link (#id) opens that section', async () => {
    const el = await explainer(await example('work-points-2018'), { mode: 'steps' });
    const changed = oneEvent(window, 'hashchange');
    location.hash = '#faq';
    await changed;
    await el.updateComplete;
    expect(visible(el)).to.deep.equal(['faq']);
  });

  it('the table of contents links every section', async () => {
    const el = await explainer(await example('work-points-2018'));
    const links = [...root(el).querySelectorAll('.toc a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(el.sectionIds.map((id) => `#${id}`));
  });

  it('glossary terms in the text open their definition by click and close with Escape', async () => {
    const el = await explainer(await example('work-points-2018'));
    await el.updateComplete;
    const term = root(el).querySelector<HTMLButtonElement>('.prose .term')!;
    expect(term, 'a glossary term is marked in the text').to.exist;
    const definition = term.nextElementSibling as HTMLElement;
    expect(definition.hidden).to.be.true;
    term.focus();
    await sendKeys({ press: 'Enter' });
    expect(term.getAttribute('aria-expanded')).to.equal('true');
    expect(definition.hidden).to.be.false;
    expect(definition.textContent).to.contain(term.textContent!);
    await sendKeys({ press: 'Escape' });
    expect(definition.hidden).to.be.true;
  });

  it('questions open their answers with the keyboard, and print shows every answer', async () => {
    const el = await explainer(await example('work-points-2018'));
    const question = root(el).querySelector<HTMLButtonElement>('.qa .disclosure-button')!;
    const answer = root(el).querySelector<HTMLElement>(`#${question.getAttribute('aria-controls')}`)!;
    expect(answer.hidden).to.be.true;
    question.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(question.getAttribute('aria-expanded')).to.equal('true');
    expect(answer.hidden).to.be.false;
    await emulateMedia({ media: 'print' });
    try {
      for (const body of root(el).querySelectorAll('.disclosure-body')) expect(getComputedStyle(body).display).not.to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('page by page on screen, every section in print', async () => {
    const el = await explainer(await example('work-points-2018'), { mode: 'steps' });
    expect(visible(el)).to.have.length(1);
    await emulateMedia({ media: 'print' });
    try {
      expect(visible(el)).to.deep.equal(el.sectionIds);
      expect(getComputedStyle(root(el).querySelector('.pager')!).display).to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('fits 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      await explainer(await example('work-points-2018'));
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});

describe('<gk-explainer> bad input', () => {
  it('a section of an unknown type shows an error in its place; the others render', async () => {
    const data = await example('minimal');
    const sections = [...(data.sections as unknown[]), { type: 'poll', title: '投票', options: ['a'] }, { type: 'text', title: '最后', body: '仍然显示' }];
    const el = await explainer({ ...data, sections });
    const rendered = [...root(el).querySelectorAll('section[data-section]')];
    expect(rendered).to.have.length(sections.length);
    const poll = rendered[sections.length - 2]!;
    expect(poll.querySelector('[role="alert"]')!.textContent).to.contain('不认识的段落类型“poll”');
    expect(poll.querySelector('[role="alert"]')!.textContent).to.contain(`sections[${sections.length - 2}].type`);
    expect(rendered[sections.length - 1]!.textContent).to.contain('仍然显示');
  });

  it('an image without alt text or a video without a transcript is an error with its path', async () => {
    const data = await example('minimal');
    const el = document.createElement('gk-explainer');
    const failed = oneEvent(el, 'gk-error') as Promise<GkErrorEvent>;
    el.data = {
      ...data,
      sections: [
        { type: 'image', title: '图解', src: '/a.png', alt: ' ', caption: '说明' },
        { type: 'media', title: '视频', kind: 'video', src: '/a.mp4' },
      ],
    } as GkExplainerElement['data'];
    document.body.append(el);
    const first = await failed;
    expect(first.detail.issues.map((issue) => issue.pathText)).to.deep.equal(['sections[0].alt', 'sections[1].transcript']);
    expect(first.detail.messages[0]).to.contain('图片必须有替代文字');
    const again = oneEvent(el, 'gk-error') as Promise<GkErrorEvent>;
    el.data = { ...data, sections: [{ type: 'media', title: '视频', kind: 'video', src: '/a.mp4' }] } as GkExplainerElement['data'];
    const second = await again;
    expect(second.detail.issues.map((issue) => issue.pathText)).to.deep.equal(['sections[0].transcript']);
    expect(second.detail.messages[0]).to.contain('视频必须提供文字稿');
    el.remove();
  });
});
