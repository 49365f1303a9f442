/**
 * A throwaway PostgreSQL for the server's tests and bench: `initdb` into a temp
 * folder, started on a free port on 127.0.0.1 with its socket in that folder, and
 * removed again by `stop()`. Uses Debian's server binaries
 * (/usr/lib/postgresql/<version>/bin, from `apt-get install postgresql`); when
 * GONGKAI_PG_URL is set, that server is used instead and nothing is started.
 *
 * PostgreSQL refuses to run as root: as root (CI, this machine) the cluster runs
 * as the `postgres` user the Debian package creates.
 *
 *   node scripts/postgres.mjs          starts one, prints its URL, stops on Ctrl-C
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The newest Debian PostgreSQL server's bin folder, or undefined. */
export function findPostgresBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((name) => existsSync(join(base, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL binary, as `postgres` when we are root. */
function run(bin, tool, args, asRoot) {
  const command = asRoot ? 'runuser' : join(bin, tool);
  const fullArgs = asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args;
  const result = spawnSync(command, fullArgs, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `${tool} ${args.join(' ')} failed (exit ${result.status ?? result.signal}):\n${result.stderr || result.stdout}`,
    );
  }
  return result.stdout;
}

/**
 * Starts a fresh cluster and database. Resolves to `{ url, stop }`; `url` is a
 * postgres:// URL for `pg`. Throws a clear error when PostgreSQL is not installed.
 */
export async function startPostgres({ database = 'gongkai' } = {}) {
  if (process.env.GONGKAI_PG_URL) return { url: process.env.GONGKAI_PG_URL, external: true, stop: async () => {} };
  const bin = findPostgresBin();
  if (!bin) {
    throw new Error(
      "PostgreSQL was not found in /usr/lib/postgresql/*/bin. Install Debian's server: sudo apt-get install -y postgresql (or set GONGKAI_PG_URL).",
    );
  }
  const asRoot = userInfo().uid === 0;
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-pg-'));
  const data = join(dir, 'data');
  if (asRoot) {
    const ids = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim();
    const gid = execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim();
    chownSync(dir, Number(ids), Number(gid));
  }
  chmodSync(dir, 0o700);
  const port = await freePort();
  // trust on 127.0.0.1 and the private socket only: a test cluster in a 0700 folder, gone after the run.
  run(bin, 'initdb', ['-D', data, '-U', 'gongkai', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'], asRoot);
  const startArgs = [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-t',
    '30',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=50`,
    'start',
  ];
  run(bin, 'pg_ctl', startArgs, asRoot);
  run(bin, 'createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'gongkai', database], asRoot);
  let stopped = false;
  let running = true;
  return {
    url: `postgres://gongkai@127.0.0.1:${port}/${database}`,
    port,
    external: false,
    /** Stops the server but keeps its data (a database that goes down); `resume()` starts it again on the same port. */
    async halt() {
      if (!running) return;
      run(bin, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'], asRoot);
      running = false;
    },
    async resume() {
      if (running || stopped) return;
      run(bin, 'pg_ctl', startArgs, asRoot);
      running = true;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        if (running) run(bin, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'], asRoot);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startPostgres();
  console.log(server.url);
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  setInterval(() => {}, 1 << 30);
}
