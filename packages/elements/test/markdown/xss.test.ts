/**
 * Hostile Markdown through the renderer, in the browser: DOMPurify's own test
 * vectors (fixtures/dompurify-vectors.json), the CommonMark spec's raw-HTML
 * examples (fixtures/commonmark-spec-0.31.2.json, sections "HTML blocks" and
 * "Raw HTML"), and our own: event handlers, javascript:/data:/vbscript:
 * addresses (entity-encoded, split with tabs and newlines, mixed case), SVG,
 * MathML, <style>, <form>/<button>. After each: only the elements and
 * attributes the renderer makes, no on* or style attribute, no address core's
 * URL check refuses; and no script ran.
 */
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { Lexer, type Token } from 'marked';
import { isSafeUrl } from '@gongkai/core';
import '../../src/document/document.js';
import { RAW_HTML_SECTIONS, renderMarkdown, textOf } from './support.js';

declare global {
  interface Window {
    __gkXss?: string[];
  }
}

/** The elements and attributes the renderer can make; anything else came from the input. */
const ELEMENTS = new Set([
  'p',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'code',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'hr',
  'strong',
  'em',
  'del',
  'sup',
  'sub',
  'a',
  'img',
  'br',
]);
const ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'title', 'rel'],
  img: ['src', 'alt', 'title'],
  ol: ['start'],
  th: ['scope', 'align'],
  td: ['align'],
};
const KEPT_TAGS = new Set(['a', 'b', 'strong', 'i', 'em', 's', 'del', 'sup', 'sub', 'br']);

