// Many organisations on one server (issue 19): each its own forms, code prefix, accounts,
// documents, under /t/<org>/ or on its own host name, the default one at the root URLs.
// Isolation is checked on EVERY route of the staff side and of the published documents,
// taken from the server's own route tables (STAFF_ROUTES, PUBLISHED_ROUTES), not a list
// written here: a route added to a table is walked too, and a query that forgets its
// organisation makes this test fail.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { PUBLISHED_ROUTES, STAFF_ROUTES } from '../dist/gongkai-server.mjs';
import {
  documentBody,
  eachStorage,
  exampleForms,
  get,
  login,
  mailbox,
  post,
  runBinWithInput,
  smallBudget,
  staffClient,
  tempDir,
} from '../support/harness.mjs';

const PASSWORD = 'correct horse battery staple';

/** `user add --org ORG` with the server's configuration (the CLI refuses an organisation the configuration does not have). */
async function addOrgUser(configFile, org, name, role = 'admin', office = '办公室') {
  const args = ['user', 'add', name, '--office', office, '--role', role, '--org', org, '--config', configFile];
  const result = await runBinWithInput(args, `${PASSWORD}\n`);
  assert.equal(result.code, 0, result.stderr);
}

/** A request with a Host header of our choosing (fetch does not let one set it). */
function withHost(url, host, { method = 'GET', body } = {}) {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method, headers: { Host: host, ...(body ? { 'Content-Type': 'application/json' } : {}) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode, body: text ? JSON.parse(text) : undefined }));
      },
    );
    req.on('error', reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

/** Every concrete request a route stands for: its parameters filled with `values`, each listed word of `:x(a|b)`. */
function concrete(path, values) {
  let paths = [path];
  for (const [whole, name, words] of path.matchAll(/:([a-z]+)(?:\(([^)]+)\))?/g)) {
    paths = paths.flatMap((p) =>
      (words ? words.split('|') : [values[name]]).map((value) => p.replace(whole, String(value))),
    );
  }
  return paths;
}

