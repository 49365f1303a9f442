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

async function explainer(
  data: unknown,
  attrs: { mode?: ExplainerMode; lang?: string } = {},
): Promise<GkExplainerElement> {
  const el = await fixture<GkExplainerElement>(
    html`<gk-explainer .data=${data} mode=${attrs.mode ?? 'scroll'} lang=${attrs.lang ?? 'zh-CN'}></gk-explainer>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('article, [role="alert"]'), 'explainer did not render');
  await el.updateComplete;
  return el;
}

const root = (el: Element) => el.shadowRoot!;
const visible = (el: Element) =>
  [...root(el).querySelectorAll<HTMLElement>('section[data-section]')]
    .filter((s) => getComputedStyle(s).display !== 'none')
    .map((s) => s.id);

failOnHostPageErrors();
// Each test starts without a hash (the element keeps its state there) and without a reading mode chosen in an earlier test.
beforeEach(() => {
  history.replaceState(null, '', location.pathname + location.search);
  sessionStorage.clear();
});

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
      sections: [
        {
          type: 'media',
          id: 'talk',
          title: '局长来解读',
          kind: 'video',
          src: '/no-such-file.mp4',
          transcript: '大家好，今年我们把“五公开”落到每一个科室。',
        },
      ],
    });
    const note = root(el).querySelector<HTMLElement>('.media-failed')!;
    expect(note.hidden, 'nothing said before the file fails').to.be.true;
    await waitUntil(() => !note.hidden, 'the failure is said', { timeout: 5000 });
    expect(note.textContent).to.contain('暂时无法播放').and.to.contain('文字稿');
    expect(note.getAttribute('role')).to.equal('status');
    await waitUntil(
      () => root(el).querySelector('.disclosure-button')!.getAttribute('aria-expanded') === 'true',
      'the transcript opens',
    );
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
    await waitUntil(
      () => root(el).activeElement?.classList.contains('section-title'),
      'focus did not move to the section',
    );
    expect(root(el).activeElement!.closest('section')!.id).to.equal('faq');
  });

  it('a chart shows its source, and an opened glossary definition stays in the line of text', async () => {
    const data = await example('work-points-2018');
    const sections = (data.sections as Array<Record<string, unknown>>).map((section) =>
      section.type === 'chart' ? { ...section, source: '县卫生计生局统计' } : section,
    );
    const el = await explainer({ ...data, sections });
    expect(root(el).querySelector('section[data-section="chart"] .source')!.textContent).to.contain('县卫生计生局统计');
    const term = root(el).querySelector<HTMLButtonElement>('.prose .term')!;
    term.click();
    await el.updateComplete;
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
      for (const body of root(el).querySelectorAll('.disclosure-body'))
        expect(getComputedStyle(body).display).not.to.equal('none');
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

/** A document whose glossary terms appear in key figures, steps, a comparison, a caption and Q&A answers. */
async function withTermsEverywhere(): Promise<Record<string, unknown>> {
  return {
    ...(await example('minimal')),
    glossary: [
      { term: '五公开', definition: '决策、执行、管理、服务、结果公开。' },
      { term: '依申请公开', definition: '网上查不到的政府信息，可以书面申请。' },
    ],
    sections: [
      {
        type: 'figures',
        id: 'numbers',
        title: '几个数字',
        items: [
          { value: 5, unit: '类', label: '五公开的类别' },
          { value: 15, unit: '个工作日', label: '依申请公开最迟答复时间；五公开不变' },
        ],
      },
      {
        type: 'qa',
        id: 'faq',
        title: '您可能想问',
        items: [
          { question: '什么是五公开？', answer: '**五公开**就是决策、执行、管理、服务、结果公开。' },
          { question: '依申请公开怎么办？', answer: '依申请公开：写一份申请。[五公开](/wgk/)的链接文字不标注。' },
        ],
      },
      {
        type: 'compare',
        id: 'changes',
        title: '变化',
        rows: [{ aspect: '五公开', before: '零散公开', after: '依申请公开与主动公开并行' }],
      },
    ],
  };
}

describe('<gk-explainer> glossary terms everywhere', () => {
  it('terms are marked in key figures, Q&A answers and comparisons, once per section, never inside a button or a link, with unique ids', async () => {
    const el = await explainer(await withTermsEverywhere());
    const terms = (id: string) =>
      [...root(el).querySelectorAll<HTMLButtonElement>(`#${id} .term`)].map((button) => button.textContent);
    expect(terms('numbers')).to.deep.equal(['五公开', '依申请公开']);
    expect(root(el).querySelector('#numbers .figure-label .term')).to.exist;
    // The question is itself a button: its terms stay text; the answers carry them, each once for the section.
    expect(root(el).querySelector('#faq .disclosure-button .term')).to.be.null;
    expect(terms('faq')).to.deep.equal(['五公开', '依申请公开']);
    expect(root(el).querySelector('#faq a .term')).to.be.null;
    expect(terms('changes')).to.deep.equal(['五公开', '依申请公开']);
    const ids = [...root(el).querySelectorAll('.term')].map((button) => button.getAttribute('aria-controls')!);
    expect(new Set(ids).size).to.equal(ids.length);
    for (const id of ids) expect(root(el).getElementById(id)!.classList.contains('term-definition')).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('inside an opened answer a term opens and closes by keyboard, and focus stays on it', async () => {
    const el = await explainer(await withTermsEverywhere());
    const question = root(el).querySelector<HTMLButtonElement>('#faq .disclosure-button')!;
    question.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ press: 'Tab' });
    const term = root(el).activeElement as HTMLButtonElement;
    expect(term.classList.contains('term'), 'Tab reaches the term in the answer').to.be.true;
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const definition = root(el).getElementById(term.getAttribute('aria-controls')!)!;
    expect(term.getAttribute('aria-expanded')).to.equal('true');
    expect(definition.hidden).to.be.false;
    expect(definition.textContent).to.equal('五公开：决策、执行、管理、服务、结果公开。');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(definition.hidden).to.be.true;
    expect(root(el).activeElement).to.equal(term);
  });

  it("a figure's term opens on a tap (click) too", async () => {
    const el = await explainer(await withTermsEverywhere());
    const term = root(el).querySelector<HTMLButtonElement>('#numbers .figure-label .term')!;
    term.click();
    await el.updateComplete;
    expect(root(el).getElementById(term.getAttribute('aria-controls')!)!.hidden).to.be.false;
  });

  it('new data replaces the text whole: no term or word of the old text is left', async () => {
    const el = await explainer(await withTermsEverywhere());
    const data = await withTermsEverywhere();
    const sections = data.sections as Array<Record<string, unknown>>;
    sections[1] = {
      type: 'qa',
      id: 'faq',
      title: '您可能想问',
      items: [
        { question: '新问题', answer: '全新的回答，没有名词。' },
        { question: '依申请公开怎么办？', answer: '改过的回答：依申请公开请到窗口。' },
      ],
    };
    el.data = data as GkExplainerElement['data'];
    await waitUntil(
      () => root(el).querySelector('#faq')?.textContent?.includes('全新的回答'),
      'the new answer did not render',
    );
    const bodies = [...root(el).querySelectorAll('#faq .disclosure-body')].map((body) =>
      body.textContent!.replace(/\s+/g, ''),
    );
    expect(bodies[0]).to.equal('全新的回答，没有名词。');
    expect(bodies[1]).to.equal('改过的回答：依申请公开依申请公开：网上查不到的政府信息，可以书面申请。请到窗口。');
  });
});

