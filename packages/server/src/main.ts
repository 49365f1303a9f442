/**
 * gongkai-server: the receiver for <gk-form>, <gk-consultation> and <gk-disclosure-request>.
 *
 *   gongkai-server [--config FILE]                 serve (the config file and/or GONGKAI_* variables)
 *   gongkai-server migrate [--config FILE]         bring the database up to date and exit
 *   gongkai-server user|doc|key … [--org ORG]      accounts, documents, signing keys (accounts-cli.ts, documents/cli.ts)
 *   gongkai-server export|import --org ORG …       one organisation's data between platforms (transfer-cli.ts)
 *
 * Bundled by scripts/build.mjs into dist/gongkai-server.mjs; bin/gongkai-server.mjs calls `main`.
 * Imports core modules by path, never core's index (that would pull in the Markdown renderer).
 */
import { createServer, type Server } from 'node:http';
import { DEFAULT_ORG, loadConfig, ORG_ID, organisationsOf, type ServerConfig } from './config.js';
import { StartupError } from './errors.js';
import { argReader } from './cli-args.js';
import { createServerHandler } from './tenants.js';
import { Metrics } from './metrics.js';
import { runUserCommand, USER_HELP } from './accounts-cli.js';
import { PostgresStorage } from './storage/postgres.js';
import { SqliteStorage } from './storage/sqlite.js';
import type { ServerStorage } from './storage/server-storage.js';
import { DOC_HELP, runDocCommand, runKeyCommand } from './documents/cli.js';
import { runTransferCommand, TRANSFER_HELP } from './transfer-cli.js';

const HELP = `gongkai-server — 接收领导信箱、征求意见和依申请公开的提交 / receives form submissions

用法 Usage:
  gongkai-server [--config FILE]            启动服务 / serve
  gongkai-server migrate [--config FILE]    只升级数据库 / migrate the database and exit
${USER_HELP}${DOC_HELP}${TRANSFER_HELP}
环境变量 Environment (override the file):
  GONGKAI_PORT  GONGKAI_HOST  GONGKAI_ORIGINS (a,b)  GONGKAI_FORMS (dir[,dir])  GONGKAI_DB (file, or postgres://user@host:5432/db)
`;

interface Args {
  command: 'serve' | 'migrate' | 'help';
  config?: string;
  to?: number;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { command: 'serve' };
  const read = argReader(argv);
  for (let arg = read.next(); arg !== undefined; arg = read.next()) {
    if (arg === '--help' || arg === '-h') args.command = 'help';
    else if (arg === 'migrate' && read.index === 0) args.command = 'migrate';
    else if (read.is(arg, '--config')) args.config = read.value(arg, '--config');
    else if (read.is(arg, '--to')) args.to = Number(read.value(arg, '--to'));
    else
      throw new StartupError(
        `不认识的参数 "${arg}"（见 gongkai-server --help）`,
        `unknown argument "${arg}" (see gongkai-server --help)`,
      );
  }
  return args;
}

/** The storages themselves, for the storage contract test (test/storage.test.mjs) and embedding. */
export { PostgresStorage, SqliteStorage };
/** The staff page's pure builders, for their unit tests (test/staff-views.test.mjs). */
export * as staffViews from './staff/views.js';
export { documentActionForms } from './staff/document-views.js';
export { BodyCache } from './documents/body-cache.js';
/** The route tables, for the isolation test that walks every staff and document route (test/tenants.test.mjs). */
export { STAFF_ROUTES } from './staff/route-table.js';
export { PUBLISHED_ROUTES } from './documents/public-routes.js';

/** `--org X` taken out of a command's arguments. */
function takeOrg(argv: readonly string[]): { org: string; rest: string[] } {
  const rest: string[] = [];
  let org = DEFAULT_ORG;
  const read = argReader(argv);
  for (let arg = read.next(); arg !== undefined; arg = read.next()) {
    if (!read.is(arg, '--org')) {
      rest.push(arg);
      continue;
    }
    org = read.value(arg, '--org');
    if (!ORG_ID.test(org))
      throw new StartupError(
        '--org 后面应为单位编号，如 --org wjj',
        '--org needs an organisation id, such as --org wjj',
      );
  }
  return { org, rest };
}

function openStorage(config: ServerConfig): ServerStorage {
  const s = config.storage;
  if (s.type === 'postgres')
    return new PostgresStorage({ url: s.url!, poolSize: s.poolSize, connectTimeoutMs: s.connectTimeoutMs });
  return new SqliteStorage({ path: s.path, busyTimeoutMs: s.busyTimeoutMs });
}

