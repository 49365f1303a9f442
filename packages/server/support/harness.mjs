/**
 * Test and bench support: starts the BUNDLED server (packages/server/dist, built by `pnpm build`)
 * as a child process on 127.0.0.1, port 0, with a temporary database and forms directory.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { startPostgres } from '../../../scripts/postgres.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const BIN = join(ROOT, 'packages/server/bin/gongkai-server.mjs');
const BUNDLE = join(ROOT, 'packages/server/dist/gongkai-server.mjs');

if (!existsSync(BUNDLE)) throw new Error('packages/server/dist/gongkai-server.mjs is missing: run `pnpm build` first');

const EXAMPLES = {
  'mailbox.json': 'packages/elements/src/form/examples/mailbox.json',
  'application.json': 'packages/elements/src/disclosure-request/examples/application.json',
  'consultation-open.json': 'packages/elements/src/consultation/examples/open.json',
  'consultation-closed.json': 'packages/elements/src/consultation/examples/family-doctor-closed.json',
};

const tempDirs = [];

/** A temporary directory, removed when the process exits. */
export function tempDir(prefix = 'gk-server-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (tempDirs.length === 0)
    process.on('exit', () => tempDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  tempDirs.push(dir);
  return dir;
}

/** A forms directory with the elements' example documents (mailbox, disclosure, two consultations). */
export function exampleForms(dir) {
  const forms = join(dir, 'forms');
  mkdirSync(forms, { recursive: true });
  for (const [name, source] of Object.entries(EXAMPLES)) copyFileSync(join(ROOT, source), join(forms, name));
  return forms;
}

/**
 * Runs the bin to completion (startup errors, `migrate`, `user …`); `input`, when
 * given, is its standard input (`user add` / `user passwd` read the password there).
 */
export function runBin(args, { env = {}, timeout = 10_000, cwd = tempDir(), input } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...cleanEnv(), ...env },
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`gongkai-server ${args.join(' ')} did not finish: ${stdout}${stderr}`));
    }, timeout);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    if (input !== undefined) child.stdin.end(input);
  });
}

function cleanEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('GONGKAI_')) delete env[key];
  return env;
}

/** The storages the storage tests run against: SQLite, and PostgreSQL (one throwaway cluster per test file). */
export const STORAGE_KINDS = ['sqlite', 'postgres'];

/**
 * Runs `fn(backend)` once per storage, each in its own `describe('storage: …')`.
 * For PostgreSQL a cluster is started (scripts/postgres.mjs) before the suite and
 * removed after it; when PostgreSQL is not installed the suite FAILS with that
 * script's message (CI installs it) — it is never skipped.
 */
export function eachStorage(fn) {
  for (const kind of STORAGE_KINDS) {
    const backend = storageBackend(kind);
    describe(`storage: ${kind}`, () => {
      before(() => backend.setup());
      fn(backend);
      // Registered last, so it runs after the suite's own `after` hooks have stopped its servers.
      after(() => backend.teardown());
    });
  }
}

/**
 * One storage for tests: `fresh(dir)` a new, empty database's storage config,
 * `start(options)` startServer on a fresh database (or on `config.storage`),
 * `dbEnv(storage)` the GONGKAI_DB value for it, `open(storage)` a connection for
 * assertions with `all/get/run(sql, ...params)` (`?` placeholders on both).
 */
export function storageBackend(kind) {
  if (kind === 'sqlite') {
    const backend = {
      kind,
      async setup() {},
      async teardown() {},
      async fresh(dir = tempDir()) {
        return { type: 'sqlite', path: join(dir, 'gongkai.db') };
      },
      start: (options) => startOn(backend, options),
      dbEnv: (storage) => storage.path,
      open: async (storage) => openSqlite(storage.path),
    };
    return backend;
  }
  if (kind !== 'postgres') throw new Error(`unknown storage ${kind}`);
  let cluster;
  let admin;
  const created = [];
  const backend = {
    kind,
    /** The running cluster ({ url, port, halt, resume, stop }) once set up. */
    get cluster() {
      return cluster;
    },
    async setup() {
      cluster = await startPostgres();
      admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
    },
    async teardown() {
      // A throwaway cluster goes as a whole; on GONGKAI_PG_URL's server, the test databases are dropped.
      if (cluster?.external)
        for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await admin?.end().catch(() => {});
      await cluster?.stop();
    },
    /** A new database in the cluster: every server instance starts empty. */
    async fresh() {
      if (!admin) throw new Error('PostgreSQL is not set up (eachStorage starts it in a before hook)');
      const name = `gk_${Math.random().toString(36).slice(2, 10)}`;
      await admin.query(`CREATE DATABASE ${name}`);
      created.push(name);
      const url = new URL(cluster.url);
      url.pathname = `/${name}`;
      return { type: 'postgres', url: url.href };
    },
    start: (options) => startOn(backend, options),
    dbEnv: (storage) => storage.url,
    open: (storage) => openPostgres(storage.url),
  };
  return backend;
}

