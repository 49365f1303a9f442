/** The elements' one Markdown renderer (src/base/internal/markdown.ts): Lit templates from core's safe tree. */
import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { markdown } from '../../src/base/internal/markdown.js';
import { renderMarkdown, textOf } from './support.js';

/** Every text node under `root`, in order. */
function texts(root: Node): string[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const out: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if ((node as Text).data.trim()) out.push((node as Text).data);
  return out;
}

describe('Markdown renderer', () => {
  it('puts every string into the page as a text node, markup characters included', () => {
    const container = renderMarkdown(
      '**粗体** 5 < 6 & "引号" \'单引号\' &lt;i&gt;不是标签&lt;/i&gt; <span>标签</span>',
    );
    expect(container.querySelectorAll('i, span')).to.have.length(0);
    expect(container.querySelector('strong')!.textContent).to.equal('粗体');
    expect(texts(container).join('')).to.equal('粗体 5 < 6 & "引号" \'单引号\' <i>不是标签</i> <span>标签</span>');
  });

  it('renders what editors use: headings (demoted), emphasis, lists from any start, links, images, quotes, code, tables with alignment, breaks', () => {
    const source = [
      '# 总体要求',
      '',
      '概述 **重点** *强调* ~~删除~~ `代码`  ',
      '换行后',
      '',
      '设置标题',
      '--------',
      '',
      '3. 第三项',
      '4. 第四项',
      '   - 甲',
      '',
      '> 引用',
      '',
      '![一图读懂](/img/tujie.png "图解")',
      '',
      '见[办事指南][指南]。',
      '',
      '[指南]: /bszn/ "办事指南"',
      '',
      '| 项目 | 金额 | 说明 |',
      '|:-----|-----:|:----:|',
      '| 三公经费 | 12 | 下降 |',
      '',
      '```',
      'code <b>',
      '```',
      '',
      '---',
    ].join('\n');
    const container = renderMarkdown(source, 3);
    expect(
      [...container.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => `${h.localName} ${h.textContent}`),
    ).to.deep.equal(['h3 总体要求', 'h4 设置标题']);
    expect(container.querySelector('p strong')!.textContent).to.equal('重点');
    expect(container.querySelector('p em')!.textContent).to.equal('强调');
    expect(container.querySelector('p del')!.textContent).to.equal('删除');
    expect(container.querySelector('p code')!.textContent).to.equal('代码');
    expect(container.querySelector('p br')).to.exist;
    const ol = container.querySelector('ol')!;
    expect(ol.getAttribute('start')).to.equal('3');
    expect(ol.querySelector('li ul li')!.textContent).to.equal('甲');
    expect(container.querySelector('blockquote p')!.textContent).to.equal('引用');
    const img = container.querySelector('img')!;
    expect([img.getAttribute('src'), img.getAttribute('alt'), img.getAttribute('title')]).to.deep.equal([
      '/img/tujie.png',
      '一图读懂',
      '图解',
    ]);
    const link = container.querySelector('a')!;
    expect([link.getAttribute('href'), link.title, link.textContent]).to.deep.equal(['/bszn/', '办事指南', '办事指南']);
    expect(
      [...container.querySelectorAll('th')].map((th) => [th.getAttribute('align'), th.getAttribute('scope')]),
    ).to.deep.equal([
      ['left', 'col'],
      ['right', 'col'],
      ['center', 'col'],
    ]);
    expect(getComputedStyle(container.querySelectorAll('td')[1]!).textAlign).to.match(/right/);
    expect(container.querySelector('pre code')!.textContent).to.equal('code <b>\n');
    expect(container.querySelector('hr')).to.exist;
  });

  it('a heading level outside 2–6 is brought inside it', () => {
    expect(renderMarkdown('# 一\n\n## 二', 1).querySelector('h2')!.textContent).to.equal('一');
    expect([...renderMarkdown('# 一\n\n## 二', 9).querySelectorAll('h6')].map((h) => h.textContent)).to.deep.equal([
      '一',
      '二',
    ]);
  });

  it('links that leave the site get rel="noopener noreferrer" (as before: mail and phone too); the site\'s own do not', () => {
    const container = renderMarkdown(
      `[外](https://www.gov.cn/) [内](/zfxxgk/) [同站](${location.origin}/x) [邮](mailto:xxgk@example.cn) [电话](tel:0952-1234567) <a href="https://www.nx.gov.cn/">区</a>`,
    );
    expect([...container.querySelectorAll('a')].map((a) => a.getAttribute('rel'))).to.deep.equal([
      'noopener noreferrer',
      null,
      null,
      'noopener noreferrer',
      'noopener noreferrer',
      'noopener noreferrer',
    ]);
  });

  it('a refused address keeps the link text and the image alt, without the link or image', () => {
    const container = renderMarkdown('[点这里](javascript:alert(1)) ![一张图](data:image/png;base64,AAAA)');
    expect(container.querySelector('a, img')).to.be.null;
    expect(textOf(container)).to.equal('点这里 一张图');
  });

  it('a task list shows its items, not form controls', () => {
    const container = renderMarkdown('- [x] 已公开\n- [ ] 待公开');
    expect(container.querySelector('input')).to.be.null;
    expect([...container.querySelectorAll('li')].map((li) => li.textContent!.trim())).to.deep.equal([
      '已公开',
      '待公开',
    ]);
  });

  it('hands plain text, and only plain text, to a text renderer (not link text, not code)', () => {
    const seen: string[] = [];
    renderMarkdown('文字 **粗** [链接文字](/x) `代码` <b>标签</b>\n\n| 表 |\n|---|\n| 格 |', 3, (text) => {
      seen.push(text);
      return text.toUpperCase();
    });
    expect(seen).to.deep.equal(['文字 ', '粗', ' ', ' ', ' ', '标签', '表', '格']);
  });
});

describe('Markdown renderer: keyed by its source', () => {
  const renderIn = (container: HTMLElement, source: string, level = 3) =>
    render(html`<div class="prose">${markdown(source, level)}</div>`, container);

  it('the same source keeps its DOM; a new source gets new DOM', () => {
    const container = document.createElement('div');
    document.body.append(container);
    renderIn(container, '第一段 **重点**');
    const first = container.querySelector('p')!;
    renderIn(container, '第一段 **重点**');
    expect(container.querySelector('p')).to.equal(first);
    renderIn(container, '第二段 **另一个重点**');
    expect(container.querySelector('p')).not.to.equal(first);
    expect(textOf(container)).to.equal('第二段 另一个重点');
    renderIn(container, '第二段 **另一个重点**', 4);
    expect(container.querySelectorAll('p')).to.have.length(1);
  });

  it('new text never mixes with text nodes split after rendering (what the glossary used to do)', () => {
    const container = document.createElement('div');
    document.body.append(container);
    renderIn(container, '政务公开是政府的职责，五公开是要求。');
    // Split the rendered text node the way the old glossary walk did, and put a button in the middle.
    const text = [...container.querySelector('p')!.childNodes].find(
      (node): node is Text => node instanceof Text && node.data.includes('五公开'),
    )!;
    const term = text.splitText(text.data.indexOf('五公开'));
    term.splitText(3);
    const button = document.createElement('button');
    button.textContent = '五公开';
    term.replaceWith(button);
    renderIn(container, '新的文字。');
    expect(textOf(container)).to.equal('新的文字。');
    expect(container.querySelector('button')).to.be.null;
  });
});
