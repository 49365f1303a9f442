// Numbered migrations in schema_migrations, the same versions for SQLite and PostgreSQL:
// an empty database gets them all, an existing one only those it lacks, its data kept;
// a newer database is refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { eachStorage, exampleForms, get, mailbox, post, runBin, tempDir } from '../support/harness.mjs';

/** Every migration, in order: src/storage/migrations-sqlite.ts and migrations-postgres.ts both. */
const MIGRATIONS = [
  { version: 1, name: 'submissions' },
  { version: 2, name: 'submission_events' },
  { version: 3, name: 'staff' },
  { version: 4, name: 'documents' },
  { version: 5, name: 'organisations' },
];
const LATEST = MIGRATIONS.at(-1).version;
const ALL = MIGRATIONS.map((m) => m.version);

eachStorage((backend) => {
  const versions = async (storage) => {
    const db = await backend.open(storage);
    try {
      return await db.all('SELECT version, name FROM schema_migrations ORDER BY version');
    } finally {
      await db.close();
    }
  };

  test('an empty database gets every migration', async () => {
    const dir = tempDir();
    const server = await backend.start({ dir });
    await server.stop();
    assert.deepEqual(await versions(server.storage), MIGRATIONS);
    assert.match(server.output(), new RegExp(`database migrated to version ${LATEST} \\(applied ${ALL.join(', ')}\\)`));
    if (backend.kind === 'sqlite') {
      const db = new Database(server.db, { readonly: true });
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      db.close();
    }
  });

  test('an existing database at version 1 gets only the later versions, and keeps its submissions', async () => {
    const dir = tempDir();
    const storage = await backend.fresh(dir);
    const migrated = await runBin(['migrate', '--to', '1'], { env: { GONGKAI_DB: backend.dbEnv(storage) } });
    assert.equal(migrated.code, 0, migrated.stderr);
    assert.deepEqual(await versions(storage), [MIGRATIONS[0]]);
    const db = await backend.open(storage);
    await db.run(
      `INSERT INTO submissions (tracking_code, form, kind, idempotency_key, body_hash, data, received_at, received_on, deadline, step, replied_on, outcome)
       VALUES ('GK2025-OLD1-0001', 'disclosure', 'disclosure-request', 'old-key-0001', 'x', '{"name":"王五"}', '2025-03-01T02:00:00Z', '2025-03-01', '2025-03-28', 'replied', '2025-03-20', '部分公开')`,
    );
    await db.close();

    const server = await backend.start({ dir, config: { forms: exampleForms(dir), storage } });
    try {
      assert.match(server.output(), new RegExp(`applied ${ALL.slice(1).join(', ')}\\)`));
      assert.deepEqual(
        (await versions(storage)).map((row) => row.version),
        ALL,
      );
      const res = await get(`${server.url}/api/forms/disclosure/status?code=GK2025-OLD1-0001`);
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body, {
        code: 'GK2025-OLD1-0001',
        step: 'replied',
        received: '2025-03-01',
        deadline: '2025-03-28',
        replied: '2025-03-20',
        outcome: '部分公开',
      });
      assert.equal((await post(`${server.url}/api/forms/mailbox`, mailbox())).status, 201);
    } finally {
      await server.stop();
    }
    // Started again: nothing left to apply.
    const again = await backend.start({ dir, config: { storage } });
    await again.stop();
    assert.doesNotMatch(again.output(), /migrated/);
    assert.deepEqual(
      (await versions(storage)).map((row) => row.version),
      ALL,
    );
  });

  test('version 4 makes the old staff accounts editors and keeps the admins; they sign in as before', async () => {
    const dir = tempDir();
    const storage = await backend.fresh(dir);
    const GONGKAI_DB = backend.dbEnv(storage);
    assert.equal((await runBin(['migrate', '--to', '3'], { env: { GONGKAI_DB } })).code, 0);
    // Accounts as version 3 made them (the same scrypt hash for 'a long enough password' is not needed: user add at version 3 is gone).
    const db = await backend.open(storage);
    const hash = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    await db.run(
      "INSERT INTO staff_users (name, office, role, password_hash, created_at, updated_at) VALUES ('wang', '办公室', 'admin', ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
      hash,
    );
    await db.run(
      "INSERT INTO staff_users (name, office, role, password_hash, created_at, updated_at) VALUES ('li', '医政科', 'staff', ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
      hash,
    );
    await db.close();
    assert.equal((await runBin(['migrate'], { env: { GONGKAI_DB } })).code, 0);
    const list = await runBin(['user', 'list'], { env: { GONGKAI_DB } });
    assert.match(list.stdout, /li\t医政科\teditor/);
    assert.match(list.stdout, /wang\t办公室\tadmin/);
    // A password set after the migration works: the table behind the accounts is whole.
    const passwd = await runBin(['user', 'passwd', 'li'], { env: { GONGKAI_DB }, input: 'a long enough password\n' });
    assert.equal(passwd.code, 0, passwd.stderr);
    const server = await backend.start({ dir, config: { storage } });
    try {
      const res = await post(`${server.url}/staff/api/login`, { name: 'li', password: 'a long enough password' });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.user.role, 'editor');
    } finally {
      await server.stop();
    }
  });

  test('a database newer than the server is refused at startup, in both languages', async () => {
    const dir = tempDir();
    const storage = await backend.fresh(dir);
    const GONGKAI_DB = backend.dbEnv(storage);
    assert.equal((await runBin(['migrate'], { env: { GONGKAI_DB } })).code, 0);
    const db = await backend.open(storage);
    await db.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', '2030-01-01')");
    await db.close();
    const res = await runBin([], { env: { GONGKAI_DB, GONGKAI_FORMS: exampleForms(dir), GONGKAI_PORT: '0' } });
    assert.equal(res.code, 2);
    assert.match(res.stderr, /数据库版本 99/);
    assert.match(res.stderr, /newer than this server/);
  });

  if (backend.kind === 'postgres') {
    test('servers migrating one PostgreSQL database at once apply each migration once', async () => {
      const storage = await backend.fresh();
      const GONGKAI_DB = backend.dbEnv(storage);
      const runs = await Promise.all([1, 2, 3].map(() => runBin(['migrate'], { env: { GONGKAI_DB } })));
      assert.deepEqual(
        runs.map((r) => r.code),
        [0, 0, 0],
        runs.map((r) => r.stderr).join('\n'),
      );
      assert.equal(runs.filter((r) => /applied/.test(r.stdout)).length, 1, runs.map((r) => r.stdout).join(''));
      assert.deepEqual(await versions(storage), MIGRATIONS);
    });
  }
});
