#!/usr/bin/env node
/**
 * Submissions per second and latency of gongkai-server with SQLite and with
 * PostgreSQL, measured with autocannon on this machine: the bundled server (run
 * `pnpm build` first) on 127.0.0.1 with a fresh database (SQLite: a file in a
 * temporary folder; PostgreSQL: a new database in a throwaway cluster started by
 * scripts/postgres.mjs, or in GONGKAI_PG_URL's server), the rate limit off, every
 * request a new, valid 局长信箱 submission with its own idempotency key (so each
 * one is a real insert, committed before its 201).
 *
 *   node scripts/server-bench.mjs [--duration 10] [--connections 32[,64…]] [--storage sqlite,postgres]
 *
 * Prints a table; exits 1 if any request failed or fewer rows were stored than 201s answered.
 */
import autocannon from 'autocannon';
import { mailbox, storageBackend, tempDir } from '../packages/server/support/harness.mjs';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
}
const duration = Number(option('duration', '10'));
const connectionCounts = String(option('connections', '32')).split(',').map(Number);
const storages = String(option('storage', 'sqlite,postgres')).split(',').map((s) => s.trim()).filter(Boolean);
const LABELS = { sqlite: 'sqlite (WAL, synchronous=FULL)', postgres: 'postgres (pg pool of 10, synchronous_commit=on)' };
for (const kind of storages) if (!LABELS[kind]) throw new Error(`--storage: sqlite or postgres, not ${kind}`);

const prefix = Math.random().toString(36).slice(2, 8);
let counter = 0;

async function measure(backend, connections) {
  const dir = tempDir('gk-bench-');
  const server = await backend.start({ dir, config: { rateLimit: null } });
  try {
    // A short warm-up (JIT, the page cache), then the measured run on a clean count.
    await run(server.url, connections, 1);
    const before = await count(backend, server.storage);
    const result = await run(server.url, connections, duration);
    const stored = (await count(backend, server.storage)) - before;
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

async function count(backend, storage) {
  const db = await backend.open(storage);
  try {
    return (await db.get('SELECT COUNT(*) AS n FROM submissions')).n;
  } finally {
    await db.close();
  }
}

const rows = [];
let failed = false;
for (const kind of storages) {
  const backend = storageBackend(kind);
  await backend.setup();
  try {
    for (const connections of connectionCounts) rows.push(await row(kind, backend, connections));
  } finally {
    await backend.teardown();
  }
}

async function row(kind, backend, connections) {
  const { result, stored } = await measure(backend, connections);
  const ok = result['2xx'];
  const bad = result.non2xx + result.errors + result.timeouts;
  // Requests still in flight when a run ends are stored but not counted as 201s: at most one per connection per run.
  if (bad > 0 || stored < ok || stored > ok + 2 * connections) failed = true;
  return {
    storage: LABELS[kind],
    connections,
    'submissions/s': Math.round(ok / result.duration),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    'max ms': result.latency.max,
    '201s': ok,
    'rows stored': stored,
    'errors/non-2xx': bad,
  };
}
console.log(`\ngongkai-server, POST /api/forms/mailbox, ${duration} s per run, node ${process.version}\n`);
console.table(rows);
if (failed) {
  console.error('✗ some requests failed, or the rows stored do not match the 201s');
  process.exitCode = 1;
}
