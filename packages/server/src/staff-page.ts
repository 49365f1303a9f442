/**
 * The staff page: plain HTML, one stylesheet and one small ES module, under a
 * strict CSP (no inline script or style). The list is <gk-catalogue> reading the
 * staff-only catalogue feed; each action (受理、转办、答复、采纳、延期、公开) is a
 * <gk-form> whose action is the staff API. Our own code only signs in, fills
 * the filters, shows one submission and wires the forms.
 */

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function staffPage({ accounts, available }: { accounts: number; available: boolean }): string {
  const notice = !available
    ? '<p class="warning" role="alert">当前使用的数据库尚不支持工作人员功能。</p>'
    : accounts === 0
      ? `<section class="warning" role="alert" aria-labelledby="no-accounts-title">
      <h2 id="no-accounts-title">尚未创建工作人员账号</h2>
      <p>本服务没有默认账号或密码。请在服务器上运行以下命令新建账号（密码从标准输入读取），然后刷新本页：</p>
      <pre><code>gongkai-server user add 用户名 --office 科室 --role admin --config ${escape('配置文件')}</code></pre>
      <p lang="en">No staff accounts yet. There is no default account: create one with <code>gongkai-server user add</code>.</p>
    </section>`
      : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>来件办理 · 政务公开工作人员</title>
<link rel="stylesheet" href="/staff/staff.css">
<script type="module" src="/staff/staff.js"></script>
</head>
<body data-accounts="${accounts}">
<a class="skip" href="#main">跳到主要内容</a>
<header class="bar">
  <h1>来件办理<span class="sub">受理、转办、反馈</span></h1>
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
  <section id="work" hidden aria-labelledby="work-title">
    <h2 id="work-title" tabindex="-1">来件列表</h2>
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

export const STAFF_CSS = `
:root { font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; line-height: 1.6; color: #1a1a1a; background: #fff; }
body { margin: 0; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 10; }
.bar { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; padding: .75rem 1.5rem; background: #8b0000; color: #fff; }
.bar h1 { font-size: 1.25rem; margin: 0; flex: 1; }
.bar .sub { font-size: .9rem; font-weight: normal; margin-left: .75rem; }
.bar p { margin: 0; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
.field { display: flex; flex-direction: column; gap: .25rem; margin: 0 0 .75rem; }
#filters { display: flex; flex-wrap: wrap; gap: .75rem; align-items: flex-end; margin-bottom: 1rem; }
#filters .field { margin: 0; }
input, select, button { font: inherit; padding: .4rem .6rem; border: 1px solid #666; border-radius: 4px; }
button { background: #8b0000; color: #fff; border-color: #8b0000; cursor: pointer; }
.bar button { background: #fff; color: #8b0000; }
:focus-visible { outline: 3px solid #1565c0; outline-offset: 2px; }
.error { color: #b00020; min-height: 1.5em; }
.warning { border: 2px solid #b26a00; background: #fff8e1; padding: 1rem; border-radius: 4px; }
#login { max-width: 24rem; }
#detail-fields { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
#detail-fields dt { font-weight: bold; }
#detail-fields dd { margin: 0; white-space: pre-wrap; }
#detail-actions { display: grid; gap: 1.5rem; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); margin-top: 1.5rem; }
[hidden] { display: none !important; }
`;

/** The page's one module: sign-in, filters, one submission, and wiring the <gk-form>s. No innerHTML: text goes in as text. */
export const STAFF_JS = `import './gongkai.js';

const $ = (id) => document.getElementById(id);
const show = (id, on) => { $(id).hidden = !on; };

async function api(path, body) {
  const init = { credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.method = 'POST';
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(path, init);
  const data = await res.json().catch(() => ({}));
  return { status: res.status, data };
}

function say(text) { $('notice').textContent = text; }

function listUrl() {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData($('filters'))) if (value) params.set(key, String(value));
  return '/staff/api/submissions.catalogue?' + params;
}

function reloadList() {
  const list = $('list');
  list.src = listUrl() + '&t=' + Date.now();
}

async function signedIn(user) {
  $('who').textContent = user.name + '（' + user.office + '）';
  show('who', true); show('logout', true); show('login', false); show('work', true);
  const { data } = await api('/staff/api/forms');
  const select = $('f-form');
  if (select.options.length === 1) for (const form of data.forms ?? []) select.add(new Option(form.title, form.name));
  reloadList();
  await route();
}

function signedOut() {
  show('who', false); show('logout', false); show('work', false); show('detail', false);
  if (document.body.dataset.accounts !== '0') show('login', true);
}

function text(tag, value) {
  const el = document.createElement(tag);
  el.textContent = value;
  return el;
}

async function openDetail(id) {
  const { status, data } = await api('/staff/api/submissions/' + encodeURIComponent(id));
  if (status === 401) return signedOut();
  if (status !== 200) { say(data.error?.message ?? '无法读取来件'); return; }
  const s = data.submission;
  $('detail-title').textContent = s.formTitle + ' · ' + s.trackingCode + ' · ' + s.stepLabel;
  const dl = $('detail-fields');
  dl.replaceChildren();
  const rows = [['收到日期', s.receivedOn], ['答复期限', s.deadline + (s.extended ? '（已延期）' : '')], ['转办单位', s.office], ['答复日期', s.repliedOn],
    ['答复结果', s.outcome ? s.outcome + (s.outcomeDetail ? '：' + s.outcomeDetail : '') : null], ['理由', s.reason], ['答复内容', s.reply],
    ['采纳情况', s.adoptionLabel ? s.adoptionLabel + (s.adoptionReason ? '：' + s.adoptionReason : '') : null], ['答复公开', s.reply ? (s.publish ? '公开' : '不公开') : null],
    ...data.fields.map((f) => [f.label, f.value])];
  for (const [label, value] of rows) if (value) dl.append(text('dt', label), text('dd', value));
  const events = $('detail-events');
  events.replaceChildren(...data.events.map((e) => text('li', e.at.replace('T', ' ').slice(0, 19) + ' ' + e.actor + ' ' + e.action + (e.note ? '：' + e.note : '') + (e.detail ? ' ' + JSON.stringify(e.detail) : ''))));
  const actions = $('detail-actions');
  actions.replaceChildren();
  for (const [name, doc] of Object.entries(data.forms)) {
    const form = document.createElement('gk-form');
    form.setAttribute('heading-level', '3');
    form.dataset.action = name;
    form.data = doc;
    form.addEventListener('gk-submit', () => { say('已保存：' + doc.title); reloadList(); openDetail(id); });
    actions.append(form);
  }
  show('detail', true);
  $('detail-title').focus();
}

async function route() {
  // The list's own view is in the hash too (#list.q=…); the submission shown is s=ID.
  const id = new URLSearchParams(location.hash.slice(1)).get('s');
  if (id && /^\\d+$/.test(id)) await openDetail(id);
  else show('detail', false);
}

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  $('login-error').textContent = '';
  const { status, data } = await api('/staff/api/login', { name: form.get('name'), password: form.get('password') });
  if (status !== 200) {
    $('login-error').textContent = data.error?.message ?? '登录失败';
    $('login-password').focus();
    return;
  }
  $('login-password').value = '';
  await signedIn(data.user);
  $('work-title').focus();
});

$('logout').addEventListener('click', async () => {
  await api('/staff/api/logout', {});
  signedOut();
  say('已退出登录');
  $('login-name').focus();
});

$('filters').addEventListener('submit', (event) => { event.preventDefault(); reloadList(); });
$('back').addEventListener('click', (event) => { event.preventDefault(); history.pushState(null, '', location.pathname); show('detail', false); $('work-title').focus(); });
window.addEventListener('hashchange', route);

const { status, data } = await api('/staff/api/state');
if (status === 200 && data.user) await signedIn(data.user);
else signedOut();
`;
