// Numbered migrations in schema_migrations: an empty database gets them all, an
// existing one only those it lacks, its data kept; a newer database is refused.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { exampleForms, get, mailbox, post, runBin, startServer, tempDir } from '../support/harness.mjs';

const versions = (file) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
  } finally {
    db.close();
  }
};

test('an empty database gets every migration, in WAL mode', async () => {
  const dir = tempDir();
  const server = await startServer({ dir });
  await server.stop();
  assert.deepEqual(versions(server.db), [
    { version: 1, name: 'submissions' },
    { version: 2, name: 'submission_events' },
  ]);
  assert.match(server.output(), /database migrated to version 2 \(applied 1, 2\)/);
  const db = new Database(server.db, { readonly: true });
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  db.close();
});

test('an existing database at version 1 gets only version 2, and keeps its submissions', async () => {
  const dir = tempDir();
  const file = join(dir, 'gongkai.db');
  const migrated = await runBin(['migrate', '--to', '1'], { env: { GONGKAI_DB: file } });
  assert.equal(migrated.code, 0, migrated.stderr);
  assert.deepEqual(versions(file), [{ version: 1, name: 'submissions' }]);
  const db = new Database(file);
  db.prepare(
    `INSERT INTO submissions (tracking_code, form, kind, idempotency_key, body_hash, data, received_at, received_on, deadline, step, replied_on, outcome)
     VALUES ('GK2025-OLD1-0001', 'disclosure', 'disclosure-request', 'old-key-0001', 'x', '{"name":"王五"}', '2025-03-01T02:00:00Z', '2025-03-01', '2025-03-28', 'replied', '2025-03-20', '部分公开')`,
  ).run();
  db.close();

  const server = await startServer({ dir, config: { forms: exampleForms(dir) } });
  try {
    assert.match(server.output(), /applied 2\)/);
    assert.deepEqual(versions(file).map((row) => row.version), [1, 2]);
    const res = await get(`${server.url}/api/forms/disclosure/status?code=GK2025-OLD1-0001`);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body, { code: 'GK2025-OLD1-0001', step: 'replied', received: '2025-03-01', deadline: '2025-03-28', replied: '2025-03-20', outcome: '部分公开' });
    assert.equal((await post(`${server.url}/api/forms/mailbox`, mailbox())).status, 201);
  } finally {
    await server.stop();
  }
  // Started again: nothing left to apply.
  const again = await startServer({ dir });
  await again.stop();
  assert.doesNotMatch(again.output(), /migrated/);
  assert.deepEqual(versions(file).map((row) => row.version), [1, 2]);
});

test('a database newer than the server is refused at startup, in both languages', async () => {
  const dir = tempDir();
  const file = join(dir, 'gongkai.db');
  assert.equal((await runBin(['migrate'], { env: { GONGKAI_DB: file } })).code, 0);
  const db = new Database(file);
  db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', '2030-01-01')").run();
  db.close();
  const res = await runBin([], { env: { GONGKAI_DB: file, GONGKAI_FORMS: exampleForms(dir), GONGKAI_PORT: '0' } });
  assert.equal(res.code, 2);
  assert.match(res.stderr, /数据库版本 99/);
  assert.match(res.stderr, /newer than this server/);
});
