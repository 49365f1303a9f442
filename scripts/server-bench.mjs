#!/usr/bin/env node
/**
 * Submissions per second and latency of gongkai-server with SQLite, measured
 * with autocannon on this machine: the bundled server (run `pnpm build` first)
 * on 127.0.0.1 with a fresh database in a temporary folder, the rate limit off,
 * every request a new, valid 局长信箱 submission with its own idempotency key
 * (so each one is a real insert, committed before its 201).
 *
 *   node scripts/server-bench.mjs [--duration 10] [--connections 32[,64…]]
 *
 * Prints a table; exits 1 if any request failed or fewer rows were stored than 201s answered.
 */
import autocannon from 'autocannon';
import { createRequire } from 'node:module';
import { mailbox, startServer, tempDir } from '../packages/server/support/harness.mjs';

// better-sqlite3 is the server's dependency: resolve it from that package, to count the rows stored.
const Database = createRequire(new URL('../packages/server/package.json', import.meta.url))('better-sqlite3');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
}
const duration = Number(option('duration', '10'));
const connectionCounts = String(option('connections', '32')).split(',').map(Number);

const prefix = Math.random().toString(36).slice(2, 8);
let counter = 0;

async function measure(connections) {
  const dir = tempDir('gk-bench-');
  const server = await startServer({ dir, config: { rateLimit: null } });
  try {
    // A short warm-up (JIT, the page cache), then the measured run on a clean count.
    await run(server.url, connections, 1);
    const before = count(server.db);
    const result = await run(server.url, connections, duration);
    const stored = count(server.db) - before;
    return { connections, result, stored };
  } finally {
    await server.stop();
  }
}

function run(url, connections, seconds) {
  return autocannon({
    url: `${url}/api/forms/mailbox`,
    connections,
    duration: seconds,
    pipelining: 1,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest(request) {
          const key = `bench-${prefix}-${++counter}`;
          return { ...request, headers: { ...request.headers, 'idempotency-key': key }, body: JSON.stringify(mailbox(key)) };
        },
      },
    ],
  });
}

function count(file) {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT COUNT(*) AS n FROM submissions').get().n;
  } finally {
    db.close();
  }
}

const rows = [];
let failed = false;
for (const connections of connectionCounts) {
  const { result, stored } = await measure(connections);
  const ok = result['2xx'];
  const bad = result.non2xx + result.errors + result.timeouts;
  // Requests still in flight when a run ends are stored but not counted as 201s: at most one per connection per run.
  if (bad > 0 || stored < ok || stored > ok + 2 * connections) failed = true;
  rows.push({
    storage: 'sqlite (WAL, synchronous=FULL)',
    connections,
    'submissions/s': Math.round(ok / result.duration),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    'max ms': result.latency.max,
    '201s': ok,
    'rows stored': stored,
    'errors/non-2xx': bad,
  });
}
console.log(`\ngongkai-server, POST /api/forms/mailbox, ${duration} s per run, node ${process.version}\n`);
console.table(rows);
if (failed) {
  console.error('✗ some requests failed, or the rows stored do not match the 201s');
  process.exitCode = 1;
}
