import '@gongkai/core/translations/en';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import type { GkErrorEvent, GkLoadEvent } from '../base/events.js';
import { defineElement } from '../base/define.js';
import { GkDocumentElement } from './document.js';
import { failOnHostPageErrors } from '../base/internal/test-support.js';

const EXAMPLES = ['full', 'repealed', 'draft', 'minimal'] as const;

async function example(name: string): Promise<Record<string, unknown>> {
  const response = await fetch(new URL(`./examples/${name}.json`, import.meta.url));
  return (await response.json()) as Record<string, unknown>;
}

function shadow(el: Element): ShadowRoot {
  return el.shadowRoot!;
}

/** Waits for an element to finish loading (ready or error). */
async function settled(el: GkDocumentElement): Promise<void> {
  await waitUntil(() => shadow(el).querySelector('article, [role="alert"]'), 'element did not settle', {
    timeout: 8000,
  });
  await el.updateComplete;
}

function errorText(el: Element): string {
  return shadow(el).querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ') ?? '';
}

failOnHostPageErrors();

describe('<gk-document> data sources', () => {
  it('renders from the data property and dispatches gk-load', async () => {
    const data = await example('full');
    const el = document.createElement('gk-document');
    const loaded = oneEvent(el, 'gk-load') as Promise<GkLoadEvent>;
    el.data = data as GkDocumentElement['data'];
    document.body.append(el);
    const event = await loaded;
    expect(event.detail.source).to.equal('data');
    expect(event.bubbles && event.composed).to.be.true;
    const root = shadow(el);
    expect(root.querySelector('h2')!.textContent).to.contain('2018年政务公开工作要点');
    expect(root.querySelector('[part="status"]')!.textContent).to.contain('现行有效');
    const meta = root.querySelector('dl')!.textContent!.replace(/\s+/g, '');
    expect(meta).to.contain('平卫计发〔2018〕45号');
    expect(meta).to.contain('2018年4月20日');
    expect(meta).to.contain('640221-WJ-2018-00045');
    expect(root.querySelectorAll('.files a')).to.have.length(2);
    expect(root.querySelector('.files a')!.textContent).to.contain('PDF，240 KB');
    el.remove();
  });

  it('renders from an inline <script type="application/json"> child', async () => {
    const data = await example('repealed');
    const el = await fixture<GkDocumentElement>(html`<gk-document>
      <script type="application/json">
        ${JSON.stringify(data)}
      </script>
    </gk-document>`);
    await settled(el);
    const root = shadow(el);
    expect(root.querySelector('[part="status"]')!.textContent).to.contain('已废止');
    // [2015] is normalised to 〔2015〕.
    expect(root.querySelector('dl')!.textContent).to.contain('平卫计发〔2015〕12号');
    expect(root.querySelector('dl')!.textContent).to.contain('2018年4月20日');
  });

  it('reads inline JSON that is appended after the element is connected', async () => {
    const data = await example('minimal');
    const el = await fixture<GkDocumentElement>(html`<gk-document></gk-document>`);
    const loaded = oneEvent(el, 'gk-load');
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify(data);
    el.append(script);
    await loaded;
    expect(shadow(el).querySelector('h2')!.textContent).to.contain('部门预算公开说明');
  });

  it('loads from src with a loading state, then renders', async () => {
    const el = document.createElement('gk-document');
    el.src = '/test-api/slow.json?ms=300';
    const loaded = oneEvent(el, 'gk-load') as Promise<GkLoadEvent>;
    document.body.append(el);
    await el.updateComplete;
    const status = shadow(el).querySelector('[role="status"]');
    expect(status?.textContent).to.contain('正在加载');
    expect(el.getAttribute('aria-busy')).to.equal('true');
    const event = await loaded;
    expect(event.detail.source).to.equal('src');
    expect(el.hasAttribute('aria-busy')).to.be.false;
    expect(shadow(el).querySelector('h2')!.textContent).to.contain('政务公开工作要点');
    el.remove();
  });

  it('prefers the data property over src and inline JSON', async () => {
    const minimal = await example('minimal');
    const el = await fixture<GkDocumentElement>(
      html`<gk-document .data=${minimal} src="/test-api/not-found.json"></gk-document>`,
    );
    await settled(el);
    expect(shadow(el).querySelector('h2')!.textContent).to.contain('部门预算公开说明');
  });

  it('shows an error naming the sources when no data is given', async () => {
    const el = await fixture<GkDocumentElement>(html`<gk-document></gk-document>`);
    await settled(el);
    expect(errorText(el)).to.contain('没有提供数据');
  });
});