/** Ours: each one tries to run `window.__gkXss.push(...)` or to reach a place it should not. */
const OWN_VECTORS = [
  // Event handlers
  '<img src=x onerror="window.__gkXss.push(\'img onerror\')">',
  '<svg onload="window.__gkXss.push(\'svg onload\')"><circle r="1"/></svg>',
  '<body onload="window.__gkXss.push(\'body\')">',
  '<details open ontoggle="window.__gkXss.push(\'details\')">x</details>',
  '<input autofocus onfocus="window.__gkXss.push(\'input\')">',
  '<video><source onerror="window.__gkXss.push(\'source\')"></video>',
  '<b onmouseover="window.__gkXss.push(\'b\')" style="position:fixed;inset:0">粗</b>',
  '<a href="/ok" onclick="window.__gkXss.push(\'a\')" onfocus="window.__gkXss.push(\'a\')" autofocus style="color:red">链接</a>',
  '<div style="animation-name:x" onanimationstart="window.__gkXss.push(\'anim\')">',
  '<marquee onstart="window.__gkXss.push(\'marquee\')">',
  // javascript: in every disguise, as Markdown links, references, images, autolinks and HTML
  '[x](javascript:window.__gkXss.push("md"))',
  '[x](JaVaScRiPt:window.__gkXss.push("md"))',
  '[x](<javascript:window.__gkXss.push("md")>)',
  '[x](&#106;avascript:window.__gkXss.push("md"))',
  '[x](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))',
  '[x](&#0000106;&#0000097;vascript:alert(1))',
  '[x](<java\tscript:alert(1)>)',
  '[x](java&#9;script:alert(1))',
  '[x](java&#10;script:alert(1))',
  '[x](java&#13;script:alert(1))',
  '[x](&#x20;javascript:alert(1))',
  '[x](\u0001javascript:alert(1))',
  '[x](javascript&colon;alert(1))',
  '[x][r]\n\n[r]: javascript:window.__gkXss.push("ref")',
  '[x][r]\n\n[r]: <java\nscript:alert(1)>',
  '![x](javascript:window.__gkXss.push("img"))',
  '![x](&#106;avascript:alert(1))',
  '<javascript:window.__gkXss.push("auto")>',
  '<JAVASCRIPT:alert(1)>',
  '<a href="javascript:window.__gkXss.push(\'html\')">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="jav&#x0A;ascript:alert(1)">x</a>',
  '<a href="&#x6A;avascript:alert(1)">x</a>',
  "<a href='java\nscript:alert(1)'>x</a>",
  '<a href=javascript:alert(1)>x</a>',
  '<A HREF="JAVASCRIPT:alert(1)">x</A>',
  // data: and vbscript:
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](DATA:text/html,<script>alert(1)</script>)',
  '[x](&#100;ata:text/html,x)',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '[x](vbscript:msgbox(1))',
  '[x](VbScRiPt:msgbox(1))',
  '<a href="vbscript:msgbox(1)">x</a>',
  // Titles are text, not attributes to break out of
  '[x](/ok "a\\" onmouseover=\\"window.__gkXss.push(\'title\')")',
  '![x](/ok.png "\' onerror=\'window.__gkXss.push(1)")',
  // SVG and MathML
  '<svg><script>window.__gkXss.push("svg script")</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
  '<svg><animate onbegin="window.__gkXss.push(\'animate\')" attributeName="x" dur="1s"/></svg>',
  '<svg><set attributeName="href" to="javascript:alert(1)"/></svg>',
  '<svg><foreignObject><iframe srcdoc="<script>parent.__gkXss.push(1)</script>"></iframe></foreignObject></svg>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__gkXss.push(\'mxss\')">',
  "<math><mtext><option><FAKEFAKE><option></option><mglyph><svg><mtext><style><a title=\"</style><img src='#' onerror='window.__gkXss.push(1)'>\">",
  // <style>, <link>, style attributes
  '<style>*{display:none} @import "https://evil.example/x.css";</style>',
  '<style>body{background:url("javascript:alert(1)")}</style>',
  '<p style="background:url(javascript:alert(1))">styled</p>',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  // <form>, <button> and their friends
  '<form action="https://evil.example/"><input name="id"><button>提交</button></form>',
  '<button formaction="javascript:alert(1)">x</button>',
  '<form id="f"></form><button form="f" formaction="javascript:alert(1)">x</button>',
  '<input type="image" src="x" onerror="window.__gkXss.push(\'image input\')">',
  '<isindex type=image src=1 onerror=window.__gkXss.push(1)>',
  '<select><option>a</option></select><textarea>b</textarea>',
  // Frames, objects and page-level elements
  '<iframe src="javascript:window.__gkXss.push(\'iframe\')"></iframe>',
  '<iframe srcdoc="<script>parent.__gkXss.push(\'srcdoc\')</script>"></iframe>',
  '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<template><img src=x onerror="window.__gkXss.push(1)"></template>',
  '<noscript><p title="</noscript><img src=x onerror=window.__gkXss.push(1)>">',
  '<xmp><img src=x onerror=window.__gkXss.push(1)></xmp>',
  // Half-finished tags and comments that try to swallow what follows
  '<img src=x onerror=window.__gkXss.push(1)//',
  '<!--<img src=x onerror=window.__gkXss.push(1)>-->',
  '<!-- --!><img src=x onerror=window.__gkXss.push(1)>',
  '<![CDATA[><img src=x onerror=window.__gkXss.push(1)>]]>',
  '<?xml-stylesheet href="javascript:alert(1)"?><img src=x onerror=window.__gkXss.push(1)>',
  // Inside Markdown constructs
  '- <img src=x onerror=window.__gkXss.push(1)>\n- **<svg onload=window.__gkXss.push(1)>**',
  '| a | b |\n|---|---|\n| <img src=x onerror=window.__gkXss.push(1)> | [x](javascript:alert(1)) |',
  '> <script>window.__gkXss.push("quote")</script>',
  '# <img src=x onerror=window.__gkXss.push(1)>',
  '`<script>window.__gkXss.push("code")</script>`',
  '```html\n<script>window.__gkXss.push("fence")</script>\n```',
];

function checkSafe(root: Element | ShadowRoot, label: string): void {
  for (const element of root.querySelectorAll('*')) {
    const name = element.localName;
    expect(ELEMENTS.has(name), `${label}: <${name}> made`).to.be.true;
    for (const attribute of element.getAttributeNames()) {
      expect(attribute, `${label}: an event handler on <${name}>`).not.to.match(/^on/i);
      expect(attribute, `${label}: a style attribute on <${name}>`).not.to.equal('style');
      expect(ATTRIBUTES[name] ?? [], `${label}: attribute ${attribute} on <${name}>`).to.include(attribute);
    }
    for (const url of [element.getAttribute('href'), element.getAttribute('src')]) {
      if (url === null) continue;
      expect(isSafeUrl(url), `${label}: ${url}`).to.be.true;
      expect(url.replace(/[\s\u0000-\u001f]/g, ''), `${label}: ${url}`).not.to.match(/^(?:javascript|data|vbscript):/i);
    }
  }
}

