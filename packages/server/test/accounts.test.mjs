// Staff accounts from the CLI (gongkai-server user …): scrypt hashes with a salt each,
// no default account, password changes and disabling end sessions. With a SQLite file
// and with a postgres:// URL (GONGKAI_DB).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  addUser,
  dbEnv,
  eachStorage,
  get,
  login,
  runBin,
  runBinWithInput,
  staffClient,
  tempDir,
} from '../support/harness.mjs';

const PASSWORD = 'correct horse 1';

eachStorage((backend) => {
  async function users(storage) {
    const db = await backend.open(storage);
    try {
      // disabled: SQLite's 0/1, PostgreSQL's boolean, as 0/1.
      return (await db.all('SELECT name, office, role, password_hash, disabled FROM staff_users ORDER BY id')).map(
        (row) => ({ ...row, disabled: Number(row.disabled) }),
      );
    } finally {
      await db.close();
    }
  }

  test('user add stores a salted scrypt hash, never the password; user list shows the accounts', async () => {
    const storage = await backend.fresh();
    const file = dbEnv(storage);
    const empty = await runBin(['user', 'list'], { env: { GONGKAI_DB: file } });
    assert.equal(empty.code, 0, empty.stderr);
    assert.match(empty.stdout, /没有工作人员账号/);
    await addUser(file, '王科长', PASSWORD, { office: '办公室', role: 'admin' });
    await addUser(file, 'li.si', PASSWORD, { office: '医政科' });
    const rows = await users(storage);
    assert.deepEqual(
      rows.map((r) => [r.name, r.office, r.role, r.disabled]),
      [
        ['王科长', '办公室', 'admin', 0],
        ['li.si', '医政科', 'editor', 0],
      ],
    );
    for (const row of rows) {
      assert.match(row.password_hash, /^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
      assert.ok(!row.password_hash.includes(PASSWORD));
    }
    // The same password, two salts: two hashes.
    assert.notEqual(rows[0].password_hash, rows[1].password_hash);
    const list = await runBin(['user', 'list'], { env: { GONGKAI_DB: file } });
    assert.match(list.stdout, /王科长\t办公室\tadmin/);
    assert.match(list.stdout, /li\.si\t医政科\teditor/);
    // The storage from a configuration file instead of GONGKAI_DB.
    const config = join(tempDir(), 'server.json');
    writeFileSync(config, JSON.stringify({ storage }));
    const fromFile = await runBin(['user', 'list', '--config', config]);
    assert.equal(fromFile.code, 0, fromFile.stderr);
    assert.equal(fromFile.stdout, list.stdout);
  });

  test('user add refuses a short password, a taken name, a bad role, a missing office — in both languages', async () => {
    const storage = await backend.fresh();
    const file = dbEnv(storage);
    const short = await runBinWithInput(['user', 'add', 'a', '--office', '办公室'], 'short\n', {
      env: { GONGKAI_DB: file },
    });
    assert.equal(short.code, 2);
    assert.match(short.stderr, /密码至少 10 个字符/);
    assert.match(short.stderr, /at least 10 characters/);
    const none = await runBinWithInput(['user', 'add', 'a', '--office', '办公室'], '', { env: { GONGKAI_DB: file } });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /没有读到密码/);
    await addUser(file, 'a', PASSWORD);
    const again = await runBinWithInput(['user', 'add', 'a', '--office', '办公室'], `${PASSWORD}\n`, {
      env: { GONGKAI_DB: file },
    });
    assert.equal(again.code, 2);
    assert.match(again.stderr, /已存在/);
    const role = await runBinWithInput(['user', 'add', 'b', '--office', '办公室', '--role', 'root'], `${PASSWORD}\n`, {
      env: { GONGKAI_DB: file },
    });
    assert.equal(role.code, 2);
    assert.match(role.stderr, /--role 应为 editor、reviewer 或 admin/);
    const office = await runBinWithInput(['user', 'add', 'b'], `${PASSWORD}\n`, { env: { GONGKAI_DB: file } });
    assert.equal(office.code, 2);
    assert.match(office.stderr, /--office/);
    assert.equal((await users(storage)).length, 1);
  });

  test('a server without accounts says so on the staff page; there is no default account', async () => {
    const server = await backend.start();
    try {
      const page = await get(`${server.url}/staff/`);
      assert.equal(page.status, 200);
      assert.match(page.text, /尚未创建工作人员账号/);
      assert.match(page.text, /gongkai-server user add/);
      const state = await get(`${server.url}/staff/api/state`);
      assert.deepEqual(state.body, { accounts: 0, user: null });
      for (const [name, password] of [
        ['admin', 'admin'],
        ['admin', ''],
        ['root', 'password'],
        ['gongkai', 'gongkai'],
      ]) {
        const res = await login(server.url, name, password);
        assert.ok(res.status === 401 || res.status === 422, `${name}/${password}: ${res.status}`);
        assert.equal(res.setCookie, '');
      }
    } finally {
      await server.stop();
    }
  });

  test('user passwd changes the password and ends the sessions; user disable refuses sign-in and ends sessions', async () => {
    const server = await backend.start();
    try {
      await addUser(server, 'zhao', PASSWORD);
      const first = await login(server.url, 'zhao', PASSWORD);
      assert.equal(first.status, 200, first.text);
      const client = staffClient(server.url, first.cookie);
      assert.equal((await client.get('/staff/api/submissions')).status, 200);

      const changed = await runBinWithInput(['user', 'passwd', 'zhao'], 'a new password 2\n', {
        env: { GONGKAI_DB: dbEnv(server) },
      });
      assert.equal(changed.code, 0, changed.stderr);
      assert.equal((await client.get('/staff/api/submissions')).status, 401);
      assert.equal((await login(server.url, 'zhao', PASSWORD)).status, 401);
      const second = await login(server.url, 'zhao', 'a new password 2');
      assert.equal(second.status, 200);

      const disabled = await runBin(['user', 'disable', 'zhao'], { env: { GONGKAI_DB: dbEnv(server) } });
      assert.equal(disabled.code, 0, disabled.stderr);
      assert.equal((await staffClient(server.url, second.cookie).get('/staff/api/submissions')).status, 401);
      assert.equal((await login(server.url, 'zhao', 'a new password 2')).status, 401);
      assert.equal((await runBin(['user', 'enable', 'zhao'], { env: { GONGKAI_DB: dbEnv(server) } })).code, 0);
      assert.equal((await login(server.url, 'zhao', 'a new password 2')).status, 200);
      const missing = await runBin(['user', 'disable', 'nobody'], { env: { GONGKAI_DB: dbEnv(server) } });
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /没有账号 nobody/);
    } finally {
      await server.stop();
    }
    // Every account change is in the audit table, with who and when.
    const db = await backend.open(server.storage);
    const actions = await db.all('SELECT action, actor, at FROM staff_events ORDER BY id');
    await db.close();
    for (const action of ['user.add', 'login', 'user.passwd', 'login.failed', 'user.disable', 'user.enable'])
      assert.ok(
        actions.some((a) => a.action === action),
        action,
      );
    assert.ok(actions.every((a) => a.actor && /^\d{4}-\d{2}-\d{2}T/.test(a.at)));
  });
});