describe('<gk-document> failures', () => {
  async function failing(src: string, extra: Partial<GkDocumentElement> = {}) {
    const el = document.createElement('gk-document');
    Object.assign(el, extra);
    el.src = src;
    const failed = oneEvent(el, 'gk-error') as Promise<GkErrorEvent>;
    document.body.append(el);
    const event = await failed;
    await el.updateComplete;
    return { el, event };
  }

  afterEach(() => document.querySelectorAll('body > gk-document').forEach((el) => el.remove()));

  it('404: says the file was not found, with its address', async () => {
    const { el, event } = await failing('/test-api/not-found.json');
    expect(errorText(el)).to.contain('找不到数据文件（HTTP 404，/test-api/not-found.json）');
    expect(event.detail.source).to.equal('src');
    expect(event.bubbles && event.composed).to.be.true;
    expect(shadow(el).querySelector('[part="retry-button"]')).to.exist;
  });

  it('500: names the status', async () => {
    const { el } = await failing('/test-api/server-error.json');
    expect(errorText(el)).to.contain('HTTP 500');
  });

  it('malformed JSON: names the line and column of the syntax error', async () => {
    const { el, event } = await failing('/test-api/malformed.json');
    expect(errorText(el)).to.contain('JSON 格式错误');
    expect(errorText(el)).to.contain('应为逗号“,”或结束括号“}”');
    expect(errorText(el)).to.contain('第 5 行第 3 列');
    expect(event.detail.issues[0]).to.include({ line: 5, col: 3 });
  });

  it('an HTML page instead of JSON: says so', async () => {
    const { el } = await failing('/test-api/html-page.json');
    expect(errorText(el)).to.contain('返回的是网页，不是 JSON 数据');
  });

  it('a response slower than the timeout: says it timed out', async () => {
    const { el } = await failing('/test-api/slow.json?ms=3000', { timeout: 300 });
    expect(errorText(el)).to.contain('加载超时');
    expect(errorText(el)).to.contain('0.3 秒');
  });

  it('an invalid document: names the JSON path, what was expected, and the line', async () => {
    const { el, event } = await failing('/test-api/invalid.json');
    const text = errorText(el);
    expect(text).to.contain('attachments[0].size：应为数字，实际为文本（第 9 行第 45 列）');
    expect(shadow(el).querySelector('[role="alert"] code')!.textContent).to.equal('attachments[0].size');
    expect(event.detail.issues.map((issue) => issue.pathText)).to.deep.equal(['attachments[0].size']);
    expect(event.detail.messages[0]).to.contain('attachments[0].size');
  });

  it('retry: the button loads src again and then renders', async () => {
    const { el } = await failing(`/test-api/flaky.json?key=${Math.random()}`);
    expect(errorText(el)).to.contain('HTTP 503');
    const button = shadow(el).querySelector<HTMLButtonElement>('[part="retry-button"]')!;
    button.focus();
    const loaded = oneEvent(el, 'gk-load');
    await sendKeys({ press: 'Enter' });
    await loaded;
    expect(shadow(el).querySelector('h2')!.textContent).to.contain('政务公开工作要点');
  });

  it('lists every problem of a wrong document given as data, in English when lang="en"', async () => {
    const el = document.createElement('gk-document');
    el.lang = 'en';
    const failed = oneEvent(el, 'gk-error') as Promise<GkErrorEvent>;
    el.data = {
      kind: 'document',
      version: 1,
      titel: 'typo',
      issuer: '平罗县卫生和计划生育局',
      issued: '2018-13-01',
      status: '有效',
      attachments: [{ name: 'a', format: 'pdf', size: 1, url: 'javascript:alert(1)' }],
    } as unknown as GkDocumentElement['data']; // wrong on purpose: TypeScript would refuse it
    document.body.append(el);
    const event = await failed;
    await el.updateComplete;
    const paths = event.detail.issues.map((issue) => issue.pathText).sort();
    expect(paths).to.deep.equal(['attachments[0].url', 'issued', 'status', 'title', 'titel'].sort());
    const text = errorText(el);
    expect(text).to.contain('This content cannot be shown');
    expect(text).to.contain('unknown field “titel”; did you mean “title”?');
    expect(text).to.contain('title: required field is missing');
    expect(text).to.contain('javascript: and data: are not allowed');
  });

  it('the error state passes axe', async () => {
    const { el } = await failing('/test-api/invalid.json');
    await expect(el).to.be.accessible();
  });
});

