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
 * Then reads of a published document (the 17 KB 2018 department budget, approved by a
 * second account and signed): GET /d/budget-2018.json uncached (every request the full
 * body) and cached (If-None-Match with its ETag: 304, no body), as a page's readers do.
 *
 *   node scripts/server-bench.mjs [--duration 10] [--connections 32[,64…]] [--storage sqlite,postgres] [--limits] [--no-reads]
 *
 * --limits: the submissions' rate limit on (so high that nothing is refused), each request from its
 * own forwarded address, so every submission also counts in the database's rate_limits (issue 19).
 *
 * Prints two tables; exits 1 if any request failed or fewer rows were stored than 201s answered.
 */
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import {
  addUser,
  login,
  mailbox,
  signingKeys,
  staffClient,
  storageBackend,
  tempDir,
} from '../packages/server/support/harness.mjs';
import { option } from './bench/option.mjs';

const BUDGET = readFileSync(
  new URL('../packages/elements/src/budget/examples/department-budget-2018.json', import.meta.url),
  'utf8',
);

const duration = Number(option('duration', '10'));
const connectionCounts = String(option('connections', '32')).split(',').map(Number);
const storages = String(option('storage', 'sqlite,postgres'))
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const withLimits = process.argv.includes('--limits');
const withReads = !process.argv.includes('--no-reads');
const LABELS = {
  sqlite: 'sqlite (WAL, synchronous=FULL)',
  postgres: 'postgres (pg pool of 10, synchronous_commit=on)',
};
for (const kind of storages) if (!LABELS[kind]) throw new Error(`--storage: sqlite or postgres, not ${kind}`);

const prefix = Math.random().toString(36).slice(2, 8);
let counter = 0;

async function measure(backend, connections) {
  const dir = tempDir('gk-bench-');
  const rateLimit = withLimits ? { submissions: { max: 1_000_000, windowSeconds: 600 }, lookups: null } : null;
  const server = await backend.start({
    dir,
    config: { rateLimit, trustProxy: withLimits, signingKeys: await signingKeys(dir), staff: { login: null } },
  });
  try {
    // A short warm-up (JIT, the page cache), then the measured run on a clean count.
    await run(server.url, connections, 1);
    const before = await count(backend, server.storage);
    const result = await run(server.url, connections, duration);
    const stored = (await count(backend, server.storage)) - before;
    const reads = {};
    const etag = withReads ? await publish(server) : undefined;
    for (const [name, headers] of withReads
      ? [
          ['uncached', {}],
          ['cached (If-None-Match → 304)', { 'if-none-match': etag }],
        ]
      : []) {
      await read(server.url, connections, 1, headers);
      reads[name] = await read(server.url, connections, duration, headers);
    }
    return { connections, result, stored, reads };
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
          const n = ++counter;
          const key = `bench-${prefix}-${n}`;
          const address = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
          return {
            ...request,
            headers: { ...request.headers, 'idempotency-key': key, 'x-forwarded-for': address },
            body: JSON.stringify(mailbox(key)),
          };
        },
      },
    ],
  });
}

/** Writes, submits and (as another account) approves the budget; answers the published URL's ETag. */
async function publish(server) {
  await addUser(server, 'bench-editor', 'a long enough password', { office: '财务科', role: 'editor' });
  await addUser(server, 'bench-reviewer', 'a long enough password', { office: '财务科', role: 'reviewer' });
  const editor = staffClient(server.url, (await login(server.url, 'bench-editor', 'a long enough password')).cookie);
  const reviewer = staffClient(
    server.url,
    (await login(server.url, 'bench-reviewer', 'a long enough password')).cookie,
  );
  const created = await editor.post('/staff/api/documents', { slug: 'budget-2018', contentText: BUDGET });
  const id = created.body.revision.id;
  await editor.post(`/staff/api/documents/budget-2018/revisions/${id}/submit`, {});
  const approved = await reviewer.post(`/staff/api/documents/budget-2018/revisions/${id}/approve`, {});
  if (approved.status !== 200) throw new Error(`publishing the bench document failed: ${approved.text}`);
  return (await fetch(`${server.url}/d/budget-2018.json`)).headers.get('etag');
}

function read(url, connections, seconds, headers) {
  return autocannon({ url: `${url}/d/budget-2018.json`, connections, duration: seconds, pipelining: 1, headers });
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
const readRows = [];
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
  const { result, stored, reads } = await measure(backend, connections);
  for (const [name, r] of Object.entries(reads)) {
    // Uncached: every answer a 200 with the body; cached: every answer a 304 without one.
    const good = name === 'uncached' ? r['2xx'] : r['3xx'];
    const other = r.errors + r.timeouts + (name === 'uncached' ? r.non2xx : r['2xx'] + r['4xx'] + r['5xx']);
    if (other > 0 || good === 0) failed = true;
    readRows.push({
      storage: LABELS[kind],
      read: name,
      connections,
      'reads/s': Math.round(good / r.duration),
      'p50 ms': r.latency.p50,
      'p99 ms': r.latency.p99,
      'MB/s': Math.round((r.throughput.average / 1e6) * 10) / 10,
      answered: good,
      'errors/other': other,
    });
  }
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
console.log(
  `\ngongkai-server, POST /api/forms/mailbox, ${duration} s per run, rate limit ${withLimits ? 'on (counted in the database, one address per request)' : 'off'}, node ${process.version}\n`,
);
console.table(rows);
if (withReads) {
  console.log(`\ngongkai-server, GET /d/budget-2018.json (a published, signed 17 KB budget), ${duration} s per run\n`);
  console.table(readRows);
}
if (failed) {
  console.error('✗ some requests failed, or the rows stored do not match the 201s');
  process.exitCode = 1;
}
