#!/usr/bin/env node
/**
 * `pnpm start`: builds, starts the form receiver (gongkai-server with
 * packages/server/demo.config.json, its SQLite database in .tmp/gongkai-server/)
 * and the demo county site in front of it, so the demo's forms really send,
 * are stored and answer tracking codes, and documents published on its staff
 * page (/staff/#docs) are served, signed, under /d/. Ctrl-C stops both.
 *
 *   PORT (8080) the demo site, GONGKAI_PORT (8787) the receiver.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const receiverPort = process.env.GONGKAI_PORT || '8787';
// The demo signs what it publishes with a key of its own, made once in .tmp/ (never committed).
const keys = join(root, '.tmp/gongkai-server/keys');
if (!existsSync(join(keys, 'keys.json'))) {
  const made = spawnSync(process.execPath, [join(root, 'packages/server/bin/gongkai-server.mjs'), 'key', 'generate'], {
    cwd: root,
    env: { ...process.env, GONGKAI_KEYS: keys },
    stdio: 'inherit',
  });
  if (made.status !== 0) process.exit(made.status ?? 1);
}
const receiver = spawn(
  process.execPath,
  [join(root, 'packages/server/bin/gongkai-server.mjs'), '--config', join(root, 'packages/server/demo.config.json')],
  {
    cwd: root,
    env: { ...process.env, GONGKAI_PORT: receiverPort, GONGKAI_KEYS: keys },
    stdio: ['ignore', 'inherit', 'inherit'],
  },
);
receiver.on('exit', (code, signal) => {
  console.error(`gongkai-server stopped (${signal ?? code}); stopping the demo.`);
  process.exit(typeof code === 'number' && code !== 0 ? code : 1);
});

const api = `http://127.0.0.1:${receiverPort}`;
// Wait until the receiver answers, so the first form sent from the page does not meet a 503.
for (let attempt = 0; ; attempt++) {
  try {
    if ((await fetch(`${api}/healthz`)).ok) break;
  } catch {
    // not listening yet
  }
  if (attempt > 100) {
    console.error(`gongkai-server did not answer on ${api}/healthz`);
    receiver.kill('SIGTERM');
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
}

const demo = spawn(process.execPath, [join(root, 'examples/serve.mjs')], {
  cwd: root,
  env: { ...process.env, GONGKAI_API: api },
  stdio: 'inherit',
});
demo.on('exit', (code) => {
  receiver.kill('SIGTERM');
  process.exit(code ?? 0);
});
const stop = () => {
  demo.kill('SIGTERM');
  receiver.removeAllListeners('exit');
  receiver.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