describe('<gk-document> security', () => {
  it('the Markdown summary makes no scripts, handlers, javascript: links, iframes, forms or styles: those tags show as text', async () => {
    const data = {
      ...(await example('minimal')),
      summary: [
        '<img src=x onerror="window.__xss=1">',
        '<script>window.__xss=2</script>',
        '[点我](javascript:window.__xss=3)',
        '<iframe src="https://example.com"></iframe>',
        '<form action="/steal"><input name="id"></form>',
        '<p style="position:fixed;top:0">覆盖</p>',
        '<a href="https://example.com/x">外部链接</a>',
      ].join('\n\n'),
    };
    const el = await fixture<GkDocumentElement>(html`<gk-document .data=${data}></gk-document>`);
    await settled(el);
    const prose = shadow(el).querySelector('.prose')!;
    expect(prose.querySelector('script, iframe, form, input, [style], [onerror]')).to.be.null;
    expect(prose.innerHTML).not.to.contain('javascript:');
    expect(prose.textContent)
      .to.contain('<img src=x onerror="window.__xss=1">')
      .and.to.contain('<iframe src="https://example.com"></iframe>');
    expect(prose.querySelector('a[href="https://example.com/x"]')!.getAttribute('rel')).to.equal('noopener noreferrer');
    expect((window as unknown as { __xss?: number }).__xss).to.be.undefined;
  });

  it('renders editor strings as text, never as HTML', async () => {
    const data = { ...(await example('minimal')), title: '<img src=x onerror="window.__xss=4">标题' };
    const el = await fixture<GkDocumentElement>(html`<gk-document .data=${data}></gk-document>`);
    await settled(el);
    expect(shadow(el).querySelector('h2')!.textContent).to.contain('<img src=x');
    expect(shadow(el).querySelector('h2 img')).to.be.null;
  });

  it('registering the element twice does not throw', () => {
    expect(() => defineElement('gk-document', class extends GkDocumentElement {})).not.to.throw();
    expect(customElements.get('gk-document')).to.equal(GkDocumentElement);
  });
});

