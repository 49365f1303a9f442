/**
 * The staff page: plain HTML, one stylesheet and one small ES module, under a
 * strict CSP (no inline script or style). The list is <gk-catalogue> reading the
 * staff-only catalogue feed; each action (受理、转办、答复、采纳、延期、公开) is a
 * <gk-form> whose action is the staff API. Our own code only signs in, fills
 * the filters, shows one submission and wires the forms.
 */
import { readFileSync } from 'node:fs';

/** The policy of the staff page and of the studio (studio.ts): nothing inline, nothing from elsewhere. */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** `base`: the organisation's prefix ("" or /t/<org>), where the page's files are. */
export function staffPage({ accounts, base = '' }: { accounts: number; base?: string }): string {
  const notice =
    accounts === 0
      ? `<section class="warning" role="alert" aria-labelledby="no-accounts-title">
      <h2 id="no-accounts-title">尚未创建工作人员账号</h2>
      <p>本服务没有默认账号或密码。请在服务器上运行以下命令新建账号（密码从标准输入读取），然后刷新本页：</p>
      <pre><code>gongkai-server user add 用户名 --office 科室 --role admin --config 配置文件</code></pre>
      <p lang="en">No staff accounts yet. There is no default account: create one with <code>gongkai-server user add</code>.</p>
    </section>`
      : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>来件办理与信息发布 · 政务公开工作人员</title>
<link rel="stylesheet" href="${base}/staff/staff.css">
<script type="module" src="${base}/staff/staff.js"></script>
</head>
<body data-accounts="${accounts}">
<a class="skip" href="#main">跳到主要内容</a>
<header class="bar">
  <h1>政务公开工作台<span class="sub">来件办理 · 信息审核发布</span></h1>
  <p id="who" hidden></p>
  <button id="logout" type="button" hidden>退出登录</button>
</header>
<main id="main" tabindex="-1">
  <noscript><p class="warning">工作人员页面需要启用 JavaScript。</p></noscript>
  ${notice}
  <p id="notice" role="status" aria-live="polite"></p>
  <section id="login" hidden aria-labelledby="login-title">
    <h2 id="login-title">工作人员登录</h2>
    <form id="login-form" novalidate>
      <div class="field"><label for="login-name">用户名</label><input id="login-name" name="name" autocomplete="username" required maxlength="64"></div>
      <div class="field"><label for="login-password">密码</label><input id="login-password" name="password" type="password" autocomplete="current-password" required maxlength="1024"></div>
      <p id="login-error" class="error" role="alert"></p>
      <button type="submit">登录</button>
    </form>
  </section>
  <nav id="sections" hidden aria-label="工作栏目">
    <ul>
      <li><a href="#" id="nav-work">来件办理</a></li>
      <li><a href="#docs" id="nav-docs">文件审核发布</a></li>
    </ul>
  </nav>
  <section id="work" hidden aria-labelledby="work-title">
    <h2 id="work-title" tabindex="-1">来件列表</h2>
    <p id="scope" hidden></p>
    <form id="filters" role="search" aria-label="筛选来件">
      <div class="field"><label for="f-form">栏目</label><select id="f-form" name="form"><option value="">全部</option></select></div>
      <div class="field"><label for="f-step">办理状态</label><select id="f-step" name="step">
        <option value="">全部</option><option value="received">待受理</option><option value="registered">已受理</option><option value="processing">办理中</option><option value="replied">已答复</option>
      </select></div>
      <div class="field"><label for="f-q">关键词或查询码</label><input id="f-q" name="q" type="search" maxlength="100"></div>
      <div class="field"><label for="f-from">收到日期自</label><input id="f-from" name="from" type="date"></div>
      <div class="field"><label for="f-to">至</label><input id="f-to" name="to" type="date"></div>
      <button type="submit">筛选</button>
    </form>
    <gk-catalogue id="list" heading-level="3"></gk-catalogue>
  </section>
  <section id="docs" hidden aria-labelledby="docs-title">
    <h2 id="docs-title" tabindex="-1">文件审核发布</h2>
    <p>撰写科室起草、提交；另一名审核人审核通过后发布，或写明理由退回。审核人不能审核自己撰写或提交的文件（服务器强制）。</p>
    <h3 id="queue-title">待我审核</h3>
    <p id="queue-empty" hidden>没有待您审核的文件。</p>
    <ul id="queue" aria-labelledby="queue-title"></ul>
    <h3 id="doc-list-title">全部文件</h3>
    <form id="doc-filters" role="search" aria-label="筛选文件">
      <div class="field"><label for="d-state">状态</label><select id="d-state" name="state">
        <option value="">全部</option><option value="draft">草稿</option><option value="submitted">待审核</option><option value="returned">已退回</option><option value="published">已发布</option><option value="withdrawn">已撤回</option>
      </select></div>
      <div class="field"><label for="d-q">标题或地址名</label><input id="d-q" name="q" type="search" maxlength="100"></div>
      <button type="submit">筛选</button>
    </form>
    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="doc-list-title">
      <table id="doc-list">
        <caption id="doc-count"></caption>
        <thead><tr><th scope="col">标题</th><th scope="col">科室</th><th scope="col">状态</th><th scope="col">版本</th></tr></thead>
        <tbody></tbody>
      </table>
    </div>
    <h3 id="unreviewed-title">未经审核发布记录</h3>
    <p id="unreviewed-note">管理员未经第二人审核直接发布的记录及理由（审核人和管理员可见）。</p>
    <ul id="unreviewed" aria-labelledby="unreviewed-title"></ul>
  </section>
  <section id="doc-detail" hidden aria-labelledby="doc-title">
    <h2 id="doc-title" tabindex="-1">文件</h2>
    <dl id="doc-fields"></dl>
    <div id="doc-issues"></div>
    <h3>发布记录（公众可见）</h3>
    <ol id="doc-versions"></ol>
    <h3>操作日志</h3>
    <ol id="doc-events"></ol>
    <div id="doc-actions"></div>
    <p><a href="#docs" id="doc-back">返回文件列表</a></p>
  </section>
  <section id="detail" hidden aria-labelledby="detail-title">
    <h2 id="detail-title" tabindex="-1">来件详情</h2>
    <dl id="detail-fields"></dl>
    <h3>办理记录</h3>
    <ol id="detail-events"></ol>
    <div id="detail-actions"></div>
    <p><a href="#list" id="back">返回来件列表</a></p>
  </section>
</main>
</body>
</html>
`;
}

/**
 * The page's stylesheet and its one module are real files beside src/ (lintable,
 * readable), read once at startup; from the bundle in dist/ the path is the same.
 * The module puts no HTML into the page: text goes in as text.
 */
const asset = (name: string) => readFileSync(new URL(`../staff/${name}`, import.meta.url), 'utf8');
export const STAFF_CSS = asset('staff.css');
export const STAFF_JS = asset('staff.js');
