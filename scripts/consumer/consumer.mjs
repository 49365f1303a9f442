/**
 * A user's app, made from what npm would give them: `pnpm pack` of each published
 * package, installed from the tarballs into a fresh Vite + TypeScript app in a
 * temporary folder outside the workspace (so no workspace link can stand in for a
 * missing file), with every other dependency from the local pnpm store (--offline).
 *
 * Used by the consumer test (consumer.test.mjs, in `pnpm test`) and by the bench
 * (sizes of what Vite ships per element; the per-element entry's render timing).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PUBLISHED } from '../entries.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const WORKSPACE = join(here, '..', '..');

/** The pnpm that runs this workspace (the one `pnpm test` was started with, else the one on PATH). */
function pnpmCommand() {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(execPath) && existsSync(execPath))
    return /\.c?js$/.test(execPath) ? [process.execPath, [execPath]] : [execPath, []];
  return ['pnpm', []];
}

/** Runs a command; throws with its output when it fails (unless `allowFailure`). */
export function run(command, args, { cwd, env, allowFailure = false, timeout = 300_000 } = {}) {
  const result = spawnSync(command, args, {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout,
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (!allowFailure && result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} (in ${cwd}) failed with ${result.status ?? result.signal}:\n${output.slice(-4000)}`,
    );
  }
  return { status: result.status, output, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

export function pnpm(args, options) {
  const [command, prefix] = pnpmCommand();
  return run(command, [...prefix, ...args], options);
}

/**
 * Packs the published packages of a checkout (default: this one) into `dest`;
 * a package whose folder is missing (an older checkout) is skipped. Returns
 * { name: tarball path }.
 */
export function packAll(dest, root = WORKSPACE) {
  mkdirSync(dest, { recursive: true });
  const tarballs = {};
  for (const { dir, name } of PUBLISHED) {
    const folder = join(root, 'packages', dir);
    if (!existsSync(join(folder, 'package.json'))) continue;
    const before = new Set(readdirSync(dest));
    pnpm(['pack', '--pack-destination', dest], { cwd: folder });
    const made = readdirSync(dest).find((file) => file.endsWith('.tgz') && !before.has(file));
    if (!made) throw new Error(`pnpm pack made no tarball for ${name}`);
    tarballs[name] = join(dest, made);
  }
  return tarballs;
}

/**
 * Every package version the workspace's lockfile resolved, pinned for the app:
 * --offline can only install what the store holds, and without pins pnpm would
 * pick the newest version its cached metadata knows, which the store may lack.
 */
function storeVersions(root) {
  const lock = readFileSync(join(root, 'pnpm-lock.yaml'), 'utf8');
  // The lockfile may hold a document for pnpm itself first; the workspace's packages are the last `packages:`.
  const sections = lock.split(/^packages:$/m);
  const packages = sections[sections.length - 1].split(/^snapshots:$/m)[0];
  const versions = new Map();
  for (const line of packages.split('\n')) {
    const match = /^ {2}'?((?:@[^@/\s]+\/)?[^@\s']+)@([^\s'(:]+)/.exec(line);
    if (!match) continue;
    if (!versions.has(match[1])) versions.set(match[1], new Set());
    versions.get(match[1]).add(match[2]);
  }
  // A name with several versions is left to pnpm: dependents need different ones.
  return Object.fromEntries(
    [...versions].filter(([, set]) => set.size === 1).map(([name, set]) => [name, [...set][0]]),
  );
}

function installedVersion(name, root) {
  return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/**
 * Makes the app in a new temporary folder (or `dir`) and installs it: our
 * packages from `tarballs`, Vite and TypeScript at the workspace's versions,
 * React's types and Vue (for the JSX and template typings). Returns its folder.
 */
export function createApp({ tarballs, dir = mkdtempSync(join(tmpdir(), 'gongkai-consumer-')), extraFiles = {} }) {
  cpSync(join(here, 'app'), dir, { recursive: true });
  mkdirSync(join(dir, 'public'), { recursive: true });
  // The pages' JSON documents are the elements' own examples.
  cpSync(
    join(WORKSPACE, 'packages/elements/src/budget/examples/department-budget-2018.json'),
    join(dir, 'public/department-budget-2018.json'),
  );
  cpSync(
    join(WORKSPACE, 'packages/elements/src/catalogue/examples/proactive-2018.json'),
    join(dir, 'public/proactive-2018.json'),
  );
  for (const [file, text] of Object.entries(extraFiles)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  const dev = ['vite', 'typescript', '@types/react', 'vue'];
  const manifest = {
    name: 'gongkai-consumer-app',
    private: true,
    type: 'module',
    dependencies: Object.fromEntries(Object.entries(tarballs).map(([name, file]) => [name, `file:${file}`])),
    devDependencies: Object.fromEntries(dev.map((name) => [name, installedVersion(name, WORKSPACE)])),
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // Our tarballs name each other by version (0.1.0): they must come from the tarballs too, not the registry.
  const pins = {
    ...storeVersions(WORKSPACE),
    ...Object.fromEntries(Object.entries(tarballs).map(([name, file]) => [name, `file:${file}`])),
  };
  const yaml = [
    '# Written by scripts/consumer/consumer.mjs: the versions the workspace installed (the store has them).',
    'overrides:',
    ...Object.entries(pins).map(([name, version]) => `  ${JSON.stringify(name)}: ${JSON.stringify(version)}`),
    // better-sqlite3 is native: the store keeps the copy the workspace built (side-effects cache), reused here.
    'allowBuilds:',
    '  better-sqlite3: true',
    '  esbuild: true',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'pnpm-workspace.yaml'), yaml);
  const nodedir = process.env.npm_config_nodedir ?? dirname(dirname(process.execPath));
  pnpm(['install', '--offline'], { cwd: dir, env: { npm_config_nodedir: nodedir, CI: 'true' } });
  return dir;
}

/** `vite build` of the app (or of another config in it); returns the output folder. */
export function viteBuild(dir, args = []) {
  run(process.execPath, [join(dir, 'node_modules/vite/bin/vite.js'), 'build', ...args], { cwd: dir });
  return join(dir, 'dist');
}

/**
 * Vite's production build of one module of the app (through the app's own Vite, its
 * JS API): the files it emits, and the bytes each package contributes (as rendered,
 * before minifying).
 */
export async function buildModule(app, input, outDir) {
  const { build } = await import(pathToFileURL(join(app, 'node_modules/vite/dist/node/index.js')).href);
  const result = await build({
    root: app,
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      modulePreload: false,
      reportCompressedSize: false,
      rollupOptions: {
        input: join(app, input),
        output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  });
  const files = readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
  const byPackage = new Map();
  for (const output of [result].flat().flatMap((r) => r.output ?? [])) {
    for (const [id, info] of Object.entries(output.modules ?? {})) {
      const match = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(id);
      const name = match ? match[1] : id.replace(app, '.');
      byPackage.set(name, (byPackage.get(name) ?? 0) + (info.renderedLength ?? 0));
    }
  }
  return { files, byPackage };
}

export function removeApp(dir) {
  if (dir.startsWith(tmpdir())) rmSync(dir, { recursive: true, force: true });
}