describe('<gk-document> reading', () => {
  for (const name of EXAMPLES) {
    for (const lang of ['zh-CN', 'en']) {
      it(`example "${name}" (${lang}) renders and passes axe`, async () => {
        const data = await example(name);
        const el = await fixture<GkDocumentElement>(html`<gk-document lang=${lang} .data=${data}></gk-document>`);
        await settled(el);
        expect(shadow(el).querySelector('article')).to.exist;
        await expect(el).to.be.accessible();
      });
    }
  }

  it('uses English labels and dates with lang="en"', async () => {
    const data = await example('full');
    const el = await fixture<GkDocumentElement>(html`<gk-document lang="en" .data=${data}></gk-document>`);
    await settled(el);
    const text = shadow(el).querySelector('article')!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('In force');
    expect(text).to.contain('20 April 2018');
    expect(text).to.contain('Policy interpretation');
  });

  it('never writes lang="" itself, and follows el.lang and the page\'s lang', async () => {
    const data = await example('minimal');
    const el = await fixture<GkDocumentElement>(html`<gk-document .data=${data}></gk-document>`);
    await settled(el);
    expect(el.hasAttribute('lang')).to.be.false;
    expect(shadow(el).querySelector('dl')!.textContent).to.contain('发文机关');
    el.lang = 'en';
    await el.updateComplete;
    expect(shadow(el).querySelector('dl')!.textContent).to.contain('Issued by');
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en-GB"><gk-document .data=${data}></gk-document></div>`,
    );
    const inner = wrapper.querySelector('gk-document')!;
    await settled(inner);
    expect(shadow(inner).querySelector('dl')!.textContent).to.contain('Issued by');
  });

  it('takes its top heading level from heading-level', async () => {
    const data = await example('full');
    const el = await fixture<GkDocumentElement>(html`<gk-document heading-level="3" .data=${data}></gk-document>`);
    await settled(el);
    expect(shadow(el).querySelector('h3#title')).to.exist;
    expect(shadow(el).querySelectorAll('h4').length).to.be.greaterThan(1);
  });

  it('every link is reachable with the Tab key, in reading order', async () => {
    const data = await example('full');
    const before = document.createElement('button');
    before.textContent = 'before';
    document.body.append(before);
    const el = await fixture<GkDocumentElement>(html`<gk-document .data=${data}></gk-document>`);
    await settled(el);
    const links = [...shadow(el).querySelectorAll('a[href]')];
    expect(links).to.have.length(5);
    before.focus();
    for (const link of links) {
      await sendKeys({ press: 'Tab' });
      expect(shadow(el).activeElement).to.equal(link);
    }
    before.remove();
  });

  it('is readable at 320 px: nothing overflows sideways', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const data = await example('full');
      const el = await fixture<GkDocumentElement>(html`<gk-document .data=${data}></gk-document>`);
      await settled(el);
      const article = shadow(el).querySelector('article')!;
      expect(article.scrollWidth).to.be.at.most(article.clientWidth + 1);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('prints link addresses and hides buttons', async () => {
    const data = await example('full');
    const el = await fixture<GkDocumentElement>(html`<gk-document .data=${data}></gk-document>`);
    await settled(el);
    await emulateMedia({ media: 'print' });
    try {
      const link = shadow(el).querySelector('.files a')!;
      expect(getComputedStyle(link, '::after').content).to.contain('/files/2018/gongkai-yaodian-2018.pdf');
      const failing = await fixture<GkDocumentElement>(
        html`<gk-document src="/test-api/not-found.json"></gk-document>`,
      );
      await settled(failing);
      expect(getComputedStyle(shadow(failing).querySelector('[part="retry-button"]')!).display).to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it("the host page's CSS does not leak in", async () => {
    const style = document.createElement('style');
    style.textContent =
      'body { text-align: center; line-height: 0.5; letter-spacing: 4px; } h2 { color: red; display: none; }';
    document.head.append(style);
    try {
      const data = await example('full');
      const el = await fixture<GkDocumentElement>(html`<gk-document .data=${data}></gk-document>`);
      await settled(el);
      const title = shadow(el).querySelector('h2')!;
      const computed = getComputedStyle(title);
      expect(computed.display).to.equal('block');
      expect(computed.textAlign).to.equal('start');
      expect(computed.letterSpacing).to.equal('normal');
      expect(computed.color).not.to.equal('rgb(255, 0, 0)');
    } finally {
      style.remove();
    }
  });
});
