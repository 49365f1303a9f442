import './gongkai.js';

/**
 * gongkai-server's staff page (served at /staff/staff.js): sign-in, filters, one
 * submission and wiring the <gk-form>s of its actions. Text goes in as text, never as HTML.
 */
const $ = (id) => document.getElementById(id);
let me = null;
const show = (id, on) => {
  $(id).hidden = !on;
};

/** The organisation's prefix: "" at the root, /t/<org> on a platform of many (the page is at <base>/staff/). */
const BASE = location.pathname.slice(0, location.pathname.lastIndexOf('/staff/'));

async function api(path, body) {
  const init = { credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.method = 'POST';
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(BASE + path, init);
  const data = await res.json().catch(() => ({}));
  return { status: res.status, data };
}

function say(text) {
  $('notice').textContent = text;
}

function listUrl() {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData($('filters'))) if (value) params.set(key, String(value));
  return BASE + '/staff/api/submissions.catalogue?' + params;
}

function reloadList() {
  const list = $('list');
  list.src = listUrl() + '&t=' + Date.now();
}

async function signedIn(user) {
  $('who').textContent = user.name + '（' + user.office + '）';
  // What the server lets this account see (staff.ts): said, so an empty list is not a surprise.
  $('scope').textContent =
    user.role === 'admin' ? '' : '本账号只能看到转办至“' + user.office + '”的来件；受理和转办由管理员账号办理。';
  show('scope', user.role !== 'admin');
  show('who', true);
  show('logout', true);
  show('login', false);
  show('sections', true);
  me = user;
  const { data } = await api('/staff/api/forms');
  const select = $('f-form');
  if (select.options.length === 1) for (const form of data.forms ?? []) select.add(new Option(form.title, form.name));
  reloadList();
  await route();
}

function signedOut() {
  show('who', false);
  show('logout', false);
  show('work', false);
  show('detail', false);
  show('sections', false);
  show('docs', false);
  show('doc-detail', false);
  if (document.body.dataset.accounts !== '0') show('login', true);
}

function text(tag, value) {
  const el = document.createElement(tag);
  el.textContent = value;
  return el;
}

/** The <gk-form> of each action the server offers now (it decides again when one is sent). */
function showActions(container, forms, done) {
  container.replaceChildren();
  for (const [name, doc] of Object.entries(forms)) {
    const form = document.createElement('gk-form');
    form.setAttribute('heading-level', '3');
    form.dataset.action = name;
    // The server names its staff API from the root; under /t/<org>/ the page adds its prefix.
    form.data =
      typeof doc.action === 'string' && doc.action.startsWith('/staff/') ? { ...doc, action: BASE + doc.action } : doc;
    form.addEventListener('gk-submit', () => done(doc));
    container.append(form);
  }
}

async function openDetail(id) {
  const { status, data } = await api('/staff/api/submissions/' + encodeURIComponent(id));
  if (status === 401) return signedOut();
  if (status !== 200) {
    say(data.error?.message ?? '无法读取来件');
    return;
  }
  const s = data.submission;
  $('detail-title').textContent = s.formTitle + ' · ' + s.trackingCode + ' · ' + s.stepLabel;
  const dl = $('detail-fields');
  dl.replaceChildren();
  const rows = [
    ['收到日期', s.receivedOn],
    ['答复期限', s.deadline + (s.extended ? '（已延期）' : '')],
    ['转办单位', s.office],
    ['答复日期', s.repliedOn],
    ['答复结果', s.outcome ? s.outcome + (s.outcomeDetail ? '：' + s.outcomeDetail : '') : null],
    ['理由', s.reason],
    ['答复内容', s.reply],
    ['采纳情况', s.adoptionLabel ? s.adoptionLabel + (s.adoptionReason ? '：' + s.adoptionReason : '') : null],
    ['答复公开', s.reply ? (s.publish ? '公开' : '不公开') : null],
    ...data.fields.map((f) => [f.label, f.value]),
  ];
  for (const [label, value] of rows) if (value) dl.append(text('dt', label), text('dd', value));
  const events = $('detail-events');
  events.replaceChildren(
    ...data.events.map((e) =>
      text(
        'li',
        e.at.replace('T', ' ').slice(0, 19) +
          ' ' +
          e.actor +
          ' ' +
          (e.label ?? e.action) +
          (e.note ? '：' + e.note : '') +
          (e.detail ? ' ' + JSON.stringify(e.detail) : ''),
      ),
    ),
  );
  showActions($('detail-actions'), data.forms, (doc) => {
    say('已保存：' + doc.title);
    reloadList();
    openDetail(id);
  });
  show('detail', true);
  $('detail-title').focus();
}

