#!/usr/bin/env node
/**
 * `pnpm test`: every test. Checks that no source puts an HTML string into the DOM,
 * builds (the bundle and CLI are under test), then runs the browser tests in
 * headless Chromium, the script, CLI and server tests in Node, and the consumer
 * test (scripts/consumer/) on the packed packages.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPostgresBin } from './postgres.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';

if (!existsSync(chromium)) {
  console.error(
    [
      `Chromium was not found at ${chromium}; the browser tests need it.`,
      "Install Debian/Ubuntu's Chromium:",
      '',
      '    sudo apt-get update && sudo apt-get install -y chromium',
      '',
      'or point CHROME_PATH at an installed Chromium or Chrome binary.',
    ].join('\n'),
  );
  process.exit(1);
}

if (!process.env.GONGKAI_PG_URL && !findPostgresBin()) {
  console.error(
    [
      "PostgreSQL's server was not found (/usr/lib/postgresql/*/bin); the receiver's storage tests start a throwaway cluster from it.",
      "Install Debian/Ubuntu's PostgreSQL:",
      '',
      '    sudo apt-get update && sudo apt-get install -y postgresql',
      '',
      'or point GONGKAI_PG_URL at a PostgreSQL database the tests may use.',
    ].join('\n'),
  );
  process.exit(1);
}

function step(title, command, args) {
  console.log(`\n── ${title} ──`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CHROME_PATH: chromium },
  });
  if (result.status !== 0) {
    console.error(`\n✗ ${title} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

const bin = (name) => join(root, 'node_modules', '.bin', name);

// Every editor-written string reaches the DOM as text: no HTML-string sink in the sources.
step('lint: no HTML sinks in the sources of elements, core, studio and import', process.execPath, [
  join(root, 'scripts/lint-html-sinks.mjs'),
]);
step('build', process.execPath, [join(root, 'scripts/build.mjs')]);
step('browser tests (headless Chromium)', bin('web-test-runner'), []);
step(
  'CLI, demo-server, gongkai-server, import and studio tests (Node; the studio in headless Chromium)',
  process.execPath,
  ['--test', 'scripts/test/', 'packages/cli/test/', 'examples/test/', 'packages/server/test/', 'packages/studio/test/'],
);
// The packages as npm delivers them: packed, installed into a Vite + TypeScript app, type-checked, built, rendered.
step('the packed packages in a consumer app (Node, Vite, tsc, Chromium)', process.execPath, [
  '--test',
  'scripts/consumer/consumer.test.mjs',
]);