eachStorage((backend) => {
  let server;
  const a = {};
  const b = {};
  before(async () => {
    const dir = tempDir();
    const forms = exampleForms(dir);
    const config = {
      staff: { owner: '默认单位' },
      organisations: {
        a: { name: '甲县卫生健康局', forms, codePrefix: 'AA', origins: ['https://a.example.test'] },
        b: { name: '乙县教育局', forms, codePrefix: 'BB', hosts: ['b.example.test'] },
      },
    };
    server = await backend.start({ dir, config });
    const configFile = join(dir, 'tenants.json');
    writeFileSync(configFile, JSON.stringify({ ...config, storage: server.storage }));
    a.url = `${server.url}/t/a`;
    b.url = `${server.url}/t/b`;
    await addOrgUser(configFile, 'a', 'alice-of-a', 'admin', '甲局办公室标记');
    await addOrgUser(configFile, 'b', 'bob-of-b');
    a.session = (await login(a.url, 'alice-of-a', PASSWORD)).cookie;
    b.session = (await login(b.url, 'bob-of-b', PASSWORD)).cookie;
    const staffA = staffClient(a.url, a.session);
    // A's data: a letter, a published document with a draft beside it.
    const sent = await post(
      `${a.url}/api/forms/mailbox`,
      mailbox(undefined, { subject: '甲局机密来信标记', body: '甲局机密正文标记，请勿外传。' }),
    );
    assert.equal(sent.status, 201, sent.text);
    a.code = sent.body.trackingCode;
    a.submission = (await staffA.get('/staff/api/submissions')).body.items[0].id;
    const created = await staffA.post(
      '/staff/api/documents',
      documentBody(smallBudget(12000, { title: '甲局绝密预算标记' }), { slug: 'budget-a' }),
    );
    assert.equal(created.status, 201, created.text);
    const published = await staffA.post(`/staff/api/documents/budget-a/revisions/${created.body.revision.id}/publish`, {
      reason: '测试发布',
    });
    assert.equal(published.status, 200, published.text);
    const draft = await staffA.post(
      '/staff/api/documents/budget-a/revisions',
      documentBody(smallBudget(13000, { title: '甲局绝密预算标记' })),
    );
    assert.equal(draft.status, 201, draft.text);
    a.revision = draft.body.revision.id;
    a.events = (await staffA.get('/staff/api/documents/budget-a')).body.events.length;
  });
  after(() => server?.stop());

  test('each organisation has its URLs, its code prefix and its publisher; the default one keeps the root URLs', async () => {
    assert.match(a.code, /^AA\d{4}-/);
    const bSent = await post(`${b.url}/api/forms/mailbox`, mailbox());
    assert.match(bSent.body.trackingCode, /^BB\d{4}-/);
    const root = await post(`${server.url}/api/forms/mailbox`, mailbox());
    assert.match(root.body.trackingCode, /^GK\d{4}-/);
    // By host name: b.example.test is B at the root URLs.
    const byHost = await withHost(`${server.url}/api/forms/mailbox`, 'b.example.test', {
      method: 'POST',
      body: mailbox(),
    });
    assert.equal(byHost.status, 201);
    assert.match(byHost.body.trackingCode, /^BB\d{4}-/);
    assert.equal(
      (await withHost(`${server.url}/api/forms/mailbox/status?code=${bSent.body.trackingCode}`, 'b.example.test'))
        .status,
      200,
    );
    // A's code is A's only.
    assert.equal((await get(`${a.url}/api/forms/mailbox/status?code=${a.code}`)).status, 200);
    for (const other of [b.url, server.url])
      assert.equal((await get(`${other}/api/forms/mailbox/status?code=${a.code}`)).status, 404);
    // The published document names its organisation as publisher, and its URLs are under /t/a.
    const history = await get(`${a.url}/d/budget-a/history.json`);
    assert.equal(history.status, 200, history.text);
    assert.equal(history.body.publisher, '甲县卫生健康局');
    assert.equal(history.body.url, '/t/a/d/budget-a.json');
    assert.match((await get(`${a.url}/d/budget-a.json`)).headers.get('link'), /^<\/t\/a\/d\/budget-a\/history\.json>/);
    // Origins are per organisation.
    assert.equal(
      (await post(`${a.url}/api/forms/mailbox`, mailbox(), { Origin: 'https://a.example.test' })).status,
      201,
    );
    assert.equal(
      (await post(`${b.url}/api/forms/mailbox`, mailbox(), { Origin: 'https://a.example.test' })).status,
      403,
    );
    // An organisation that does not exist, and the default one's id as a path, are refused.
    const unknown = await get(`${server.url}/t/nowhere/api/forms/mailbox/status?code=X`);
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.code, 'unknown_organisation');
    assert.match(unknown.body.error.message, /单位/);
    assert.equal(
      (await get(`${server.url}/t/default/api/forms/mailbox/status?code=X`)).body.error.code,
      'unknown_organisation',
    );
    // The session cookie's Path is the organisation's.
    assert.match((await login(a.url, 'alice-of-a', PASSWORD)).setCookie, /Path=\/t\/a\/staff;/);
    // The static files are the same for every organisation, under its prefix: the bundle's second file, and the
    // studio, whose relative ../staff/api/ is then the organisation's.
    assert.equal((await fetch(`${a.url}/staff/gongkai-provenance.js`)).status, 200);
    const studio = await fetch(`${a.url}/studio/`);
    assert.equal(studio.status, 200);
    assert.match(studio.headers.get('content-type'), /^text\/html/);
    assert.match(await studio.text(), /src="\.\/assets\//);
    const redirect = await fetch(`${a.url}/studio`, { redirect: 'manual' });
    assert.equal(redirect.status, 308);
    assert.equal(redirect.headers.get('location'), '/t/a/studio/');
  });

  test('an account signs in to its own organisation only', async () => {
    assert.equal((await login(b.url, 'alice-of-a', PASSWORD)).status, 401);
    assert.equal((await login(server.url, 'alice-of-a', PASSWORD)).status, 401);
    // A's session presented to B (or to the root) is no session there.
    assert.equal((await get(`${b.url}/staff/api/state`, { Cookie: a.session })).body.user, null);
    assert.equal((await get(`${b.url}/staff/api/submissions`, { Cookie: a.session })).status, 401);
  });

  test('every staff and document route, walked from the route tables, refuses another organisation', async () => {
    const values = { id: a.submission, slug: 'budget-a', version: 1, file: 'index.html' };
    // (Not A's account name: B's own log rightly records a failed sign-in at B under that name.)
    const markers = [
      a.code,
      '甲局机密来信标记',
      '甲局机密正文标记',
      '甲局绝密预算标记',
      '甲局办公室标记',
      '甲县卫生健康局',
    ];
    const body = {
      ...documentBody(smallBudget(1, { title: '乙局自己的预算' })),
      reason: '乙局试图操作',
      note: '乙局试图操作',
      name: 'alice-of-a',
      password: PASSWORD,
      slug: 'budget-a',
    };
    const routes = [...STAFF_ROUTES, ...PUBLISHED_ROUTES];
    assert.ok(routes.length >= 30, `the tables list ${routes.length} routes`);
    let walked = 0;
    for (const route of routes) {
      // Revisions have their own ids: A's revision under A's slug.
      const filled = route.path.includes('/revisions/:id') ? { ...values, id: a.revision } : values;
      for (const path of concrete(route.path, filled)) {
        const send = (cookie) =>
          fetch(`${b.url}${path}`, {
            method: route.method,
            headers: { Cookie: cookie, 'Content-Type': 'application/json', Accept: 'application/json' },
            body: route.method === 'GET' ? undefined : JSON.stringify(body),
          });
        const what = `${route.method} /t/b${path}`;
        // A's own session is nothing at B.
        if (route.access === 'account') assert.equal((await send(a.session)).status, 401, `${what} with A's session`);
        // B's admin, asking with A's ids and slugs, learns nothing of A.
        const res = await send(b.session);
        const text = await res.text();
        for (const marker of markers)
          assert.ok(
            !text.includes(marker),
            `${what} answered ${res.status} with A's “${marker}”: ${text.slice(0, 300)}`,
          );
        if (route.handler === 'login') assert.equal(res.status, 401, `${what}: A's name and password at B`);
        // B's session is a session at B: the refusal is the organisation check, not a missing sign-in.
        if (route.access === 'account') assert.notEqual(res.status, 401, `${what}: B's own session refused`);
        if (route.handler === 'logout') b.session = (await login(b.url, 'bob-of-b', PASSWORD)).cookie;
        walked++;
      }
    }
    assert.ok(walked > routes.length, `${walked} requests`);
    // And nothing of A changed: no event by B on A's letter or document, the document as it was.
    const staffA = staffClient(a.url, a.session);
    const letter = await staffA.get(`/staff/api/submissions/${a.submission}`);
    assert.equal(letter.status, 200);
    assert.ok(
      letter.body.events.every((event) => event.actor !== 'bob-of-b'),
      JSON.stringify(letter.body.events),
    );
    assert.equal(letter.body.submission.step, 'received');
    const doc = await staffA.get('/staff/api/documents/budget-a');
    assert.equal(doc.body.events.length, a.events, JSON.stringify(doc.body.events));
    assert.equal(doc.body.document.withdrawn, null);
    assert.equal(doc.body.open.state, 'draft');
    // B has a budget-a of its own now (slugs are per organisation), and A's is untouched.
    assert.equal((await get(`${a.url}/d/budget-a/v1.json`)).body.title, '甲局绝密预算标记');
  });
});