async function route() {
  // #docs: the documents; #d=SLUG: one document; otherwise the submissions (the list's own view is in the hash too, #list.q=…; the submission shown is s=ID).
  const hash = location.hash.slice(1);
  const slug = new URLSearchParams(hash).get('d');
  const docs = hash === 'docs' || !!slug;
  show('work', !docs);
  show('docs', docs && !slug);
  $('nav-work').toggleAttribute('aria-current', false);
  $('nav-docs').toggleAttribute('aria-current', false);
  (docs ? $('nav-docs') : $('nav-work')).setAttribute('aria-current', 'page');
  if (slug && /^[a-z0-9-]{1,64}$/.test(slug)) {
    show('detail', false);
    await openDocument(slug);
    return;
  }
  show('doc-detail', false);
  if (docs) {
    show('detail', false);
    await loadDocuments();
    return;
  }
  const id = new URLSearchParams(hash).get('s');
  if (id && /^\d+$/.test(id)) await openDetail(id);
  else show('detail', false);
}

const day = (iso) => (iso ? iso.replace('T', ' ').slice(0, 16) : '');

function link(href, label) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = label;
  return a;
}

async function loadDocuments() {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData($('doc-filters'))) if (value) params.set(key, String(value));
  const [list, queue, unreviewed] = await Promise.all([
    api('/staff/api/documents?' + params),
    api('/staff/api/documents/review'),
    me && me.role !== 'editor'
      ? api('/staff/api/documents/audit?action=publish.unreviewed&limit=50')
      : Promise.resolve({ status: 200, data: { events: [] } }),
  ]);
  if (list.status === 401) return signedOut();
  const items = queue.data.items ?? [];
  $('queue').replaceChildren(
    ...items.map((i) => {
      const li = document.createElement('li');
      li.append(
        link('#d=' + i.document.slug, i.document.title),
        text(
          'span',
          '（' +
            i.document.office +
            '，' +
            i.revision.author +
            ' 提交于 ' +
            day(i.revision.submittedAt) +
            (i.revision.changeNote ? '：' + i.revision.changeNote : '') +
            '）',
        ),
      );
      return li;
    }),
  );
  show('queue-empty', items.length === 0);
  const docs = list.data.items ?? [];
  $('doc-count').textContent = '共 ' + (list.data.total ?? 0) + ' 份文件';
  $('doc-list').tBodies[0].replaceChildren(
    ...docs.map((d) => {
      const tr = document.createElement('tr');
      const title = document.createElement('td');
      title.append(link('#d=' + d.slug, d.title));
      tr.append(
        title,
        text('td', d.office),
        text('td', d.stateLabel),
        text('td', d.latestVersion ? '第 ' + d.latestVersion + ' 版' : '—'),
      );
      return tr;
    }),
  );
  const events = unreviewed.data.events ?? [];
  show('unreviewed-title', me && me.role !== 'editor');
  show('unreviewed-note', me && me.role !== 'editor');
  $('unreviewed').replaceChildren(
    ...events.map((e) => {
      const li = document.createElement('li');
      li.append(
        link('#d=' + e.slug, e.slug),
        text('span', ' 第 ' + e.version + ' 版，' + day(e.at) + ' ' + e.actor + '：' + (e.note ?? '')),
      );
      return li;
    }),
  );
}

