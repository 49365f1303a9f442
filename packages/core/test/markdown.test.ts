import { expect } from '@open-wc/testing';
import { parseMarkdown, type MarkdownBlock, type MarkdownInline } from '../src/markdown.js';
import { decodeEntities } from '../src/entities.js';
import { isSafeUrl } from '../src/url.js';

/** The inline nodes of a one-paragraph document. */
function inline(source: string): MarkdownInline[] {
  const [first] = parseMarkdown(source);
  expect(first?.type, source).to.be.oneOf(['paragraph', 'inline']);
  return (first as { children: MarkdownInline[] }).children;
}

/** Every node of the tree, depth first, for "nothing like this anywhere" checks. */
function* walk(nodes: Array<MarkdownBlock | MarkdownInline>): Generator<MarkdownBlock | MarkdownInline> {
  for (const node of nodes) {
    yield node;
    if (typeof node === 'string') continue;
    if ('children' in node) yield* walk(node.children);
    if (node.type === 'list') for (const item of node.items) yield* walk(item);
    if (node.type === 'table')
      for (const cells of [node.head, ...node.rows]) for (const cell of cells) yield* walk(cell);
  }
}

describe('parseMarkdown: structure', () => {
  it("demotes headings below the widget title, from the editor's highest heading, in order", () => {
    expect(
      parseMarkdown('# 总体要求\n\n## 任务\n\n# 措施').map((block) => block.type === 'heading' && block.level),
    ).to.deep.equal([3, 4, 3]);
    expect(
      parseMarkdown('## 目标\n\n### 任务\n\n## 措施', { topHeadingLevel: 4 }).map(
        (block) => block.type === 'heading' && block.level,
      ),
    ).to.deep.equal([4, 5, 4]);
    // Setext headings count, and headings inside lists and quotes too; nothing goes beyond h6.
    const nested = parseMarkdown('标题\n===\n\n> ### 引文标题\n\n- ###### 深\n', { topHeadingLevel: 5 });
    expect(nested[0]).to.deep.include({ type: 'heading', level: 5 });
    expect(
      [...walk(nested)]
        .filter((node) => typeof node !== 'string' && node.type === 'heading')
        .map((node) => (node as { level: number }).level),
    ).to.deep.equal([5, 6, 6]);
  });

  it('lists: nested, numbered from any start, tight items without paragraphs, loose ones with', () => {
    const [list] = parseMarkdown('3. 第三\n4. 第四\n   - 甲\n   - 乙\n');
    expect(list).to.deep.include({ type: 'list', ordered: true, start: 3 });
    const items = (list as Extract<MarkdownBlock, { type: 'list' }>).items;
    expect(items[0]).to.deep.equal([{ type: 'inline', children: ['第三'] }]);
    expect(items[1]![1]).to.deep.include({ type: 'list', ordered: false });
    const [loose] = parseMarkdown('- 一\n\n- 二\n');
    expect((loose as Extract<MarkdownBlock, { type: 'list' }>).items[0]![0]!.type).to.equal('paragraph');
  });

  it('tables keep their alignment; code keeps its text as written', () => {
    const [table] = parseMarkdown('| 项目 | 金额 | 说明 |\n|:--|--:|:-:|\n| 三公经费 | 12 | `&amp;` |');
    expect(table).to.deep.include({ type: 'table', align: ['left', 'right', 'center'] });
    expect((table as Extract<MarkdownBlock, { type: 'table' }>).rows[0]![2]).to.deep.equal([
      { type: 'code', text: '&amp;' },
    ]);
    expect(parseMarkdown('```\n<b>&amp;</b>\n```')).to.deep.equal([{ type: 'code', text: '<b>&amp;</b>\n' }]);
  });

  it('reference links, images with alt, hard breaks and quotes', () => {
    expect(inline('见[通知][1]。\n\n[1]: /tz/1.html "通知全文"')).to.deep.equal([
      '见',
      { type: 'link', href: '/tz/1.html', title: '通知全文', children: ['通知'] },
      '。',
    ]);
    expect(inline('![一图读懂 *2018*](/img/tujie.png)')).to.deep.equal([
      { type: 'image', src: '/img/tujie.png', alt: '一图读懂 2018' },
    ]);
    expect(inline('第一行  \n第二行\\\n第三行')).to.deep.equal([
      '第一行',
      { type: 'br' },
      '第二行',
      { type: 'br' },
      '第三行',
    ]);
    expect(parseMarkdown('> 引用')[0]).to.deep.equal({
      type: 'quote',
      children: [{ type: 'paragraph', children: ['引用'] }],
    });
  });

  it('decodes character references in text, titles and addresses, but not in code or escapes', () => {
    expect(inline('A&amp;B &copy; &#8212; &#x4E2D; \\&amp; `&amp;`')).to.deep.equal([
      'A&B © — 中 &amp; ',
      { type: 'code', text: '&amp;' },
    ]);
    expect(inline('[x](/a?b=1&amp;c=2 "&ldquo;t&rdquo;")')).to.deep.equal([
      { type: 'link', href: '/a?b=1&c=2', title: '“t”', children: ['x'] },
    ]);
  });

  it("percent-encodes addresses as marked's renderer did", () => {
    expect(inline('[文件](/files/政务 公开.pdf)')).to.deep.equal(['[文件](/files/政务 公开.pdf)']);
    expect(inline('[文件](</files/政务 公开.pdf>)')).to.deep.equal([
      { type: 'link', href: '/files/%E6%94%BF%E5%8A%A1%20%E5%85%AC%E5%BC%80.pdf', children: ['文件'] },
    ]);
  });
});