describe('<gk-explainer> on a phone (375 px)', () => {
  before(() => setViewport({ width: 375, height: 740 }));
  after(() => setViewport({ width: 800, height: 600 }));

  for (const mode of ['scroll', 'steps'] as const) {
    it(`${mode} mode fits the width, and its buttons are big enough to tap`, async () => {
      const el = await explainer(await example('work-points-2018'), { mode });
      expect(document.documentElement.scrollWidth).to.be.at.most(375);
      for (const button of root(el).querySelectorAll<HTMLButtonElement>('.toolbar button, .pager button')) {
        const box = button.getBoundingClientRect();
        expect(box.height, button.textContent!).to.be.at.least(44);
        expect(box.right).to.be.at.most(375);
      }
    });
  }

  it("step mode: the next page's title takes focus and is on screen", async () => {
    const el = await explainer(await example('work-points-2018'), { mode: 'steps' });
    const next = [...root(el).querySelectorAll<HTMLButtonElement>('.pager button')][1]!;
    next.scrollIntoView();
    next.click();
    await el.updateComplete;
    await waitUntil(
      () => root(el).activeElement?.classList.contains('section-title'),
      'focus did not move to the new page',
    );
    const title = root(el).activeElement!.getBoundingClientRect();
    expect(title.top).to.be.within(0, 740);
  });

  it('the policy card waits behind a button, so the explanation comes first; print shows it', async () => {
    await import('../document/document.js');
    const data = await example('work-points-2018');
    const el = await explainer(data);
    const button = root(el).querySelector<HTMLButtonElement>('.policy-card .disclosure-button')!;
    expect(button.textContent!.trim()).to.equal('文件详情');
    const body = root(el).getElementById(button.getAttribute('aria-controls')!)!;
    expect(body.hidden).to.be.true;
    expect(body.querySelector('gk-document')).to.exist;
    // Before: the card stood open between the summary and the contents.
    expect(root(el).querySelector('.toc')!.getBoundingClientRect().top).to.be.below(1400);
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle(body).display).not.to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });
});

