// `gongkai-server export --org X` / `import --org X`: one organisation moves from a SQLite
// platform to a PostgreSQL one (issue 19). Its accounts sign in with the same passwords,
// its tracking codes answer, its letters keep their history, its published documents are
// the same bytes with the same signatures; another organisation's rows stay behind. A
// second import, or a file cut short, changes nothing.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  documentBody,
  exampleForms,
  get,
  login,
  mailbox,
  post,
  runBin,
  runBinWithInput,
  signingKeys,
  smallBudget,
  startServer,
  staffClient,
  storageBackend,
  tempDir,
} from '../support/harness.mjs';

const PASSWORD = 'correct horse battery staple';
const pgBackend = storageBackend('postgres');

let dir;
let organisations;
const from = {};
before(async () => {
  await pgBackend.setup();
  dir = tempDir();
  const forms = exampleForms(dir);
  organisations = { wjj: { name: '平罗县卫生健康局', forms, codePrefix: 'WJ', signingKeys: await signingKeys(dir) } };
  const sqlite = { type: 'sqlite', path: join(dir, 'old-platform.db') };
  const configFile = join(dir, 'old.json');
  writeFileSync(configFile, JSON.stringify({ forms, storage: sqlite, organisations }));
  from.configFile = configFile;
  const server = await startServer({ dir, config: { storage: sqlite, organisations } });
  try {
    for (const [name, role] of [
      ['zhang', 'admin'],
      ['li', 'reviewer'],
    ]) {
      const added = await runBinWithInput(
        ['user', 'add', name, '--office', '医政科', '--role', role, '--org', 'wjj', '--config', configFile],
        `${PASSWORD}\n`,
      );
      assert.equal(added.code, 0, added.stderr);
    }
    const url = `${server.url}/t/wjj`;
    const zhang = staffClient(url, (await login(url, 'zhang', PASSWORD)).cookie);
    from.codes = [];
    for (const subject of ['转移测试一', '转移测试二'])
      from.codes.push((await post(`${url}/api/forms/mailbox`, mailbox(undefined, { subject }))).body.trackingCode);
    const first = (await zhang.get('/staff/api/submissions')).body.items.find(
      (item) => item.trackingCode === from.codes[0],
    );
    assert.equal((await zhang.post(`/staff/api/submissions/${first.id}/register`, { note: '已受理' })).status, 200);
    from.events = (await zhang.get(`/staff/api/submissions/${first.id}`)).body.events.map((e) => e.action);
    const created = await zhang.post('/staff/api/documents', documentBody(smallBudget(), { slug: 'budget-2018' }));
    const li = staffClient(url, (await login(url, 'li', PASSWORD)).cookie);
    assert.equal(
      (await zhang.post(`/staff/api/documents/budget-2018/revisions/${created.body.revision.id}/submit`, {})).status,
      200,
    );
    assert.equal(
      (await li.post(`/staff/api/documents/budget-2018/revisions/${created.body.revision.id}/approve`, {})).status,
      200,
    );
    from.latest = (await get(`${url}/d/budget-2018.json`)).text;
    from.sig = (await get(`${url}/d/budget-2018/v1.json.sig`)).text;
    from.history = (await get(`${url}/d/budget-2018/history.json`)).text;
    // The default organisation's letter must stay behind.
    from.otherCode = (await post(`${server.url}/api/forms/mailbox`, mailbox())).body.trackingCode;
  } finally {
    await server.stop();
  }
  from.file = join(dir, 'wjj.jsonl');
  const exported = await runBin(['export', '--org', 'wjj', '--config', configFile, '--out', from.file]);
  assert.equal(exported.code, 0, exported.stderr);
  assert.match(exported.stderr, /已导出单位 wjj/);
});
after(() => pgBackend.teardown());

