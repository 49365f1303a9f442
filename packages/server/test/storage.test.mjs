// The Storage interface itself, the same checks against SQLite and PostgreSQL:
// one batch holding new, repeated and already stored keys; tracking codes drawn twice.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PostgresStorage, SqliteStorage } from '../dist/gongkai-server.mjs';
import { eachStorage } from '../support/harness.mjs';

const item = (key, extra = {}) => ({
  form: 'mailbox',
  kind: 'form',
  idempotencyKey: key,
  bodyHash: `hash-${key}`,
  data: { subject: '门诊排队时间', body: `正文 ${key}` },
  receivedAt: '2026-03-02T01:02:03.000Z',
  receivedOn: '2026-03-02',
  deadline: '2026-03-09',
  ...extra,
});

/** newCode answering these codes in turn, then fresh ones. */
function codes(...list) {
  let n = 0;
  return () => list.shift() ?? `GK2026-TEST-${String(++n).padStart(4, '0')}`;
}

eachStorage((backend) => {
  let storage;
  before(async () => {
    const config = await backend.fresh();
    storage = config.type === 'postgres' ? new PostgresStorage({ url: config.url }) : new SqliteStorage({ path: config.path });
    assert.deepEqual((await storage.migrate()).applied.slice(0, 2), [1, 2]);
  });
  after(() => storage?.close());

  test('one batch: new keys, a key repeated in the batch, a key stored before; answers in the order given', async () => {
    await storage.insertSubmissions([item('before')], codes('GK2026-BFOR-0001'));
    const refs = await storage.insertSubmissions([item('k2'), item('k1'), item('k2'), item('before'), item('k1', { bodyHash: 'other' })], codes());
    assert.equal(refs.length, 5);
    assert.equal(refs[0].created, true);
    assert.equal(refs[1].created, true);
    assert.deepEqual(refs[2], { trackingCode: refs[0].trackingCode, created: false, bodyHash: 'hash-k2' });
    assert.deepEqual(refs[3], { trackingCode: 'GK2026-BFOR-0001', created: false, bodyHash: 'hash-before' });
    // The same key with other values: the stored one's hash, so the caller answers 409.
    assert.deepEqual(refs[4], { trackingCode: refs[1].trackingCode, created: false, bodyHash: 'hash-k1' });
    assert.notEqual(refs[0].trackingCode, refs[1].trackingCode);
    const status = await storage.status('mailbox', refs[1].trackingCode);
    assert.deepEqual(status, { trackingCode: refs[1].trackingCode, step: 'received', receivedOn: '2026-03-02', deadline: '2026-03-09', repliedOn: null, outcome: null, reason: null });
    assert.equal(await storage.status('other-form', refs[1].trackingCode), undefined);
    assert.equal(await storage.status('mailbox', 'GK2026-NONE-0000'), undefined);
  });

  test('a tracking code drawn twice, in one batch or like a stored one, is drawn again; nothing else is undone', async () => {
    await storage.insertSubmissions([item('taken')], codes('GK2026-SAME-0001'));
    const refs = await storage.insertSubmissions([item('c1'), item('c2'), item('c3')], codes('GK2026-SAME-0001', 'GK2026-SAME-0002', 'GK2026-SAME-0002'));
    const drawn = refs.map((ref) => ref.trackingCode);
    assert.ok(refs.every((ref) => ref.created));
    assert.equal(new Set([...drawn, 'GK2026-SAME-0001']).size, 4, drawn.join(' '));
    for (const ref of refs) assert.equal((await storage.status('mailbox', ref.trackingCode))?.trackingCode, ref.trackingCode);
    assert.equal((await storage.insertSubmissions([item('taken')], codes()))[0].trackingCode, 'GK2026-SAME-0001');
  });

  test('ping answers; an empty batch is nothing', async () => {
    await storage.ping();
    assert.deepEqual(await storage.insertSubmissions([], codes()), []);
  });
});
