/**
 * The demo site as a web team would deploy it: its server's headers and path
 * rules, and every example document valid (or, for the broken one, invalid in
 * exactly the ways the page explains).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { startServer } from '../serve.mjs';
import { mailbox, post, randomKey, startServer as startReceiver } from '../../packages/server/support/harness.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = fileURLToPath(new URL('../../packages/cli/bin/gongkai.mjs', import.meta.url));

function get(port, path) {
  return new Promise((resolve, reject) => {
    // A raw path, so traversal attempts reach the server unnormalised.
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('the demo server', async (t) => {
  const server = startServer({ port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address();
  t.after(() => server.close());

  await t.test('serves the page with a strict Content-Security-Policy', async () => {
    const page = await get(port, '/examples/');
    assert.equal(page.status, 200);
    assert.match(page.headers['content-security-policy'], /script-src 'self'/);
    assert.match(page.headers['content-security-policy'], /style-src 'self'/);
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
    assert.match(page.body, /<gk-document src="data\/work-points-notice\.json"/);
    // Nothing a strict CSP would block: no inline styles, no inline scripts (JSON data blocks are not scripts).
    assert.doesNotMatch(page.body, /style=|<style/i);
    const scripts = page.body.match(/<script\b[^>]*>/gi) ?? [];
    for (const tag of scripts) assert.match(tag, /type="module" src=|type="application\/json"/);
  });

  await t.test('serves the bundle and data with the right types', async () => {
    const bundle = await get(port, '/packages/gongkai/dist/gongkai.js');
    assert.equal(bundle.status, 200);
    assert.match(bundle.headers['content-type'], /javascript/);
    const data = await get(port, '/examples/data/work-points-notice.json');
    assert.match(data.headers['content-type'], /application\/json/);
  });

  await t.test('refuses paths outside the site', async () => {
    for (const path of [
      '/examples/../package.json',
      '/%2e%2e/package.json',
      '/package.json',
      '/.git/config',
      '/packages/elements/src/document/document.ts',
    ]) {
      const response = await get(port, path);
      assert.ok([400, 404].includes(response.status), `${path} → ${response.status}`);
      assert.doesNotMatch(response.body, /"name": "gongkai-workspace"|\[core\]/);
    }
  });

  await t.test(
    "without a receiver, /api/ answers 503 in the receiver's error shape (the form keeps the text)",
    async () => {
      const response = await fetch(`http://127.0.0.1:${port}/api/forms/mailbox`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
      assert.equal(response.status, 503);
      const body = await response.json();
      assert.equal(body.error.code, 'receiver_unavailable');
      assert.match(body.error.message, /仍保留/);
    },
  );

  await t.test('without a receiver, /studio/ is the built studio itself (it then saves files locally)', async () => {
    const page = await get(port, '/studio/');
    assert.equal(page.status, 200);
    assert.match(page.headers['content-security-policy'], /script-src 'self'/);
    const asset = /src="\.\/(assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    assert.ok(asset, page.body);
    assert.match((await get(port, `/studio/${asset}`)).headers['content-type'], /javascript/);
    assert.equal((await get(port, '/studio')).headers.location, '/studio/');
  });

  await t.test('redirects / to the demo', async () => {
    const response = await get(port, '/');
    assert.equal(response.status, 302);
    assert.equal(response.headers.location, '/examples/');
  });
});

test('pnpm start: the demo passes its forms to a real gongkai-server', async (t) => {
  const receiver = await startReceiver({ config: { trustProxy: true } });
  t.after(() => receiver.stop());
  const server = startServer({ port: 0, api: receiver.url });
  await new Promise((resolve) => server.once('listening', resolve));
  t.after(() => server.close());
  const site = `http://127.0.0.1:${server.address().port}`;

  const key = randomKey();
  const first = await post(`${site}/api/forms/mailbox`, mailbox(key), { 'Idempotency-Key': key });
  assert.equal(first.status, 201, first.text);
  assert.match(first.body.trackingCode, /^[A-Z]{2}\d{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  const again = await post(`${site}/api/forms/mailbox`, mailbox(key), { 'Idempotency-Key': key });
  assert.equal(again.body.trackingCode, first.body.trackingCode);

  // The receiver's own answers come through unchanged: a bad submission is its 422 with field paths.
  const invalid = await post(`${site}/api/forms/mailbox`, { ...mailbox(), phone: '12' });
  assert.equal(invalid.status, 422);
  assert.ok(
    invalid.body.error.issues.some((issue) => issue.path === 'phone' || issue.pathText === 'phone'),
    invalid.text,
  );

  // The studio comes from the receiver too, under its staff page's CSP, beside the staff API it saves to.
  const studio = await fetch(`${site}/studio/`);
  assert.equal(studio.status, 200);
  assert.match(studio.headers.get('content-security-policy'), /connect-src 'self'/);
  assert.equal((await fetch(`${site}/staff/api/state`)).status, 200);

  const status = await fetch(`${site}/api/forms/mailbox/status?code=${encodeURIComponent(first.body.trackingCode)}`);
  assert.equal(status.status, 200);
  const answer = await status.json();
  assert.equal(answer.step, 'received');
  assert.doesNotMatch(JSON.stringify(answer), /张三|13912345678/);

  // Published documents and the key list come through too (404s in the receiver's own words: nothing published yet).
  const document = await fetch(`${site}/d/budget-2018.json`);
  assert.equal(document.status, 404);
  assert.equal((await document.json()).error.code, 'unknown_document');
  const keys = await fetch(`${site}/.well-known/gongkai-keys.json`);
  assert.equal(keys.status, 200);
  assert.deepEqual(await keys.json(), { keys: [] });
  // Nothing else of /.well-known/ is the receiver's.
  assert.equal((await fetch(`${site}/.well-known/security.txt`)).status, 404);
});

test('every example document is valid', () => {
  // Every element's examples, except the deliberately invalid ones.
  const elements = readdirSync(`${root}/packages/elements/src`, { withFileTypes: true }).filter((entry) =>
    entry.isDirectory(),
  );
  const files = ['examples/data/work-points-notice.json'];
  for (const element of elements) {
    const dir = `packages/elements/src/${element.name}/examples`;
    let names = [];
    try {
      names = readdirSync(`${root}/${dir}`);
    } catch {
      continue;
    }
    files.push(
      ...names.filter((name) => name.endsWith('.json') && !name.startsWith('invalid')).map((name) => `${dir}/${name}`),
    );
  }
  assert.ok(files.length > 15, `found ${files.length} examples`);
  const result = spawnSync(process.execPath, [cli, 'validate', ...files], { cwd: root, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stdout + result.stderr);
});

test('the broken demo document fails exactly as the page explains', () => {
  const result = spawnSync(process.execPath, [cli, 'validate', 'examples/data/broken-document.json'], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.equal(result.status, 1);
  const paths = result.stdout
    .trim()
    .split('\n')
    .map((line) => line.split('  ')[1]);
  assert.deepEqual(paths, ['title', 'titel', 'issued', 'status', 'attachments[0].size']);
});
