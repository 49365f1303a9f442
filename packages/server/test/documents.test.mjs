// Review and publish (信息审核发布制度) over real HTTP, once with SQLite and once with
// PostgreSQL: write → submit → self-approval refused → another account approves → the
// published URLs (exact bytes, ETag, CORS, cache headers, history, a signature that
// verifies with the well-known key) → a returned revision → an admin's publish without
// review, with its reason and its filter → withdrawal (410 with the reason). And the
// same rules through `gongkai-server doc …`.
import assert from 'node:assert/strict';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  addUser,
  assertError,
  documentBody,
  eachStorage,
  get,
  login,
  runBinWithInput,
  signingKeys,
  smallBudget,
  staffClient,
  tempDir,
  validateDocument,
} from '../support/harness.mjs';

const ORIGIN = 'https://www.pingluo.gov.cn';
const PASSWORD = 'a long enough password';

/** Checks an envelope's signature over its statement with the public key the server publishes. */
function verifies(envelope, keys) {
  const key = keys.find((k) => k.keyId === envelope.keyId);
  if (!key) return false;
  const jwk = { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(key.publicKey, 'base64').toString('base64url') };
  return verify(
    null,
    Buffer.from(envelope.statement, 'utf8'),
    createPublicKey({ key: jwk, format: 'jwk' }),
    Buffer.from(envelope.signature, 'base64'),
  );
}

test('BodyCache keeps the most recently used bytes within its size', async () => {
  const { BodyCache } = await import('../dist/gongkai-server.mjs');
  const cache = new BodyCache(100);
  for (const key of ['a', 'b', 'c', 'd']) cache.set(`${key}/1`, key, Buffer.alloc(25));
  assert.equal(cache.get('a/1').sha256, 'a'); // a is now the most recently used
  cache.set('e/1', 'e', Buffer.alloc(25)); // 125 bytes: b, the least recently used, goes
  assert.equal(cache.get('b/1'), undefined);
  assert.deepEqual(
    ['a/1', 'c/1', 'd/1', 'e/1'].map((k) => cache.get(k)?.sha256),
    ['a', 'c', 'd', 'e'],
  );
  cache.set('a/1', 'a2', Buffer.alloc(5)); // a new version at the same address replaces the old
  assert.equal(cache.get('a/1').sha256, 'a2');
  cache.set('f/1', 'f', Buffer.alloc(26)); // more than a quarter of the whole: not kept
  assert.equal(cache.get('f/1'), undefined);
});

