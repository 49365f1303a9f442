// Per-address limits: 429 with Retry-After, JSON; lookups have their own limit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { get, mailbox, post, startServer } from '../support/harness.mjs';

test('submissions over the per-address limit get 429 with Retry-After; lookups are counted apart', async () => {
  const server = await startServer({
    config: { rateLimit: { submissions: { max: 3, windowSeconds: 60 }, lookups: { max: 2, windowSeconds: 60 } } },
  });
  try {
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await post(`${server.url}/api/forms/mailbox`, mailbox()));
    assert.deepEqual(
      answers.map((a) => a.status),
      [201, 201, 201, 429, 429],
    );
    const limited = answers[3];
    assert.equal(limited.body.error.code, 'rate_limited');
    assert.match(limited.body.error.message, /秒后再试/);
    const wait = Number(limited.headers.get('retry-after'));
    assert.ok(wait >= 1 && wait <= 60, `Retry-After ${wait}`);
    // Invalid attempts count too (no free guessing), and a limited request stores nothing.
    const code = answers[0].body.trackingCode;
    assert.equal((await get(`${server.url}/api/forms/mailbox/status?code=${code}`)).status, 200);
    assert.equal((await get(`${server.url}/api/forms/mailbox/status?code=${code}`)).status, 200);
    const third = await get(`${server.url}/api/forms/mailbox/status?code=${code}`);
    assert.equal(third.status, 429);
    assert.ok(Number(third.headers.get('retry-after')) >= 1);
  } finally {
    await server.stop();
  }
});

test('behind a proxy (trustProxy) the limit is per forwarded address', async () => {
  const server = await startServer({
    config: { trustProxy: true, rateLimit: { submissions: { max: 1, windowSeconds: 60 } } },
  });
  try {
    assert.equal(
      (await post(`${server.url}/api/forms/mailbox`, mailbox(), { 'X-Forwarded-For': '10.0.0.1' })).status,
      201,
    );
    assert.equal(
      (await post(`${server.url}/api/forms/mailbox`, mailbox(), { 'X-Forwarded-For': '10.0.0.1' })).status,
      429,
    );
    assert.equal(
      (await post(`${server.url}/api/forms/mailbox`, mailbox(), { 'X-Forwarded-For': '10.0.0.2' })).status,
      201,
    );
  } finally {
    await server.stop();
  }
});