describe('parseMarkdown: input that breaks parsers', () => {
  it('nesting too deep for the lexer shows the text as written instead of throwing', () => {
    for (const source of [
      '*'.repeat(20000) + '公开' + '*'.repeat(20000),
      '>'.repeat(50000) + ' 引用',
      '['.repeat(30000) + '链接' + ']'.repeat(30000),
    ]) {
      const tree = parseMarkdown(source);
      const text = [...walk(tree)].filter((node): node is string => typeof node === 'string').join('');
      expect(text.replace(/[*>[\]\s]/g, ''), source.slice(0, 10)).to.contain(source.replace(/[*>[\]\s]/g, ''));
    }
  });
});

describe('parseMarkdown: inline HTML a CMS pastes', () => {
  it('becomes the nodes it means, without attributes', () => {
    expect(
      inline(
        '<b class="x" style="color:red">粗</b><strong>强</strong><i>斜</i><em>重</em><s>删</s><del>去</del>m<sup>2</sup>H<sub>2</sub>O<br>行<BR/>尾',
      ),
    ).to.deep.equal([
      { type: 'strong', children: ['粗'] },
      { type: 'strong', children: ['强'] },
      { type: 'em', children: ['斜'] },
      { type: 'em', children: ['重'] },
      { type: 'del', children: ['删'] },
      { type: 'del', children: ['去'] },
      'm',
      { type: 'sup', children: ['2'] },
      'H',
      { type: 'sub', children: ['2'] },
      'O',
      { type: 'br' },
      '行',
      { type: 'br' },
      '尾',
    ]);
  });

  it('a link keeps only a checked href; without one its text stays', () => {
    expect(inline('<a href="/zfxxgk/" onclick="steal()" target="_blank" title="t">目录</a>')).to.deep.equal([
      { type: 'link', href: '/zfxxgk/', children: ['目录'] },
    ]);
    expect(inline("<a href='https://www.gov.cn/?a=1&amp;b=2'>国务院</a>")).to.deep.equal([
      { type: 'link', href: 'https://www.gov.cn/?a=1&b=2', children: ['国务院'] },
    ]);
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      '&#106;avascript:alert(1)',
      'java&#x09;script:alert(1)',
      'java\tscript:x',
      ' javascript:x',
      'data:text/html,x',
      'vbscript:x',
    ]) {
      expect(inline(`<a href="${href}">文字</a>`), href).to.deep.equal(['文字']);
    }
    expect(inline('<a name="x">锚</a>')).to.deep.equal(['锚']);
  });

  it('closes what is left open, drops stray closing tags and never nests links', () => {
    expect(inline('<b>未闭合 <i>斜</b>后</i>')).to.deep.equal([
      { type: 'strong', children: ['未闭合 ', { type: 'em', children: ['斜'] }] },
      '后',
    ]);
    expect(inline('a</b>b')).to.deep.equal(['ab']);
    expect(inline('[外<a href="/in">内</a>](/out)')).to.deep.equal([
      { type: 'link', href: '/out', children: ['外内'] },
    ]);
  });

  it('any other tag shows as text; comments show nothing', () => {
    expect(inline('前<span style="x">中</span><img src=x onerror=alert(1)>后<!-- 注释 -->')).to.deep.equal([
      '前<span style="x">中</span><img src=x onerror=alert(1)>后',
    ]);
    expect(parseMarkdown('<div onclick="x()">\n*块*\n</div>')).to.deep.equal([
      { type: 'inline', children: ['<div onclick="x()">\n*块*\n</div>'] },
    ]);
    expect(parseMarkdown('<script>alert(1)</script>')).to.deep.equal([
      { type: 'inline', children: ['<script>alert(1)</script>'] },
    ]);
  });
});

