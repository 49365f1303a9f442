#!/usr/bin/env node
/**
 * A platform of 50 organisations on PostgreSQL (issue 19): submissions per second and
 * latency with one gongkai-server instance, then with two instances on one database
 * (as behind a load balancer), measured with autocannon. Each request is a new, valid
 * 局长信箱 letter with its own idempotency key, sent to /t/orgNN/api/forms/mailbox, the
 * organisations in turn. After each run the rows are counted: none may be lost (every
 * 201 is a row), and every organisation got its share.
 *
 * Two instances are measured with two autocannon clients at once, one per instance, each
 * with half the connections (a round-robin balancer without the balancer's own cost); the
 * p99 shown is the larger of the two. On a machine of 2 cores the database, both servers
 * and the clients share them: read the ratio to one instance, not the absolute figures.
 *
 *   node scripts/bench/instances.mjs [--duration 10] [--connections 32] [--orgs 50] [--runs 1,2] [--limits]
 *   BENCH_ONLY=instances pnpm bench      (opt-in: not part of a plain `pnpm bench`)
 */
import autocannon from 'autocannon';
import { exampleForms, mailbox, startServer, storageBackend, tempDir } from '../../packages/server/support/harness.mjs';
import { option } from './option.mjs';

const duration = Number(option('duration', '10'));
const connections = Number(option('connections', '32'));
const orgCount = Number(option('orgs', '50'));
/** The runs, in order: instances per run (2,1 measures two first, to see whether the order matters). */
const runs = String(option('runs', '1,2')).split(',').map(Number);
/**
 * --limits: the submissions' rate limit on, so high that nothing is refused, each request
 * from its own forwarded address: every request also counts in the shared rate_limits table.
 */
const withLimits = process.argv.includes('--limits');
const ORGS = Array.from({ length: orgCount }, (_, i) => `org${String(i + 1).padStart(2, '0')}`);
/** Code prefixes of capital letters only: AA, AB, … */
const prefixOf = (i) => String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26));

const runId = Math.random().toString(36).slice(2, 8);
let counter = 0;

function load(url, conns, seconds) {
  return autocannon({
    url,
    connections: conns,
    duration: seconds,
    pipelining: 1,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest(request) {
          const n = ++counter;
          const key = `bench-${runId}-${n}`;
          const address = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
          return {
            ...request,
            path: `/t/${ORGS[n % ORGS.length]}/api/forms/mailbox`,
            headers: { ...request.headers, 'idempotency-key': key, 'x-forwarded-for': address },
            body: JSON.stringify(mailbox(key)),
          };
        },
      },
    ],
  });
}

async function rows(backend, storage) {
  const db = await backend.open(storage);
  try {
    const byOrg = await db.all('SELECT org, COUNT(*)::int AS n FROM submissions GROUP BY org');
    return new Map(byOrg.map((row) => [row.org, row.n]));
  } finally {
    await db.close();
  }
}

async function measure(backend, instances) {
  const dir = tempDir('gk-bench-inst-');
  const forms = exampleForms(dir);
  const organisations = Object.fromEntries(
    ORGS.map((id, i) => [id, { name: `第${i + 1}单位`, forms, codePrefix: prefixOf(i) }]),
  );
  const storage = await backend.fresh();
  // log.requests off: the harness keeps every line of a child's output in memory.
  const rateLimit = withLimits ? { submissions: { max: 1_000_000, windowSeconds: 600 }, lookups: null } : null;
  const config = {
    storage,
    organisations,
    rateLimit,
    trustProxy: withLimits,
    staff: { login: null },
    log: { requests: false },
  };
  const servers = await Promise.all(
    Array.from({ length: instances }, () => startServer({ dir: tempDir('gk-bench-inst-'), config })),
  );
  try {
    const share = Math.max(1, Math.round(connections / instances));
    // Warm-up (JIT, connections, the page cache), then the measured run on a clean count.
    await Promise.all(servers.map((server) => load(server.url, share, 1)));
    const before = await rows(backend, storage);
    const results = await Promise.all(servers.map((server) => load(server.url, share, duration)));
    const after = await rows(backend, storage);
    const stored = [...after].reduce((sum, [org, n]) => sum + n - (before.get(org) ?? 0), 0);
    const perOrg = ORGS.map((org) => (after.get(org) ?? 0) - (before.get(org) ?? 0));
    const ok = results.reduce((sum, r) => sum + r['2xx'], 0);
    const bad = results.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0);
    const seconds = Math.max(...results.map((r) => r.duration));
    return {
      instances,
      connections: share * instances,
      organisations: ORGS.length,
      'submissions/s': Math.round(ok / seconds),
      'p50 ms': Math.max(...results.map((r) => r.latency.p50)),
      'p99 ms': Math.max(...results.map((r) => r.latency.p99)),
      '201s': ok,
      'rows stored': stored,
      // Requests in flight when a run ends are stored but not counted: at most one per connection.
      lost: Math.max(0, ok - stored),
      'orgs min–max rows': `${Math.min(...perOrg)}–${Math.max(...perOrg)}`,
      'errors/non-2xx': bad,
      ok: bad === 0 && stored >= ok && stored <= ok + 2 * share * instances && Math.min(...perOrg) > 0,
    };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

const backend = storageBackend('postgres');
await backend.setup();
const table = [];
try {
  for (const instances of runs) table.push(await measure(backend, instances));
} finally {
  await backend.teardown();
}
console.log(
  `\ngongkai-server, ${ORGS.length} organisations on one PostgreSQL, POST /t/<org>/api/forms/mailbox, ${duration} s per run, rate limit ${withLimits ? 'on (shared counters, one address per request)' : 'off'}, node ${process.version}\n`,
);
console.table(table);
const median = (values) => values.sort((x, y) => x - y)[Math.floor((values.length - 1) / 2)];
const of = (n, key) => median(table.filter((row) => row.instances === n).map((row) => row[key]));
if (runs.includes(1) && runs.includes(2)) {
  console.log(
    `median of the runs: one instance ${of(1, 'submissions/s')}/s (p99 ${of(1, 'p99 ms')} ms), two ${of(2, 'submissions/s')}/s (p99 ${of(2, 'p99 ms')} ms): two ÷ one ${(of(2, 'submissions/s') / of(1, 'submissions/s')).toFixed(2)}×`,
  );
}
if (table.some((row) => !row.ok)) {
  console.error('✗ some requests failed, an organisation got nothing, or the rows stored do not match the 201s');
  process.exitCode = 1;
}
