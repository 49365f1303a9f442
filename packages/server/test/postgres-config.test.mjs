// Choosing PostgreSQL: `storage: { type: "postgres", url }` in the file, or a postgres:// URL in
// GONGKAI_DB; a bad URL or a database that cannot be reached is a clear startup error (exit 2).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { exampleForms, mailbox, post, runBin, startServer, storageBackend, tempDir } from '../support/harness.mjs';

const backend = storageBackend('postgres');
before(() => backend.setup());
after(() => backend.teardown());

async function failsWith(args, env, zh, en) {
  const res = await runBin(args, { env });
  assert.equal(res.code, 2, `${res.stdout}${res.stderr}`);
  assert.match(res.stderr, zh);
  assert.match(res.stderr, en);
  assert.ok(res.stderr.search(zh) < res.stderr.search(en), 'Chinese before English');
  return res.stderr;
}

function configFile(dir, value) {
  const file = join(dir, `c${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

/** A port nothing listens on. */
function closedPort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

test('a postgres:// URL in GONGKAI_DB selects PostgreSQL over the file’s SQLite; the password is never printed', async () => {
  const dir = tempDir();
  const { url } = await backend.fresh();
  const withPassword = url.replace('gongkai@', 'gongkai:s3cret@'); // trust authentication: any password is accepted
  const server = await startServer({ dir, env: { GONGKAI_DB: withPassword } });
  try {
    assert.match(server.output(), /postgres postgres:\/\/gongkai@127\.0\.0\.1:\d+\/gk_/);
    assert.doesNotMatch(server.output(), /s3cret/);
    assert.equal((await post(`${server.url}/api/forms/mailbox`, mailbox())).status, 201);
    const db = await backend.open({ url });
    assert.equal((await db.get('SELECT COUNT(*) AS n FROM submissions')).n, 1);
    await db.close();
  } finally {
    await server.stop();
  }
});

test('bad PostgreSQL settings are refused in both languages', async () => {
  const dir = tempDir();
  const forms = exampleForms(dir);
  const stderr = await failsWith(
    [],
    { GONGKAI_FORMS: forms, GONGKAI_DB: 'postgres://gongkai:s3cret@db.example:99999/gongkai' },
    /GONGKAI_DB .*不是有效的 PostgreSQL 连接地址/,
    /is not a PostgreSQL URL/,
  );
  assert.doesNotMatch(stderr, /s3cret/);
  await failsWith(
    ['--config', configFile(dir, { forms, storage: { type: 'postgres' } })],
    {},
    /需要连接地址/,
    /needs a URL/,
  );
  await failsWith(
    ['--config', configFile(dir, { forms, storage: { type: 'postgres', url: 'mysql://localhost/gongkai' } })],
    {},
    /storage\.url .*不是有效的 PostgreSQL 连接地址/,
    /storage\.url .*is not a PostgreSQL URL/,
  );
  await failsWith(
    [
      '--config',
      configFile(dir, { forms, storage: { type: 'postgres', url: 'postgres://localhost/gongkai', path: 'x.db' } }),
    ],
    {},
    /storage 中未知的配置项 "path"/,
    /unknown setting "path" in storage/,
  );
  await failsWith(
    [
      '--config',
      configFile(dir, { forms, storage: { type: 'postgres', url: 'postgres://localhost/gongkai', poolSize: 0 } }),
    ],
    {},
    /storage\.poolSize 应为正整数/,
    /storage\.poolSize must be a positive integer/,
  );
});

test('a PostgreSQL that cannot be reached, a missing database or user: a startup error, not a hang', async () => {
  const dir = tempDir();
  const forms = exampleForms(dir);
  const port = await closedPort();
  const started = Date.now();
  await failsWith(
    [],
    { GONGKAI_FORMS: forms, GONGKAI_DB: `postgres://gongkai@127.0.0.1:${port}/gongkai` },
    /无法连接 PostgreSQL 数据库 postgres:\/\/gongkai@127\.0\.0\.1:\d+\/gongkai：.*ECONNREFUSED/,
    /cannot connect to the PostgreSQL database .*check that it is running/,
  );
  await failsWith(
    ['migrate'],
    { GONGKAI_DB: `postgres://gongkai@127.0.0.1:${port}/gongkai` },
    /无法连接 PostgreSQL/,
    /cannot connect to the PostgreSQL/,
  );
  assert.ok(Date.now() - started < 8000);
  const cluster = new URL(backend.cluster.url);
  await failsWith(
    [],
    { GONGKAI_FORMS: forms, GONGKAI_DB: `postgres://gongkai@${cluster.host}/no_such_db` },
    /PostgreSQL 数据库不存在.*createdb no_such_db/,
    /does not exist/,
  );
  await failsWith(
    [],
    { GONGKAI_FORMS: forms, GONGKAI_DB: `postgres://nobody@${cluster.host}/gongkai` },
    /PostgreSQL 拒绝登录/,
    /PostgreSQL refused the login/,
  );
});
