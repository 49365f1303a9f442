/**
 * Test and bench support: starts the BUNDLED server (packages/server/dist, built by `pnpm build`)
 * as a child process on 127.0.0.1, port 0, with a temporary database and forms directory.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const BIN = join(ROOT, 'packages/server/bin/gongkai-server.mjs');
const BUNDLE = join(ROOT, 'packages/server/dist/gongkai-server.mjs');

if (!existsSync(BUNDLE)) throw new Error('packages/server/dist/gongkai-server.mjs is missing: run `pnpm build` first');

const EXAMPLES = {
  'mailbox.json': 'packages/elements/src/form/examples/mailbox.json',
  'application.json': 'packages/elements/src/request/examples/application.json',
  'consultation-open.json': 'packages/elements/src/consultation/examples/open.json',
  'consultation-closed.json': 'packages/elements/src/consultation/examples/family-doctor-closed.json',
};

/** A temporary directory, removed when the process exits. */
export function tempDir(prefix = 'gk-server-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A forms directory with the elements' example documents (mailbox, disclosure, two consultations). */
export function exampleForms(dir) {
  const forms = join(dir, 'forms');
  mkdirSync(forms, { recursive: true });
  for (const [name, source] of Object.entries(EXAMPLES)) copyFileSync(join(ROOT, source), join(forms, name));
  return forms;
}

/** Runs the bin to completion (for startup errors and `migrate`). */
export function runBin(args, { env = {}, timeout = 10_000, cwd = tempDir() } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...cleanEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
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
  });
}

function cleanEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('GONGKAI_')) delete env[key];
  return env;
}

/**
 * Starts a server. `config` is written to a file (forms and storage default to
 * the example forms and DIR/gongkai.db). Resolves with its URL once it listens.
 */
export async function startServer({ dir = tempDir(), config = {}, env = {} } = {}) {
  const file = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
  const full = { host: '127.0.0.1', port: 0, rateLimit: null, ...config, forms: config.forms ?? exampleForms(dir), storage: { path: join(dir, 'gongkai.db'), ...config.storage } };
  writeFileSync(file, JSON.stringify(full));
  const child = spawn(process.execPath, [BIN, '--config', file], { cwd: dir, env: { ...cleanEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
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
    db: full.storage.path,
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
