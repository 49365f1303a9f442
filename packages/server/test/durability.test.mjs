// A submission is committed before it is acknowledged: SIGKILL the server in the
// middle of a load of submissions, restart it, and every acknowledged tracking
// code is there, its idempotency key still answering the same code. With SQLite
// and with PostgreSQL.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eachStorage, mailbox, post, randomKey, tempDir } from '../support/harness.mjs';

eachStorage((backend) => {
  test('every acknowledged submission survives a SIGKILL in the middle of a load', async () => {
    const dir = tempDir();
    const first = await backend.start({ dir });
    const acked = [];
    let failures = 0;
    let stopped = false;

    const worker = async () => {
      while (!stopped) {
        const key = randomKey();
        try {
          const res = await post(`${first.url}/api/forms/mailbox`, mailbox(key), { 'Idempotency-Key': key });
          assert.equal(res.status, 201, res.text);
          acked.push({ key, code: res.body.trackingCode });
        } catch (error) {
          if (error?.code === 'ERR_ASSERTION') throw error;
          failures++; // the connection died with the server: this one was never acknowledged
          return;
        }
      }
    };
    const workers = Array.from({ length: 32 }, worker);
    // Let the load run, then kill without warning while requests are in flight.
    while (acked.length < 600) await new Promise((resolve) => setTimeout(resolve, 10));
    const { signal } = await first.kill();
    assert.equal(signal, 'SIGKILL');
    stopped = true;
    await Promise.all(workers);
    assert.ok(failures > 0, 'the kill came while submissions were in flight');

    const second = await backend.start({ dir, config: { storage: first.storage } });
    try {
      const db = await backend.open(second.storage);
      const codes = new Map(
        (await db.all('SELECT tracking_code, idempotency_key FROM submissions')).map((row) => [
          row.tracking_code,
          row.idempotency_key,
        ]),
      );
      const total = (await db.get('SELECT COUNT(*) AS n FROM submissions')).n;
      await db.close();
      const missing = acked.filter(({ key, code }) => codes.get(code) !== key);
      assert.deepEqual(missing, [], `${missing.length} of ${acked.length} acknowledged submissions were lost`);
      assert.ok(total >= acked.length);

      // After the restart each key still answers its code, and nothing is stored twice.
      const sample = acked.filter((_, i) => i % 10 === 0);
      const again = await Promise.all(
        sample.map(({ key }) => post(`${second.url}/api/forms/mailbox`, mailbox(key), { 'Idempotency-Key': key })),
      );
      assert.deepEqual(
        again.map((res) => res.body.trackingCode),
        sample.map(({ code }) => code),
      );
      assert.ok(again.every((res) => res.status === 201 && res.headers.get('idempotent-replayed') === 'true'));
      const after = await backend.open(second.storage);
      assert.equal((await after.get('SELECT COUNT(*) AS n FROM submissions')).n, total);
      await after.close();
      // And the lookup answers for them.
      const status = await fetch(`${second.url}/api/forms/mailbox/status?code=${acked.at(-1).code}`);
      assert.equal(status.status, 200);
    } finally {
      await second.stop();
    }
  });

  test('a fresh key after the restart is stored as usual', async () => {
    const dir = tempDir();
    const server = await backend.start({ dir });
    try {
      const key = randomKey();
      const res = await post(`${server.url}/api/forms/mailbox`, mailbox(key));
      assert.equal(res.status, 201);
    } finally {
      await server.kill();
    }
    const again = await backend.start({ dir, config: { storage: server.storage } });
    try {
      const res = await post(`${again.url}/api/forms/mailbox`, mailbox(randomKey()));
      assert.equal(res.status, 201);
    } finally {
      await again.stop();
    }
  });
});