async function openDocument(slug) {
  const { status, data } = await api('/staff/api/documents/' + encodeURIComponent(slug));
  if (status === 401) return signedOut();
  if (status !== 200) {
    say(data.error?.message ?? '无法读取文件');
    return;
  }
  const d = data.document;
  const open = data.open;
  $('doc-title').textContent = d.title + ' · ' + d.stateLabel;
  const rows = [
    ['地址名', d.slug],
    ['类型', d.kind],
    ['所属科室', d.office],
    ['公开地址', d.latestVersion ? d.url : null],
    ['撤回', d.withdrawn ? day(d.withdrawn.at) + ' ' + d.withdrawn.by + '：' + d.withdrawn.reason : null],
    ['修订稿', open ? open.stateLabel + '（编号 ' + open.id + '）' : null],
    ['撰写人', open?.author],
    ['提交人', open?.submittedBy ? open.submittedBy + '，' + day(open.submittedAt) : null],
    [
      '修改说明',
      open ? (open.changeNote ?? '') + '（' + (open.major ? '重大更新，向公众显示改动' : '细微更正') + '）' : null,
    ],
    ['退回理由', open?.returnReason],
  ];
  const dl = $('doc-fields');
  dl.replaceChildren();
  for (const [label, value] of rows) if (value) dl.append(text('dt', label), text('dd', value));
  const issues = open?.issues ?? [];
  const box = $('doc-issues');
  box.replaceChildren();
  if (issues.length) {
    box.className = 'issues';
    const list = document.createElement('ul');
    list.append(...issues.map((i) => text('li', i.message)));
    box.append(text('p', '此修订稿有 ' + issues.length + ' 处不符合格式，须改正后才能提交或发布：'), list);
  } else box.className = '';
  $('doc-versions').replaceChildren(
    ...(data.history?.versions ?? []).map((v) =>
      text(
        'li',
        '第 ' +
          v.version +
          ' 版 · ' +
          day(v.publishedAt) +
          ' · ' +
          (v.major ? '重大更新' : '细微更正') +
          '：' +
          (v.changeNote ?? '') +
          ' · ' +
          (v.reviewed ? v.reviewer + '审核' : '未经审核（' + (v.unreviewedReason ?? '') + '）') +
          (v.signature ? ' · 已签名 ' + v.signature.keyId : ' · 未签名') +
          ' · SHA-256 ' +
          v.sha256.slice(0, 16) +
          '…',
      ),
    ),
  );
  $('doc-events').replaceChildren(
    ...data.events.map((e) =>
      text(
        'li',
        day(e.at) +
          ' ' +
          e.actor +
          ' ' +
          e.label +
          (e.version ? '（第 ' + e.version + ' 版）' : '') +
          (e.note ? '：' + e.note : ''),
      ),
    ),
  );
  showActions($('doc-actions'), data.forms, (doc) => {
    say('已办理：' + doc.title);
    openDocument(slug);
  });
  show('doc-detail', true);
  $('doc-title').focus();
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
  (location.hash.slice(1) === 'docs' ? $('docs-title') : $('work-title')).focus();
});

$('logout').addEventListener('click', async () => {
  await api('/staff/api/logout', {});
  signedOut();
  say('已退出登录');
  $('login-name').focus();
});

$('filters').addEventListener('submit', (event) => {
  event.preventDefault();
  reloadList();
});
$('doc-filters').addEventListener('submit', (event) => {
  event.preventDefault();
  loadDocuments();
});
$('back').addEventListener('click', (event) => {
  event.preventDefault();
  history.pushState(null, '', location.pathname);
  show('detail', false);
  $('work-title').focus();
});
window.addEventListener('hashchange', route);

const { status, data } = await api('/staff/api/state');
if (status === 200 && data.user) await signedIn(data.user);
else signedOut();
