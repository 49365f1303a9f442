import './gongkai.js';

/**
 * gongkai-server's staff page (served at /staff/staff.js): sign-in, filters, one
 * submission and wiring the <gk-form>s of its actions. Text goes in as text, never as HTML.
 */
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
  // What the server lets this account see (staff.ts): said, so an empty list is not a surprise.
  $('scope').textContent = user.role === 'admin' ? '' : '本账号只能看到转办至“' + user.office + '”的来件；受理和转办由管理员账号办理。';
  show('scope', user.role !== 'admin');
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
  events.replaceChildren(...data.events.map((e) => text('li', e.at.replace('T', ' ').slice(0, 19) + ' ' + e.actor + ' ' + (e.label ?? e.action) + (e.note ? '：' + e.note : '') + (e.detail ? ' ' + JSON.stringify(e.detail) : ''))));
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
  if (id && /^\d+$/.test(id)) await openDetail(id);
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