describe('<gk-explainer> deep links and reloads', () => {
  it('a deep link into step mode, loaded with the page, shows that section and brings it on screen', async () => {
    history.replaceState(null, '', '#faq');
    const spacer = document.createElement('div');
    spacer.style.height = '3000px';
    document.body.prepend(spacer);
    try {
      scrollTo(0, 0);
      const el = await explainer(await example('work-points-2018'), { mode: 'steps' });
      expect(visible(el)).to.deep.equal(['faq']);
      await waitUntil(() => {
        const box = root(el).getElementById('faq')!.getBoundingClientRect();
        return box.top >= -1 && box.top < innerHeight;
      }, 'the section was not scrolled into view');
      expect(root(el).activeElement?.closest('section')?.id).to.equal('faq');
    } finally {
      spacer.remove();
    }
  });

  it('after a reload, the reading mode the reader chose and the section in the address come back', async () => {
    const first = await explainer(await example('work-points-2018'));
    const steps = [...root(first).querySelectorAll<HTMLButtonElement>('.toolbar button')][1]!;
    steps.click();
    await first.updateComplete;
    expect(first.mode).to.equal('steps');
    const next = [...root(first).querySelectorAll<HTMLButtonElement>('.pager button')][1]!;
    next.click();
    next.click();
    await first.updateComplete;
    const page = location.hash.slice(1);
    expect(visible(first)).to.deep.equal([page]);
    // A reload: the element is gone and made anew from the same page markup (mode="scroll"), the address unchanged.
    first.remove();
    const again = await explainer(await example('work-points-2018'));
    expect(again.mode).to.equal('steps');
    expect(visible(again)).to.deep.equal([page]);
  });
});

describe('<gk-explainer> bad input', () => {
  it('a section of an unknown type shows an error in its place; the others render', async () => {
    const data = await example('minimal');
    const sections = [
      ...(data.sections as unknown[]),
      { type: 'poll', title: '投票', options: ['a'] },
      { type: 'text', title: '最后', body: '仍然显示' },
    ];
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
    expect(first.detail.issues.map((issue) => issue.pathText)).to.deep.equal([
      'sections[0].alt',
      'sections[1].transcript',
    ]);
    expect(first.detail.messages[0]).to.contain('图片必须有替代文字');
    const again = oneEvent(el, 'gk-error') as Promise<GkErrorEvent>;
    el.data = {
      ...data,
      sections: [{ type: 'media', title: '视频', kind: 'video', src: '/a.mp4' }],
    } as GkExplainerElement['data'];
    const second = await again;
    expect(second.detail.issues.map((issue) => issue.pathText)).to.deep.equal(['sections[0].transcript']);
    expect(second.detail.messages[0]).to.contain('视频必须提供文字稿');
    el.remove();
  });
});
