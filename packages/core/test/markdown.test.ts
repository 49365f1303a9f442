import { expect } from '@open-wc/testing';
import { renderMarkdown, sanitizeHtml } from '../src/markdown.js';
import { isSafeUrl } from '../src/url.js';

/** Parses sanitized HTML into an inert container so we can inspect it. */
function dom(html: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = html;
  return container;
}

const XSS_VECTORS = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '<svg onload="window.__pwned = 3"><circle r="1"/></svg>',
  '<a href="javascript:window.__pwned = 4">x</a>',
  '<a href="JaVaScRiPt:window.__pwned = 5">x</a>',
  '<a href="java&#x09;script:window.__pwned = 6">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">',
  '<iframe src="https://example.com"></iframe>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<form action="https://evil.example/"><input name="id"><button>send</button></form>',
  '<style>body { display: none }</style>',
  '<p style="background:url(javascript:alert(1))">styled</p>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned = 7">',
  '<details open ontoggle="window.__pwned = 8">',
  '<a href="vbscript:msgbox(1)">x</a>',
  '[md link](javascript:window.__pwned=9)',
  '![md image](javascript:window.__pwned=10)',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '<base href="https://evil.example/">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
];

describe('renderMarkdown sanitizes', () => {
  for (const vector of XSS_VECTORS) {
    it(`removes the attack in ${vector.slice(0, 60)}`, () => {
      const html = renderMarkdown(vector);
      const root = dom(html);
      expect(root.querySelector('script, iframe, object, embed, form, input, button, style, svg, math, meta, base, link, details')).to.be.null;
      for (const el of root.querySelectorAll('*')) {
        for (const attribute of el.getAttributeNames()) {
          expect(attribute, `attribute on <${el.localName}>`).not.to.match(/^on/i);
          expect(attribute).not.to.equal('style');
        }
        for (const url of [el.getAttribute('href'), el.getAttribute('src')]) {
          if (url !== null) expect(isSafeUrl(url), url).to.be.true;
        }
      }
      expect(html).not.to.match(/javascript:|vbscript:|data:/i);
      expect((window as unknown as { __pwned?: number }).__pwned).to.be.undefined;
    });
  }
});

describe('renderMarkdown renders', () => {
  it('Markdown structure, with # demoted below the widget title', () => {
    const root = dom(renderMarkdown('# 总体要求\n\n- **五公开**\n- 政策解读\n\n| 项目 | 金额 |\n|---|---|\n| 三公经费 | 12万元 |'));
    expect(root.querySelector('h3')!.textContent).to.equal('总体要求');
    expect(root.querySelector('h1, h2')).to.be.null;
    expect(root.querySelectorAll('li')).to.have.length(2);
    expect(root.querySelector('strong')!.textContent).to.equal('五公开');
    expect(root.querySelector('table th')!.textContent).to.equal('项目');
  });

  it('starts from the editor\'s highest heading, whichever it is, so the outline never skips a level', () => {
    const root = dom(renderMarkdown('## 目标\n\n### 任务\n\n## 措施', { topHeadingLevel: 4 }));
    expect([...root.querySelectorAll('h4, h5, h6')].map((h) => h.localName)).to.deep.equal(['h4', 'h5', 'h4']);
  });

  it('honours a chosen top heading level', () => {
    expect(dom(renderMarkdown('# a', { topHeadingLevel: 4 })).querySelector('h4')).to.exist;
  });

  it('adds rel="noopener noreferrer" to external links only', () => {
    const root = dom(renderMarkdown('[外](https://www.gov.cn/) [内](/zfxxgk/) [邮](mailto:xxgk@example.cn)'));
    const [external, internal, mail] = [...root.querySelectorAll('a')];
    expect(external!.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(internal!.hasAttribute('rel')).to.be.false;
    expect(mail!.getAttribute('href')).to.equal('mailto:xxgk@example.cn');
  });

  it('keeps images with http(s) or relative sources and their alt text', () => {
    const root = dom(renderMarkdown('![一图读懂](/img/tujie.png)'));
    expect(root.querySelector('img')!.getAttribute('alt')).to.equal('一图读懂');
  });

  it('sanitizeHtml is the same filter', () => {
    expect(sanitizeHtml('<p onclick="x()">a</p>')).to.equal('<p>a</p>');
  });
});

describe('isSafeUrl', () => {
  it('allows http(s), mailto, tel and relative addresses', () => {
    for (const url of ['https://www.gov.cn/', 'http://a.cn/x.pdf', '/files/a.pdf', './a.pdf', 'a.pdf', '#part', '?q=1', 'mailto:a@b.cn', 'tel:0952-1234567']) {
      expect(isSafeUrl(url), url).to.be.true;
    }
  });
  it('refuses javascript:, data:, vbscript:, other schemes and hidden whitespace', () => {
    for (const url of ['javascript:alert(1)', ' javascript:alert(1)', 'JAVASCRIPT:x', 'java\tscript:x', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', 'ftp://x', '']) {
      expect(isSafeUrl(url), url).to.be.false;
    }
  });
});