eachStorage((backend) => {
  let server;
  let editor;
  let reviewer;
  let admin;
  let otherReviewer;
  let keys;
  const DOC = '/staff/api/documents';

  before(async () => {
    const dir = tempDir();
    keys = await signingKeys(dir);
    server = await backend.start({
      dir,
      config: { origins: [ORIGIN], signingKeys: keys, staff: { login: null, owner: '平罗县卫生健康局' } },
    });
    await addUser(server, 'li', PASSWORD, { office: '医政科', role: 'editor' });
    await addUser(server, 'zhang', PASSWORD, { office: '医政科', role: 'reviewer' });
    await addUser(server, 'wang', PASSWORD, { office: '办公室', role: 'admin' });
    await addUser(server, 'zhao', PASSWORD, { office: '财务科', role: 'reviewer' });
    editor = staffClient(server.url, (await login(server.url, 'li', PASSWORD)).cookie);
    reviewer = staffClient(server.url, (await login(server.url, 'zhang', PASSWORD)).cookie);
    admin = staffClient(server.url, (await login(server.url, 'wang', PASSWORD)).cookie);
    otherReviewer = staffClient(server.url, (await login(server.url, 'zhao', PASSWORD)).cookie);
  });
  after(() => server?.stop());

  const put = (client, path, body) =>
    fetch(`${server.url}${path}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Cookie: client.cookie },
      body: JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, body: await r.json() }));

  describe('write → submit → self-approval refused → another account approves', () => {
    let first;
    test('an editor creates a document: a draft of its office, not yet published', async () => {
      const res = await editor.post(DOC, documentBody(smallBudget(12000), { slug: 'budget-2018' }));
      assert.equal(res.status, 201, res.text);
      first = res.body.revision;
      assert.equal(res.body.document.office, '医政科');
      assert.equal(res.body.document.kind, 'budget');
      assert.equal(first.state, 'draft');
      assert.equal(first.author, 'li');
      assert.deepEqual(first.issues, []);
      assertError(await editor.post(DOC, documentBody(smallBudget(), { slug: 'budget-2018' })), 409, 'slug_taken');
      assertError(await get(`${server.url}/d/budget-2018.json`), 404, 'unknown_document');
      // An editor cannot create in another office.
      assertError(
        await editor.post(DOC, documentBody(smallBudget(), { slug: 'elsewhere', office: '办公室' })),
        403,
        'forbidden',
      );
    });

    test('a document that does not fit its schema is saved as a draft but cannot be submitted', async () => {
      const bad = smallBudget(12000, { stage: '预算草案' });
      const res = await editor.post(DOC, documentBody(bad, { slug: 'bad-budget' }));
      assert.equal(res.status, 201, res.text);
      assert.equal(res.body.revision.issues[0].path, 'stage');
      const submit = await editor.post(`${DOC}/bad-budget/revisions/${res.body.revision.id}/submit`, {});
      assertError(submit, 422, 'invalid_document');
      assert.equal(submit.body.error.issues[0].path, 'stage');
      assert.match(submit.body.error.issues[0].message, /stage/);
      assert.equal(submit.body.error.issues[0].line, 6);
      assertError(
        await editor.post(DOC, { slug: 'not-json', contentText: '{"kind": "budget",' }),
        422,
        'invalid_document',
      );
    });

    test('the author submits; approving it themselves is refused by the server and logged', async () => {
      const submitted = await editor.post(`${DOC}/budget-2018/revisions/${first.id}/submit`, {});
      assert.equal(submitted.status, 200, submitted.text);
      assert.equal(submitted.body.revision.state, 'submitted');
      assertError(await editor.post(`${DOC}/budget-2018/revisions/${first.id}/approve`, {}), 403, 'forbidden');
      // A reviewer of another office may not review it either.
      assertError(await otherReviewer.post(`${DOC}/budget-2018/revisions/${first.id}/approve`, {}), 403, 'forbidden');
      const queue = await reviewer.get(`${DOC}/review`);
      assert.deepEqual(
        queue.body.items.map((i) => i.document.slug),
        ['budget-2018'],
      );
      assert.deepEqual((await editor.get(`${DOC}/review`)).body.items, []);
    });

    test('a reviewer who also submitted cannot approve: self_review', async () => {
      // zhang writes a document of its own office and submits it: an admin's or zhang's approval of it is self-review for zhang.
      const created = await reviewer.post(
        DOC,
        documentBody(smallBudget(5000, { title: '自审测试' }), { slug: 'own-work' }),
      );
      await reviewer.post(`${DOC}/own-work/revisions/${created.body.revision.id}/submit`, {});
      assertError(
        await reviewer.post(`${DOC}/own-work/revisions/${created.body.revision.id}/approve`, {}),
        403,
        'self_review',
      );
      const audit = await admin.get(`${DOC}/audit?action=approve.refused`);
      assert.deepEqual(
        audit.body.events.map((e) => [e.slug, e.actor]),
        [['own-work', 'zhang']],
      );
      assert.equal((await get(`${server.url}/d/own-work.json`)).status, 404);
    });

    test('another account approves: version 1 is published, signed, with its history', async () => {
      const approved = await reviewer.post(`${DOC}/budget-2018/revisions/${first.id}/approve`, { note: '数字已核对' });
      assert.equal(approved.status, 200, approved.text);
      assert.equal(approved.body.version, 1);
      assert.equal(approved.body.revision.reviewer, 'zhang');

      const latest = await fetch(`${server.url}/d/budget-2018.json`, { headers: { Origin: ORIGIN } });
      const bytes = Buffer.from(await latest.arrayBuffer());
      assert.equal(latest.status, 200);
      assert.equal(bytes.toString('utf8'), `${JSON.stringify(smallBudget(12000), null, 2)}\n`, 'the exact bytes saved');
      assert.equal(latest.headers.get('cache-control'), 'no-cache');
      assert.equal(latest.headers.get('gk-version'), '1');
      assert.equal(latest.headers.get('access-control-allow-origin'), ORIGIN);
      assert.match(latest.headers.get('access-control-expose-headers'), /ETag/);
      assert.match(latest.headers.get('link'), /<\/d\/budget-2018\/history\.json>; rel="version-history"/);
      const etag = latest.headers.get('etag');
      const sha = createHash('sha256').update(bytes).digest();
      assert.equal(etag, `"${sha.toString('base64url')}"`);
      const cached = await fetch(`${server.url}/d/budget-2018.json`, { headers: { 'If-None-Match': etag } });
      assert.equal(cached.status, 304);
      assert.equal(cached.headers.get('etag'), etag);
      // Among others, weak, or '*': still 304; another version's tag: the whole text.
      const other = `"${createHash('sha256').update('another version').digest('base64url')}"`;
      assert.equal(
        (await fetch(`${server.url}/d/budget-2018.json`, { headers: { 'If-None-Match': `${other}, W/${etag}` } }))
          .status,
        304,
      );
      assert.equal(
        (await fetch(`${server.url}/d/budget-2018.json`, { headers: { 'If-None-Match': '*' } })).status,
        304,
      );
      const changed = await fetch(`${server.url}/d/budget-2018.json`, { headers: { 'If-None-Match': other } });
      assert.equal(changed.status, 200);
      assert.deepEqual(Buffer.from(await changed.arrayBuffer()), bytes);

      const v1 = await fetch(`${server.url}/d/budget-2018/v1.json`);
      assert.equal(v1.headers.get('cache-control'), 'public, max-age=31536000, immutable');
      assert.deepEqual(Buffer.from(await v1.arrayBuffer()), bytes);

      const history = (await get(`${server.url}/d/budget-2018/history.json`)).body;
      assert.equal(history.publisher, '平罗县卫生健康局');
      assert.equal(history.office, '医政科');
      assert.equal(history.latest, 1);
      assert.equal(history.versions.length, 1);
      const [entry] = history.versions;
      assert.equal(entry.sha256, sha.toString('hex'));
      assert.equal(entry.reviewed, true);
      assert.equal(entry.reviewer, '医政科');
      assert.equal(entry.major, true);
      assert.equal(entry.changeNote, '首次发布');
      assert.equal(entry.signature.alg, 'Ed25519');
      assert.equal(entry.signature.format, 'gongkai-signature/2');
      const keys = (await get(`${server.url}${history.keys}`)).body.keys;
      assert.ok(verifies(entry.signature, keys), 'the signature verifies with the published key');
      // What is signed: the statement binding the bytes' digest to who published and reviewed them.
      const statement = JSON.parse(entry.signature.statement);
      assert.deepEqual(statement, {
        type: 'gongkai-publication/1',
        slug: 'budget-2018',
        version: 1,
        sha256: sha.toString('hex'),
        kind: 'budget',
        publisher: '平罗县卫生健康局',
        office: '医政科',
        reviewed: true,
        reviewer: '医政科',
        unreviewedReason: null,
        publishedAt: entry.publishedAt,
        major: true,
        changeNote: '首次发布',
      });
      const forged = {
        ...entry.signature,
        statement: entry.signature.statement.replace('"reviewer":"医政科"', '"reviewer":"办公室"'),
      };
      assert.ok(!verifies(forged, keys), 'not over a statement changed after signing');
      const sig = await get(`${server.url}/d/budget-2018/v1.json.sig`);
      assert.deepEqual(sig.body, entry.signature);
      // Not from another origin.
      assertError(
        await get(`${server.url}/d/budget-2018.json`, { Origin: 'https://evil.example' }),
        403,
        'origin_not_allowed',
      );
    });

    test('a correction: returned with a reason, edited, approved as version 2; version 1 unchanged', async () => {
      const draft = await editor.post(
        `${DOC}/budget-2018/revisions`,
        documentBody(smallBudget(13000), { changeNote: '更正卫生健康支出预算数', major: true }),
      );
      assert.equal(draft.status, 201, draft.text);
      assertError(
        await editor.post(`${DOC}/budget-2018/revisions`, documentBody(smallBudget(13000))),
        409,
        'revision_open',
      );
      await editor.post(`${DOC}/budget-2018/revisions/${draft.body.revision.id}/submit`, {});
      const returned = await reviewer.post(`${DOC}/budget-2018/revisions/${draft.body.revision.id}/return`, {
        reason: '请附上调整依据',
      });
      assert.equal(returned.body.revision.state, 'returned');
      assert.equal(returned.body.revision.returnReason, '请附上调整依据');
      assertError(
        await reviewer.post(`${DOC}/budget-2018/revisions/${draft.body.revision.id}/return`, {}),
        422,
        'invalid_request',
      );
      // Only the author edits it.
      assert.equal(
        (
          await put(
            reviewer,
            `${DOC}/budget-2018/revisions/${draft.body.revision.id}`,
            documentBody(smallBudget(13000)),
          )
        ).status,
        403,
      );
      const edited = await put(
        editor,
        `${DOC}/budget-2018/revisions/${draft.body.revision.id}`,
        documentBody(smallBudget(13000, { source: '依据平财预发〔2018〕12号调整' }), {
          changeNote: '更正卫生健康支出预算数',
          major: true,
        }),
      );
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      await editor.post(`${DOC}/budget-2018/revisions/${draft.body.revision.id}/submit`, {});
      const approved = await reviewer.post(`${DOC}/budget-2018/revisions/${draft.body.revision.id}/approve`, {});
      assert.equal(approved.body.version, 2);
      const latest = await get(`${server.url}/d/budget-2018.json`);
      assert.equal(latest.body.functional[0].values[0].budget, 13000);
      assert.equal((await get(`${server.url}/d/budget-2018/v1.json`)).body.functional[0].values[0].budget, 12000);
      const history = (await get(`${server.url}/d/budget-2018/history.json`)).body;
      assert.deepEqual(
        history.versions.map((v) => [v.version, v.changeNote]),
        [
          [2, '更正卫生健康支出预算数'],
          [1, '首次发布'],
        ],
      );
      assert.equal(history.updated, history.versions[0].publishedAt);
      const events = (await editor.get(`${DOC}/budget-2018`)).body.events.map((e) => e.action).reverse();
      assert.deepEqual(events, [
        'create',
        'submit',
        'approve',
        'save',
        'submit',
        'return',
        'save',
        'submit',
        'approve',
      ]);
    });

    test('an admin may publish without review only with a written reason, and a filter shows it', async () => {
      const draft = await admin.post(
        `${DOC}/budget-2018/revisions`,
        documentBody(smallBudget(13000, { source: '错别字更正' }), { changeNote: '更正错别字', major: false }),
      );
      assert.equal(draft.status, 201, draft.text);
      assertError(
        await admin.post(`${DOC}/budget-2018/revisions/${draft.body.revision.id}/publish`, {}),
        422,
        'invalid_request',
      );
      assertError(
        await reviewer.post(`${DOC}/budget-2018/revisions/${draft.body.revision.id}/publish`, { reason: '急' }),
        403,
        'forbidden',
      );
      const published = await admin.post(`${DOC}/budget-2018/revisions/${draft.body.revision.id}/publish`, {
        reason: '审核人出差，市里要求当日更新',
      });
      assert.equal(published.status, 200, published.text);
      assert.equal(published.body.version, 3);
      const filtered = await admin.get(`${DOC}/audit?action=publish.unreviewed`);
      assert.deepEqual(
        filtered.body.events.map((e) => [e.slug, e.actor, e.note, e.version]),
        [['budget-2018', 'wang', '审核人出差，市里要求当日更新', 3]],
      );
      const history = (await get(`${server.url}/d/budget-2018/history.json`)).body;
      assert.equal(history.versions[0].reviewed, false);
      assert.equal(history.versions[0].unreviewedReason, '审核人出差，市里要求当日更新');
      assert.equal(history.versions[0].major, false);
      // The signed statement says so too: no reviewer, the reason, a minor change.
      assert.deepEqual(
        (({ version, reviewed, reviewer, unreviewedReason, major, changeNote }) => ({
          version,
          reviewed,
          reviewer,
          unreviewedReason,
          major,
          changeNote,
        }))(JSON.parse(history.versions[0].signature.statement)),
        {
          version: 3,
          reviewed: false,
          reviewer: null,
          unreviewedReason: '审核人出差，市里要求当日更新',
          major: false,
          changeNote: '更正错别字',
        },
      );
      // A minor correction does not move "updated".
      assert.equal(history.updated, history.versions[1].publishedAt);
      assertError(await editor.get(`${DOC}/audit`), 403, 'forbidden');
    });

    test('the catalogue feed lists published documents with their real 审核程序, for <gk-catalogue>', async () => {
      const feed = await get(`${server.url}/api/documents/catalogue`, { Origin: ORIGIN });
      assert.equal(feed.status, 200, feed.text);
      assert.equal(feed.headers.get('access-control-allow-origin'), ORIGIN);
      assert.equal(feed.body.kind, 'catalogue');
      assert.equal(feed.body.type, '主动公开');
      assert.equal(feed.body.owner, '平罗县卫生健康局');
      assert.deepEqual(
        feed.body.items.map((i) => i.id),
        ['budget-2018'],
        'drafts and submitted revisions are not listed',
      );
      const [item] = feed.body.items;
      assert.equal(item.url, '/d/budget-2018.json');
      assert.equal(item.office, '医政科');
      assert.equal(item.version, '第3版');
      assert.match(
        item.review,
        /^未经第二人审核，由管理员发布（\d{4}-\d{2}-\d{2}，第3版；理由：审核人出差，市里要求当日更新）$/,
      );
      const checked = await validateDocument(feed.body);
      assert.ok(checked.ok, checked.output);
      assert.deepEqual((await get(`${server.url}/api/documents/catalogue?office=办公室`)).body.items, []);
    });

    test('the staff list shows documents by state, within an office', async () => {
      const list = await editor.get(`${DOC}?state=published`);
      assert.deepEqual(
        list.body.items.map((d) => d.slug),
        ['budget-2018'],
      );
      const drafts = await editor.get(`${DOC}?state=draft`);
      assert.deepEqual(
        drafts.body.items.map((d) => d.slug),
        ['bad-budget'],
      );
      assert.deepEqual((await otherReviewer.get(DOC)).body.items, []);
      assert.equal((await admin.get(DOC)).body.total, 3);
      assertError(await editor.get(`${DOC}?state=gone`), 422, 'invalid_request');
    });

    test("a server that kept a version's bytes sends the new version once another server publishes it", async () => {
      const before = await get(`${server.url}/d/budget-2018.json`);
      assert.equal(before.headers.get('gk-version'), '3');
      const other = await backend.start({
        dir: tempDir(),
        config: { storage: server.storage, signingKeys: keys, staff: { login: null, owner: '平罗县卫生健康局' } },
      });
      try {
        const elsewhere = staffClient(other.url, (await login(other.url, 'li', PASSWORD)).cookie);
        const reviewElsewhere = staffClient(other.url, (await login(other.url, 'zhang', PASSWORD)).cookie);
        const draft = await elsewhere.post(
          `${DOC}/budget-2018/revisions`,
          documentBody(smallBudget(14000), { changeNote: '追加预算', major: true }),
        );
        await elsewhere.post(`${DOC}/budget-2018/revisions/${draft.body.revision.id}/submit`, {});
        assert.equal(
          (await reviewElsewhere.post(`${DOC}/budget-2018/revisions/${draft.body.revision.id}/approve`, {})).body
            .version,
          4,
        );
      } finally {
        await other.stop();
      }
      const after = await fetch(`${server.url}/d/budget-2018.json`, {
        headers: { 'If-None-Match': before.headers.get('etag') },
      });
      assert.equal(after.status, 200);
      assert.equal(after.headers.get('gk-version'), '4');
      assert.equal((await after.json()).functional[0].values[0].budget, 14000);
    });

    test('withdrawal: every URL of the document answers 410 with the reason', async () => {
      assertError(await editor.post(`${DOC}/budget-2018/withdraw`, { reason: 'x' }), 403, 'forbidden');
      const done = await reviewer.post(`${DOC}/budget-2018/withdraw`, { reason: '数据有误，待重新审核' });
      assert.equal(done.status, 200, done.text);
      for (const path of ['/d/budget-2018.json', '/d/budget-2018/v1.json', '/d/budget-2018/history.json']) {
        const res = await get(`${server.url}${path}`, { Origin: ORIGIN });
        assertError(res, 410, 'withdrawn');
        assert.equal(res.body.error.reason, '数据有误，待重新审核');
        assert.match(res.body.error.message, /撤回：数据有误，待重新审核/);
        assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
      }
      assertError(await reviewer.post(`${DOC}/budget-2018/withdraw`, { reason: '再次' }), 409, 'invalid_transition');
      assert.deepEqual(
        (await get(`${server.url}/api/documents/catalogue`)).body.items,
        [],
        'a withdrawn document leaves the listing',
      );
    });
  });

  test('gongkai-server doc …: the same rules from a script, self-approval refused', async () => {
    const file = join(tempDir(), 'budget.json');
    writeFileSync(file, `${JSON.stringify(smallBudget(8000), null, 2)}\n`);
    // The county's own configuration file: its database, its key folder and the publishing body.
    const config = join(tempDir(), 'gongkai.config.json');
    writeFileSync(
      config,
      JSON.stringify({ storage: server.storage, signingKeys: keys, staff: { owner: '平罗县卫生健康局' } }),
    );
    const as = (args, password = PASSWORD) => runBinWithInput(['doc', ...args, '--config', config], `${password}\n`);
    const created = await as(['create', 'cli-budget', '--file', file, '--as', 'li']);
    assert.equal(created.code, 0, created.stderr);
    assert.equal((await as(['submit', 'cli-budget', '--as', 'li'], 'wrong password!')).code, 2);
    assert.equal((await as(['submit', 'cli-budget', '--as', 'li'])).code, 0);
    const own = await as(['approve', 'cli-budget', '--as', 'li']);
    assert.equal(own.code, 2);
    assert.match(own.stderr, /没有此权限|不能审核自己/);
    const ok = await as(['approve', 'cli-budget', '--as', 'zhang']);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /第 1 版已发布/);
    assert.equal((await get(`${server.url}/d/cli-budget.json`)).body.functional[0].values[0].budget, 8000);
    const history = (await get(`${server.url}/d/cli-budget/history.json`)).body;
    assert.equal(history.versions[0].signature.alg, 'Ed25519', 'signed by the CLI with the same key folder');
    assert.deepEqual(
      (({ slug, version, publisher, reviewer }) => ({ slug, version, publisher, reviewer }))(
        JSON.parse(history.versions[0].signature.statement),
      ),
      { slug: 'cli-budget', version: 1, publisher: '平罗县卫生健康局', reviewer: '医政科' },
      'the CLI signs the same statement, naming the configured publisher',
    );
  });
});