async function startOn(backend, { dir = tempDir(), config = {}, env = {} } = {}) {
  const storage = config.storage?.type ? config.storage : { ...(await backend.fresh(dir)), ...config.storage };
  return startServer({ dir, config: { ...config, storage }, env });
}

function openSqlite(path) {
  const db = new Database(path, { fileMustExist: true });
  return {
    async all(sql, ...params) {
      return db.prepare(sql).all(...params);
    },
    async get(sql, ...params) {
      return db.prepare(sql).get(...params);
    },
    async run(sql, ...params) {
      db.prepare(sql).run(...params);
    },
    async close() {
      db.close();
    },
  };
}

// Values as SQLite answers them: bigint counts as numbers; json and dates as their text; times
// (timestamptz) as the ISO strings the server writes. Booleans stay booleans (SQLite: 0/1).
const RAW = new Set([114, 3802, 1082, 1114]);
const parseTimestamptz = pg.types.getTypeParser(1184, 'text');
const testTypes = {
  getTypeParser: (oid, format) =>
    oid === 20
      ? Number
      : oid === 1184
        ? (value) => parseTimestamptz(value).toISOString()
        : RAW.has(oid)
          ? (value) => value
          : pg.types.getTypeParser(oid, format),
};

async function openPostgres(url) {
  const client = new pg.Client({ connectionString: url, types: testTypes });
  await client.connect();
  const query = async (sql, params) => {
    let n = 0;
    return (
      await client.query(
        sql.replace(/\?/g, () => `$${++n}`),
        params,
      )
    ).rows;
  };
  return {
    all: (sql, ...params) => query(sql, params),
    get: async (sql, ...params) => (await query(sql, params))[0],
    run: async (sql, ...params) => void (await query(sql, params)),
    close: () => client.end(),
  };
}

/**
 * Starts a server. `config` is written to a file (forms and storage default to
 * the example forms and DIR/gongkai.db). Resolves with its URL once it listens.
 */
export async function startServer({ dir = tempDir(), config = {}, env = {} } = {}) {
  const file = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
  const storage =
    config.storage?.type === 'postgres' ? config.storage : { path: join(dir, 'gongkai.db'), ...config.storage };
  // `forms: undefined` given: none at the top level (a server of organisations only).
  const full = {
    host: '127.0.0.1',
    port: 0,
    rateLimit: null,
    ...config,
    forms: 'forms' in config ? config.forms : exampleForms(dir),
    storage,
  };
  writeFileSync(file, JSON.stringify(full));
  const child = spawn(process.execPath, [BIN, '--config', file], {
    cwd: dir,
    env: { ...cleanEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const onData = (data) => {
      output += data;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    const timer = setTimeout(() => reject(new Error(`gongkai-server did not start:\n${output}`)), 10_000);
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`gongkai-server exited (${code}) before listening:\n${output}`));
    });
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    url,
    dir,
    /** The SQLite file (SQLite only). */
    db: full.storage.path,
    /** The storage configuration it runs with: pass it again to restart on the same database. */
    storage: full.storage,
    child,
    output: () => output,
    exited,
    /** SIGTERM and wait. */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      return exited;
    },
  };
}

/** A valid mailbox submission (the example 局长信箱), unique per key. */
export function mailbox(key = randomKey(), extra = {}) {
  return {
    name: '张三',
    phone: '13912345678',
    reply: 'phone',
    topic: 'advice',
    subject: '门诊排队时间',
    body: '门诊排队时间太长，希望增加挂号窗口。',
    consent: true,
    _idempotencyKey: key,
    ...extra,
  };
}

