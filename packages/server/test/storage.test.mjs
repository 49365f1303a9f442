// The Storage interface itself, the same checks against SQLite and PostgreSQL:
// one batch holding new, repeated and already stored keys; tracking codes drawn twice;
// and the StaffStorage side (staff-types.ts): the same values back (ISO times, booleans,
// JSON), sessions, search, and `act` as one transaction.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PostgresStorage, SqliteStorage } from '../dist/gongkai-server.mjs';
import { eachStorage } from '../support/harness.mjs';

const item = (key, extra = {}) => ({
  // Since issue 19 each submission names its organisation (and the prefix of its code).
  org: 'default',
  codePrefix: 'GK',
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
    storage =
      config.type === 'postgres' ? new PostgresStorage({ url: config.url }) : new SqliteStorage({ path: config.path });
    assert.deepEqual((await storage.migrate()).applied.slice(0, 2), [1, 2]);
  });
  after(() => storage?.close());

  test('one batch: new keys, a key repeated in the batch, a key stored before; answers in the order given', async () => {
    await storage.insertSubmissions([item('before')], codes('GK2026-BFOR-0001'));
    const refs = await storage.insertSubmissions(
      [item('k2'), item('k1'), item('k2'), item('before'), item('k1', { bodyHash: 'other' })],
      codes(),
    );
    assert.equal(refs.length, 5);
    assert.equal(refs[0].created, true);
    assert.equal(refs[1].created, true);
    assert.deepEqual(refs[2], { trackingCode: refs[0].trackingCode, created: false, bodyHash: 'hash-k2' });
    assert.deepEqual(refs[3], { trackingCode: 'GK2026-BFOR-0001', created: false, bodyHash: 'hash-before' });
    // The same key with other values: the stored one's hash, so the caller answers 409.
    assert.deepEqual(refs[4], { trackingCode: refs[1].trackingCode, created: false, bodyHash: 'hash-k1' });
    assert.notEqual(refs[0].trackingCode, refs[1].trackingCode);
    const status = await storage.status('mailbox', refs[1].trackingCode);
    assert.deepEqual(status, {
      trackingCode: refs[1].trackingCode,
      step: 'received',
      receivedOn: '2026-03-02',
      deadline: '2026-03-09',
      repliedOn: null,
      outcome: null,
      reason: null,
    });
    assert.equal(await storage.status('other-form', refs[1].trackingCode), undefined);
    assert.equal(await storage.status('mailbox', 'GK2026-NONE-0000'), undefined);
  });

  test('a tracking code drawn twice, in one batch or like a stored one, is drawn again; nothing else is undone', async () => {
    await storage.insertSubmissions([item('taken')], codes('GK2026-SAME-0001'));
    const refs = await storage.insertSubmissions(
      [item('c1'), item('c2'), item('c3')],
      codes('GK2026-SAME-0001', 'GK2026-SAME-0002', 'GK2026-SAME-0002'),
    );
    const drawn = refs.map((ref) => ref.trackingCode);
    assert.ok(refs.every((ref) => ref.created));
    assert.equal(new Set([...drawn, 'GK2026-SAME-0001']).size, 4, drawn.join(' '));
    for (const ref of refs)
      assert.equal((await storage.status('mailbox', ref.trackingCode))?.trackingCode, ref.trackingCode);
    assert.equal((await storage.insertSubmissions([item('taken')], codes()))[0].trackingCode, 'GK2026-SAME-0001');
  });

  test('ping answers; an empty batch is nothing', async () => {
    await storage.ping();
    assert.deepEqual(await storage.insertSubmissions([], codes()), []);
  });
  describe('StaffStorage', () => {
    const AT = '2026-03-02T01:02:03.456Z';
    const hour = (n) => new Date(Date.parse('2026-03-02T00:00:00.000Z') + n * 3600_000).toISOString();

    test('accounts: the values given come back as given; listed by code point; unknown names are false', async () => {
      assert.equal(await storage.countUsers(), 0);
      const wang = await storage.createUser({
        name: 'wang',
        office: '办公室',
        role: 'admin',
        passwordHash: 'scrypt$a',
        at: AT,
      });
      assert.deepEqual(wang, {
        id: wang.id,
        name: 'wang',
        office: '办公室',
        role: 'admin',
        disabled: false,
        createdAt: AT,
      });
      assert.equal(typeof wang.id, 'number');
      for (const name of ['王芳', 'Zhou', 'äbc', 'abc'])
        await storage.createUser({ name, office: '医政科', role: 'editor', passwordHash: 'scrypt$b', at: AT });
      await assert.rejects(
        storage.createUser({ name: 'wang', office: '办公室', role: 'editor', passwordHash: 'x', at: AT }),
        'a name is taken once',
      );
      assert.equal(await storage.countUsers(), 5);
      assert.deepEqual(await storage.userByName('wang'), { ...wang, passwordHash: 'scrypt$a' });
      assert.equal(await storage.userByName('WANG'), undefined);
      assert.deepEqual(
        (await storage.listUsers()).map((u) => u.name),
        ['Zhou', 'abc', 'wang', 'äbc', '王芳'],
      );
      assert.equal(await storage.setPassword('wang', 'scrypt$c', hour(1)), true);
      assert.equal((await storage.userByName('wang')).passwordHash, 'scrypt$c');
      assert.equal(await storage.setPassword('nobody', 'x', hour(1)), false);
      assert.equal(await storage.setDisabled('nobody', true, hour(1)), false);
    });

    test('sessions: unexpired and not disabled only; a new one purges the expired; deleted one by one or per user', async () => {
      const { id } = await storage.userByName('abc');
      await storage.createSession({ tokenHash: 'old', userId: id, createdAt: hour(0), expiresAt: hour(8) });
      assert.equal((await storage.sessionUser('old', hour(7))).name, 'abc');
      assert.equal(await storage.sessionUser('old', hour(8)), undefined, 'expired at its expiry');
      await storage.createSession({ tokenHash: 'new', userId: id, createdAt: hour(9), expiresAt: hour(17) });
      assert.equal(await storage.sessionUser('old', hour(7)), undefined, 'purged by the next sign-in');
      assert.deepEqual(await storage.sessionUser('new', hour(10)), {
        id,
        name: 'abc',
        office: '医政科',
        role: 'editor',
        disabled: false,
        createdAt: AT,
      });
      assert.equal(await storage.setDisabled('abc', true, hour(10)), true);
      assert.equal(await storage.sessionUser('new', hour(10)), undefined);
      assert.equal((await storage.userByName('abc')).disabled, true);
      await storage.setDisabled('abc', false, hour(10));
      assert.equal((await storage.sessionUser('new', hour(10)))?.name, 'abc');
      await storage.createSession({ tokenHash: 'other', userId: id, createdAt: hour(10), expiresAt: hour(18) });
      await storage.deleteSession('new');
      assert.equal(await storage.sessionUser('new', hour(10)), undefined);
      assert.equal((await storage.sessionUser('other', hour(10)))?.name, 'abc');
      await storage.deleteUserSessions(id);
      assert.equal(await storage.sessionUser('other', hour(10)), undefined);
    });

    test('account events, newest first', async () => {
      await storage.logStaffEvent({ at: hour(1), actor: 'cli:root', action: 'user.add', detail: { name: 'wang' } });
      await storage.logStaffEvent({ at: hour(2), actor: 'wang', action: 'logout' });
      assert.deepEqual(await storage.staffEvents(2), [
        { at: hour(2), actor: 'wang', action: 'logout', detail: null },
        { at: hour(1), actor: 'cli:root', action: 'user.add', detail: { name: 'wang' } },
      ]);
    });

    const staffItem = (key, receivedAt, data) =>
      item(key, { form: 'staff-form', data, receivedAt, receivedOn: receivedAt.slice(0, 10), deadline: '2026-04-30' });
    let ids;
    before(async () => {
      const refs = await storage.insertSubmissions(
        [
          staffItem('s1', '2026-03-01T01:00:00.000Z', { subject: 'Hello 门诊', note: '100% done' }),
          staffItem('s2', '2026-03-02T01:00:00.000Z', { subject: '挂号', note: 'a_b "quoted" \\ back' }),
          staffItem('s3', '2026-03-03T01:00:00.000Z', { subject: '停车' }),
        ],
        codes('GK2026-STAF-0001', 'GK2026-STAF-0002', 'GK2026-STAF-0003'),
      );
      ids = [];
      for (const ref of refs)
        ids.push((await storage.searchSubmissions({ text: ref.trackingCode, page: 1, pageSize: 5 })).items[0].id);
    });

    test('a submission as staff see it: the values, ISO times, days and booleans as stored', async () => {
      const record = await storage.submission(ids[1]);
      assert.deepEqual(record, {
        id: ids[1],
        trackingCode: 'GK2026-STAF-0002',
        form: 'staff-form',
        kind: 'form',
        data: { subject: '挂号', note: 'a_b "quoted" \\ back' },
        receivedAt: '2026-03-02T01:00:00.000Z',
        receivedOn: '2026-03-02',
        deadline: '2026-04-30',
        step: 'received',
        repliedOn: null,
        outcome: null,
        outcomeDetail: null,
        reason: null,
        office: null,
        reply: null,
        publish: false,
        adoption: null,
        adoptionReason: null,
        extended: false,
        updatedAt: null,
      });
      assert.deepEqual(Object.keys(record.data), ['subject', 'note'], 'the values in their order');
      assert.equal(await storage.submission(999_999), undefined);
    });

    test('search: filters, text LIKE-escaped and ASCII-case-blind over values, reply, code and office; total, pages, newest first', async () => {
      const search = (q) => storage.searchSubmissions({ form: 'staff-form', page: 1, pageSize: 10, ...q });
      const codesOf = async (q) => (await search(q)).items.map((r) => r.trackingCode.slice(-1));
      assert.deepEqual(await codesOf({}), ['3', '2', '1']);
      assert.deepEqual(await codesOf({ text: 'hello' }), ['1']);
      assert.deepEqual(await codesOf({ text: 'HELLO 门诊' }), ['1']);
      assert.deepEqual(await codesOf({ text: '%' }), ['1']);
      assert.deepEqual(await codesOf({ text: '0%' }), ['1']);
      assert.deepEqual(await codesOf({ text: '_' }), ['2']);
      assert.deepEqual(await codesOf({ text: 'a_b' }), ['2']);
      assert.deepEqual(await codesOf({ text: 'axb' }), []);
      // The values' JSON text is searched, as stored: a backslash is one character like any other.
      assert.deepEqual(await codesOf({ text: '\\' }), ['2']);
      assert.deepEqual(await codesOf({ text: 'quoted' }), ['2']);
      assert.deepEqual(await codesOf({ text: 'staf-0003' }), ['3']);
      assert.deepEqual(await codesOf({ text: '停车', kind: 'form', step: 'received' }), ['3']);
      assert.deepEqual(await codesOf({ step: 'replied' }), []);
      assert.deepEqual(await codesOf({ kind: 'consultation' }), []);
      assert.deepEqual(await codesOf({ from: '2026-03-02' }), ['3', '2']);
      assert.deepEqual(await codesOf({ to: '2026-03-02' }), ['2', '1']);
      assert.deepEqual(await codesOf({ from: '2026-03-02', to: '2026-03-02' }), ['2']);
      // A well-formed day that is no date is compared as text, not an error.
      assert.deepEqual(await codesOf({ from: '2026-02-30' }), ['3', '2', '1']);
      const page2 = await search({ page: 2, pageSize: 2 });
      assert.equal(page2.total, 3);
      assert.deepEqual(
        page2.items.map((r) => r.id),
        [ids[0]],
      );
      assert.equal((await storage.searchSubmissions({ page: 1, pageSize: 1 })).total >= 3, true);
    });

    test('act: the patch and its event in one transaction; what decide throws passes through and nothing is written', async () => {
      const id = ids[0];
      const refusal = new Error('not now');
      let seen;
      await assert.rejects(
        storage.act(id, 'clerk', hour(30), (current) => {
          seen = current;
          throw refusal;
        }),
        (error) => error === refusal,
      );
      assert.equal(seen.id, id);
      assert.deepEqual(await storage.submission(id), seen, 'nothing written');
      assert.deepEqual(await storage.submissionEvents(id), []);
      let called = false;
      assert.equal(
        await storage.act(999_999, 'clerk', hour(30), () => ((called = true), { patch: {}, action: 'x' })),
        undefined,
      );
      assert.equal(called, false);

      const next = await storage.act(id, 'clerk', hour(31), (current) => ({
        patch: {
          step: 'replied',
          repliedOn: '2026-03-05',
          reply: 'Done',
          publish: true,
          office: '医政科',
          extended: undefined,
        },
        action: 'reply',
        note: current.step,
        detail: { publish: true },
      }));
      assert.equal(next.step, 'replied');
      assert.equal(next.extended, false, 'undefined leaves a value as it is');
      assert.equal(next.updatedAt, hour(31));
      assert.deepEqual(await storage.submission(id), next);
      await storage.logSubmissionEvent(id, { at: hour(32), actor: 'admin', action: 'view' });
      assert.deepEqual(await storage.submissionEvents(id), [
        { at: hour(31), actor: 'clerk', action: 'reply', note: 'received', detail: { publish: true } },
        { at: hour(32), actor: 'admin', action: 'view', note: null, detail: null },
      ]);
      const status = await storage.status('staff-form', 'GK2026-STAF-0001');
      assert.equal(status.step, 'replied');
      assert.equal(status.repliedOn, '2026-03-05');
    });

    test('act: concurrent actions on one submission each see the one before (no lost update)', async () => {
      const id = ids[2];
      const bump = (current) => ({
        patch: { office: String(Number(current.office ?? 0) + 1) },
        action: 'forward',
        detail: { from: current.office },
      });
      await Promise.all(Array.from({ length: 8 }, (_, i) => storage.act(id, `clerk${i}`, hour(40 + i), bump)));
      assert.equal((await storage.submission(id)).office, '8');
      const froms = (await storage.submissionEvents(id)).map((e) => e.detail.from);
      assert.deepEqual(froms, [null, '1', '2', '3', '4', '5', '6', '7']);
    });

    test('publishing: published replies newest reply first; a form’s submissions oldest first; what was open during a year', async () => {
      await storage.act(ids[1], 'clerk', hour(50), () => ({
        patch: { step: 'replied', repliedOn: '2026-03-09', reply: 'Later', publish: true },
        action: 'reply',
      }));
      await storage.act(ids[2], 'clerk', hour(51), () => ({
        patch: { step: 'replied', repliedOn: '2026-03-07', reply: 'Private', publish: false },
        action: 'reply',
      }));
      assert.deepEqual(
        (await storage.publishedReplies('staff-form', 10)).map((r) => r.id),
        [ids[1], ids[0]],
      );
      assert.deepEqual(
        (await storage.publishedReplies('staff-form', 1)).map((r) => r.id),
        [ids[1]],
      );
      assert.deepEqual(
        (await storage.formSubmissions('staff-form')).map((r) => r.id),
        ids,
      );
      assert.deepEqual(await storage.formSubmissions('no-such-form'), []);
      assert.deepEqual(
        (await storage.openDuring('staff-form', '2026-03-08', '2026-03-31')).map((r) => r.id),
        [ids[1]],
      );
      assert.deepEqual(
        (await storage.openDuring('staff-form', '2026-03-01', '2026-03-01')).map((r) => r.id),
        [ids[0]],
      );
      assert.deepEqual(await storage.openDuring('staff-form', '2025-01-01', '2025-12-31'), []);
    });
  });
});