describe('parseMarkdown: addresses', () => {
  const refused = [
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    '&#x6A;avascript:alert(1)',
    '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)',
    'java&#9;script:alert(1)',
    'java&#10;script:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'DaTa:image/svg+xml,<svg onload=alert(1)>',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'file:///etc/passwd',
  ];
  for (const url of refused) {
    it(`refuses ${url}: the link becomes its text, the image its alt`, () => {
      const tree = parseMarkdown(`[链接](<${url}>) ![图片](<${url}>) <${url}>`);
      for (const node of walk(tree)) {
        if (typeof node === 'string') continue;
        expect(node.type, url).not.to.be.oneOf(['link', 'image']);
      }
      expect(JSON.stringify(tree)).to.contain('链接').and.to.contain('图片');
    });
  }

  it('keeps http(s), mailto, tel and relative addresses, autolinks as written', () => {
    const links = [
      ...walk(
        parseMarkdown(
          '<https://www.gov.cn/> <xxgk@example.cn> www.nxpl.gov.cn [电话](tel:0952-1234567) [本页](#faq) ![图](./a.png)',
        ),
      ),
    ].filter(
      (node): node is Extract<MarkdownInline, { type: 'link' | 'image' }> =>
        typeof node !== 'string' && (node.type === 'link' || node.type === 'image'),
    );
    expect(links.map((node) => (node.type === 'link' ? node.href : node.src))).to.deep.equal([
      'https://www.gov.cn/',
      'mailto:xxgk@example.cn',
      'http://www.nxpl.gov.cn',
      'tel:0952-1234567',
      '#faq',
      './a.png',
    ]);
    for (const node of links) expect(isSafeUrl(node.type === 'link' ? node.href : node.src)).to.be.true;
  });
});

describe('decodeEntities', () => {
  it('decodes named, decimal and hex references as a browser does', () => {
    expect(decodeEntities('&lt;&gt;&amp;&quot;&apos;&nbsp;&ldquo;&hellip;&mdash;&yen;')).to.equal('<>&"\'\u00a0“…—¥');
    expect(decodeEntities('&#20844;&#x5F00; &#150; &#0; &#xD800; &#x110000;')).to.equal('公开 – \ufffd \ufffd \ufffd');
  });
  it('leaves unknown names, references without a semicolon and lone ampersands as written', () => {
    expect(decodeEntities('&ClockwiseContourIntegral; &copy AT&T &#; &')).to.equal(
      '&ClockwiseContourIntegral; &copy AT&T &#; &',
    );
  });
  it('decodes once: &amp;lt; is "&lt;"', () => {
    expect(decodeEntities('&amp;lt;')).to.equal('&lt;');
  });
});

describe('isSafeUrl', () => {
  it('allows http(s), mailto, tel and relative addresses', () => {
    for (const url of [
      'https://www.gov.cn/',
      'http://a.cn/x.pdf',
      '/files/a.pdf',
      './a.pdf',
      'a.pdf',
      '#part',
      '?q=1',
      'mailto:a@b.cn',
      'tel:0952-1234567',
    ]) {
      expect(isSafeUrl(url), url).to.be.true;
    }
  });
  it('refuses javascript:, data:, vbscript:, other schemes and hidden whitespace', () => {
    for (const url of [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'JAVASCRIPT:x',
      'java\tscript:x',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
      'ftp://x',
      '',
    ]) {
      expect(isSafeUrl(url), url).to.be.false;
    }
  });
});