test('the export is JSON Lines: header, rows of this organisation only, an end line with the counts', () => {
  const lines = readFileSync(from.file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  assert.equal(lines[0].format, 'gongkai-export/1');
  assert.equal(lines[0].org, 'wjj');
  assert.deepEqual(lines.at(-1).counts, {
    staff_users: 2,
    staff_events: lines.at(-1).counts.staff_events,
    submissions: 2,
    submission_events: lines.at(-1).counts.submission_events,
    documents: 1,
    document_revisions: 1,
    document_events: lines.at(-1).counts.document_events,
  });
  const text = JSON.stringify(lines);
  assert.ok(!text.includes(from.otherCode), 'the default organisation stays behind');
  assert.ok(!text.includes('token_hash'), 'no sessions');
  const submission = lines.find((line) => line.table === 'submissions').row;
  assert.equal(typeof submission.data, 'object');
  assert.equal(typeof submission.publish, 'boolean');
  assert.match(submission.received_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
});

test('imported into PostgreSQL: accounts, codes, history and the published bytes and signatures as they were', async () => {
  const storage = await pgBackend.fresh();
  const configFile = join(dir, 'new.json');
  writeFileSync(configFile, JSON.stringify({ forms: exampleForms(dir), storage, organisations }));
  const imported = await runBin(['import', '--org', 'wjj', '--config', configFile, from.file]);
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /已导入单位 wjj/);

  const server = await startServer({ dir: tempDir(), config: { storage, organisations } });
  try {
    const url = `${server.url}/t/wjj`;
    for (const code of from.codes)
      assert.equal((await get(`${url}/api/forms/mailbox/status?code=${code}`)).status, 200);
    assert.equal((await get(`${server.url}/api/forms/mailbox/status?code=${from.otherCode}`)).status, 404);
    const signedIn = await login(url, 'zhang', PASSWORD);
    assert.equal(signedIn.status, 200, signedIn.text);
    const zhang = staffClient(url, signedIn.cookie);
    const list = (await zhang.get('/staff/api/submissions')).body;
    assert.equal(list.total, 2);
    const first = list.items.find((item) => item.trackingCode === from.codes[0]);
    assert.equal(first.step, 'registered');
    const detail = (await zhang.get(`/staff/api/submissions/${first.id}`)).body;
    assert.deepEqual(detail.events.map((e) => e.action).slice(0, from.events.length), from.events);
    assert.equal((await get(`${url}/d/budget-2018.json`)).text, from.latest);
    assert.equal((await get(`${url}/d/budget-2018/v1.json.sig`)).text, from.sig);
    assert.equal((await get(`${url}/d/budget-2018/history.json`)).text, from.history);
    // The workflow goes on: a new letter gets a new id after the imported ones.
    assert.equal((await post(`${url}/api/forms/mailbox`, mailbox())).status, 201);
  } finally {
    await server.stop();
  }

  // The documents CLI with --org: this organisation's documents, its publisher; none at the root.
  const listed = await runBin(['doc', 'list', '--org', 'wjj', '--config', configFile]);
  assert.equal(listed.code, 0, listed.stderr);
  assert.match(listed.stdout, /^budget-2018\tbudget\t/m);
  assert.equal((await runBin(['doc', 'list', '--config', configFile])).stdout.trim(), '');
  const history = await runBin(['doc', 'history', 'budget-2018', '--org', 'wjj', '--config', configFile]);
  assert.equal(JSON.parse(history.stdout).publisher, '平罗县卫生健康局');
  const unknown = await runBin(['doc', 'list', '--org', 'nowhere', '--config', configFile]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /没有编号为 "nowhere" 的单位/);

  // Twice: refused, nothing written.
  const again = await runBin(['import', '--org', 'wjj', '--config', configFile, from.file]);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /单位 wjj 在本库中已有数据/);
  assert.match(again.stderr, /already has data here/);
});

test('a file cut short or from nowhere is refused in both languages, and nothing is written', async () => {
  const storage = await pgBackend.fresh();
  const configFile = join(dir, 'third.json');
  writeFileSync(configFile, JSON.stringify({ forms: exampleForms(dir), storage, organisations }));
  const lines = readFileSync(from.file, 'utf8').trim().split('\n');
  const short = join(dir, 'short.jsonl');
  writeFileSync(short, `${lines.slice(0, -3).join('\n')}\n`);
  const cut = await runBin(['import', '--org', 'wjj', '--config', configFile, short]);
  assert.equal(cut.code, 2);
  assert.match(cut.stderr, /文件不完整/);
  assert.match(cut.stderr, /incomplete/);
  const missing = await runBin(['export', '--config', configFile]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--org/);
  const db = await pgBackend.open(storage);
  try {
    assert.equal((await db.get('SELECT COUNT(*)::int AS n FROM staff_users')).n, 0);
  } finally {
    await db.close();
  }
});