/** Lets anything that was going to fire (onerror, onload, a timer set by a handler) fire. */
async function settle(): Promise<void> {
  await nextFrame();
  await new Promise((resolve) => setTimeout(resolve, 100));
  await nextFrame();
}

const dompurify = (await (await fetch(new URL('./fixtures/dompurify-vectors.json', import.meta.url))).json()) as {
  vectors: Array<{ title: string; payload: string }>;
};
const spec = (await (await fetch(new URL('./fixtures/commonmark-spec-0.31.2.json', import.meta.url))).json()) as {
  examples: Array<{ section: string; example: number; markdown: string }>;
};
const rawHtml = spec.examples.filter((example) => RAW_HTML_SECTIONS.includes(example.section));

const originals = { alert: window.alert, confirm: window.confirm, prompt: window.prompt, print: window.print };

describe('hostile Markdown renders as text', () => {
  before(() => {
    // DOMPurify's vectors call alert(1), confirm(1) … ours push to window.__gkXss: any of them is a script that ran.
    window.__gkXss = [];
    for (const name of Object.keys(originals) as Array<keyof typeof originals>) {
      (window as unknown as Record<string, unknown>)[name] = (...args: unknown[]) =>
        window.__gkXss!.push(`${name}(${args.join(',')})`);
    }
  });
  after(() => Object.assign(window, originals));
  afterEach(async () => {
    await settle();
    expect(window.__gkXss, 'a script ran').to.deep.equal([]);
  });

  it(`DOMPurify's ${dompurify.vectors.length} test vectors`, () => {
    expect(dompurify.vectors.length).to.equal(223);
    for (const { title, payload } of dompurify.vectors) {
      const container = renderMarkdown(payload);
      checkSafe(container, `DOMPurify "${title}"`);
    }
  });

  it(`${OWN_VECTORS.length} more: handlers, disguised javascript:/data:/vbscript:, SVG, MathML, <style>, <form>/<button>`, () => {
    for (const vector of OWN_VECTORS) checkSafe(renderMarkdown(vector), vector);
  });

  it(`the CommonMark spec's ${rawHtml.length} raw-HTML examples: safe, and every tag but the few kept shows as text`, () => {
    expect(rawHtml.length).to.equal(67);
    const tag =
      /<\/?([A-Za-z][A-Za-z0-9-]*)(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>/g;
    for (const example of rawHtml) {
      const label = `example ${example.example}`;
      const container = renderMarkdown(example.markdown);
      checkSafe(container, label);
      // What marked read as HTML: each tag outside the kept few is on the page as text.
      const shown = textOf(container).replace(/\s+/g, ' ');
      const walk = (tokens: Token[]): void => {
        for (const token of tokens) {
          if (token.type === 'html') {
            for (const match of (token.text as string).matchAll(tag)) {
              if (!KEPT_TAGS.has(match[1]!.toLowerCase()))
                expect(shown, label).to.contain(match[0].replace(/\s+/g, ' '));
            }
          }
          for (const key of ['tokens', 'items']) {
            const children = (token as unknown as Record<string, unknown>)[key];
            if (Array.isArray(children)) walk(children as Token[]);
          }
          if (token.type === 'table')
            for (const cells of [token.header, ...token.rows]) for (const cell of cells) walk(cell.tokens);
        }
      };
      walk(Lexer.lex(example.markdown, { gfm: true }));
    }
  });

  it('all of them at once through a real element: a <gk-document> summary', async () => {
    const payloads = [
      ...dompurify.vectors.map((vector) => vector.payload),
      ...OWN_VECTORS,
      ...rawHtml.map((example) => example.markdown),
    ];
    const el = await fixture(html`<gk-document
      .data=${{ kind: 'document', version: 1, title: '测试', issuer: '平罗县卫生和计划生育局', issued: '2018-04-20', status: '现行有效', summary: payloads.join('\n\n') }}
    ></gk-document>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.prose'), 'the summary did not render');
    const prose = el.shadowRoot!.querySelector('.prose')!;
    checkSafe(prose, 'in <gk-document>');
    expect(prose.textContent).to.contain('<img src=x onerror=');
  });
});