export interface Running {
  server: Server;
  stop(): Promise<void>;
}

/** Starts serving; resolves once listening. */
export async function start(config: ServerConfig): Promise<Running> {
  const storage = openStorage(config);
  const report = await storage.migrate();
  if (report.applied.length)
    console.log(
      `gongkai-server: 数据库已升级到第 ${report.version} 版 / database migrated to version ${report.version} (applied ${report.applied.join(', ')})`,
    );
  const { tenants, handler } = createServerHandler({ config, storage, metrics: new Metrics() });
  const server = createServer({ keepAliveTimeout: 5000, requestTimeout: 30_000, headersTimeout: 10_000 }, handler);
  // Requests that are not even HTTP get a JSON 400 too.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const body = JSON.stringify({
      error: { code: 'bad_request', message: '请求格式不正确。', messageEn: 'Malformed HTTP request.' },
    });
    socket.end(
      `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new StartupError(`端口 ${config.port} 已被占用`, `port ${config.port} is in use`)
          : new StartupError(
              `无法在 ${config.host}:${config.port} 监听：${error.message}`,
              `cannot listen on ${config.host}:${config.port}: ${error.message}`,
            ),
      );
    });
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  for (const tenant of tenants.values()) {
    const where = tenant.base ? `${tenant.id} at ${tenant.base}/` : 'root URLs';
    console.log(
      `gongkai-server: ${where}: forms ${[...tenant.forms.keys()].join(', ')}; ${tenant.keys.currentKeyId ? `documents signed with ${tenant.keys.currentKeyId}` : 'documents unsigned (no signingKeys)'}`,
    );
  }
  console.log(`gongkai-server: ${storage.description}`);
  console.log(`gongkai-server listening on http://${host}:${port}`);
  let stopping: Promise<void> | undefined;
  return {
    server,
    stop: () =>
      (stopping ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await Promise.all([...tenants.values()].map((tenant) => tenant.submissions.drain()));
        await storage.close();
      })()),
  };
}

/** The CLI: returns the exit code (or never, while serving). */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  try {
    // Staff accounts (accounts-cli.ts): gongkai-server user add|passwd|list|disable|enable …
    // --org X: one organisation's accounts and documents (default: the top-level settings' organisation).
    if (argv[0] === 'user' || argv[0] === 'doc') {
      const { org, rest } = takeOrg(argv.slice(1));
      const open = (config: ServerConfig) => {
        if (
          !organisationsOf(config).some((o) => o.id === org) &&
          !(org === DEFAULT_ORG && config.organisations.length === 0)
        ) {
          throw new StartupError(
            `配置中没有编号为 "${org}" 的单位（organisations）`,
            `the configuration has no organisation "${org}"`,
          );
        }
        return openStorage(config).forOrg(org);
      };
      return argv[0] === 'user' ? await runUserCommand(rest, env, open) : await runDocCommand(rest, env, open);
    }
    // One organisation's data between platforms (transfer-cli.ts).
    if (argv[0] === 'export' || argv[0] === 'import')
      return await runTransferCommand(argv[0], argv.slice(1), env, openStorage);
    // Documents and signing keys (documents/cli.ts): gongkai-server key …
    if (argv[0] === 'key') return await runKeyCommand(argv.slice(1), env);
    const args = parseArgs(argv);
    if (args.command === 'help') {
      process.stdout.write(HELP);
      return 0;
    }
    if (args.command === 'migrate') {
      // Only the database: forms need not be configured.
      const config = loadConfig(args.config, { GONGKAI_FORMS: '.', ...env });
      const storage = openStorage(config);
      const report = await storage.migrate(args.to === undefined || !Number.isFinite(args.to) ? Infinity : args.to);
      await storage.close();
      console.log(
        `gongkai-server: 数据库为第 ${report.version} 版 / database at version ${report.version}${report.applied.length ? ` (applied ${report.applied.join(', ')})` : ''}`,
      );
      return 0;
    }
    const running = await start(loadConfig(args.config, env));
    const stop = () => {
      running.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return await new Promise<number>(() => {});
  } catch (error) {
    if (error instanceof StartupError) {
      process.stderr.write(`gongkai-server: ${error.zh}\ngongkai-server: ${error.en}\n`);
      return 2;
    }
    throw error;
  }
}