export function randomKey() {
  return `k${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
}

/** POSTs JSON (a string is sent as it is) and answers { status, headers, body (parsed when JSON), text }. */
export async function post(url, body, headers = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
  });
  return answer(response);
}

export async function get(url, headers = {}) {
  return answer(await fetch(url, { headers }));
}

async function answer(response) {
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, body, text };
}

// ---- Staff side (accounts, sessions, staff API, feeds) ----

/** Runs the bin with `input` on standard input (for `user add` / `user passwd`). */
export function runBinWithInput(args, input, options = {}) {
  return runBin(args, { timeout: 15_000, ...options, input });
}

/**
 * What GONGKAI_DB takes for a database: `target` is a started server, a storage
 * configuration (`{type: 'sqlite', path}` / `{type: 'postgres', url}`), or already
 * such a value (a SQLite file or a postgres:// URL).
 */
export function dbEnv(target) {
  if (typeof target === 'string') return target;
  const storage = target?.storage ?? target;
  if (storage?.type === 'postgres') return storage.url;
  if (typeof storage?.path === 'string') return storage.path;
  throw new Error(`not a database: ${JSON.stringify(target)}`);
}

/** Adds a staff account with the CLI to `target`'s database: a server, a storage configuration, a SQLite file or a postgres:// URL. */
export async function addUser(target, name, password, { office = '办公室', role = 'staff' } = {}) {
  const result = await runBinWithInput(['user', 'add', name, '--office', office, '--role', role], `${password}\n`, {
    env: { GONGKAI_DB: dbEnv(target) },
  });
  if (result.code !== 0) throw new Error(`user add ${name} failed (${result.code}): ${result.stderr}`);
  return result;
}

/** Signs in; answers { status, body, cookie } where cookie is the `gk_staff=…` pair to send back. */
export async function login(url, name, password, headers = {}) {
  const res = await post(`${url}/staff/api/login`, { name, password }, headers);
  const setCookie = res.headers.get('set-cookie') ?? '';
  return { ...res, setCookie, cookie: setCookie.split(';')[0] };
}

/** A client for the staff API with one session cookie: get(path, query), post(path, body, headers). */
export function staffClient(url, cookie) {
  return {
    cookie,
    get: (path, headers = {}) => get(`${url}${path}`, { Cookie: cookie, ...headers }),
    post: (path, body = {}, headers = {}) => post(`${url}${path}`, body, { Cookie: cookie, ...headers }),
  };
}

/** Checks a document with core's schemas through the gongkai CLI (`gongkai validate`): { ok, output }. */
export async function validateDocument(doc, name = 'doc.json') {
  const dir = tempDir('gk-validate-');
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(doc, null, 2));
  const cli = join(ROOT, 'packages/cli/bin/gongkai.mjs');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'validate', file], {
      env: cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ ok: code === 0, code, output }));
  });
}

// ---- Published documents (signing keys, the documents API) ----

/** A folder with a new signing key made by `gongkai-server key generate` (a throwaway key, never committed). */
export async function signingKeys(dir = tempDir('gk-keys-')) {
  const keys = join(dir, 'keys');
  const result = await runBin(['key', 'generate'], { env: { GONGKAI_KEYS: keys } });
  if (result.code !== 0) throw new Error(`key generate failed: ${result.stderr}`);
  return keys;
}

/** A sendable request body for the documents API from a document object (its exact JSON text). */
export function documentBody(doc, extra = {}) {
  return { contentText: `${JSON.stringify(doc, null, 2)}\n`, ...extra };
}

/** A small valid budget: one functional item, 210, whose 2018 budget is `amount` 万元. */
export function smallBudget(amount = 12000, extra = {}) {
  return {
    kind: 'budget',
    version: 1,
    title: '平罗县卫生健康局2018年部门预算',
    department: '平罗县卫生健康局',
    stage: '预算',
    year: 2018,
    years: [2018],
    unit: '万元',
    published: '2018-02-09',
    functional: [{ code: '210', name: '卫生健康支出', values: [{ year: 2018, budget: amount }] }],
    ...extra,
  };
}

/** An error answer: its status and code, a message in Chinese and one in English. */
export function assertError(res, status, code) {
  assert.equal(res.status, status, res.text);
  assert.equal(res.body?.error?.code, code, res.text);
  assert.match(res.body.error.message, /[\u4e00-\u9fff]/);
  assert.ok(res.body.error.messageEn);
}
