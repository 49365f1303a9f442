/**
 * One organisation's data between platforms (org-transfer.ts):
 *
 *   gongkai-server export --org ORG [--config FILE] [--out FILE]    JSON Lines to the file or standard output
 *   gongkai-server import --org ORG [--config FILE] [FILE]          from the file or standard input, into an organisation without data
 *
 * Both migrate the database first. The import is one transaction: a file cut short, a row
 * that names a missing one, or an organisation that already has data changes nothing.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { loadConfig, ORG_ID, type ServerConfig } from './config.js';
import { StartupError } from './errors.js';
import { argReader } from './cli-args.js';
import type { ServerStorage } from './storage/server-storage.js';
import { exportOrg, importOrg, type ExportLine } from './storage/org-transfer.js';

export const TRANSFER_HELP = `  gongkai-server export --org 单位编号 [--out 文件] [--config FILE]   导出一个单位的全部数据（JSON Lines）/ export one organisation
  gongkai-server import --org 单位编号 [文件] [--config FILE]          导入到本平台上尚无数据的单位 / import into an organisation without data
`;

interface TransferArgs {
  org?: string;
  config?: string;
  file?: string;
}

function parse(command: 'export' | 'import', argv: readonly string[]): TransferArgs & { org: string } {
  const args: TransferArgs = {};
  const read = argReader(argv);
  for (let arg = read.next(); arg !== undefined; arg = read.next()) {
    if (read.is(arg, '--org')) args.org = read.value(arg, '--org');
    else if (read.is(arg, '--config')) args.config = read.value(arg, '--config');
    else if (command === 'export' && read.is(arg, '--out')) args.file = read.value(arg, '--out');
    else if (command === 'import' && !arg.startsWith('-') && args.file === undefined) args.file = arg;
    else
      throw new StartupError(
        `不认识的参数 "${arg}"（见 gongkai-server --help）`,
        `unknown argument "${arg}" (see gongkai-server --help)`,
      );
  }
  if (!args.org || !ORG_ID.test(args.org))
    throw new StartupError(
      `请用 --org 给出单位编号，如 gongkai-server ${command} --org wjj`,
      `name the organisation with --org, e.g. gongkai-server ${command} --org wjj`,
    );
  return args as TransferArgs & { org: string };
}

export async function runTransferCommand(
  command: 'export' | 'import',
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  open: (config: ServerConfig) => ServerStorage,
): Promise<number> {
  const args = parse(command, argv);
  // Only the database: forms need not be configured here.
  const config = loadConfig(args.config, { GONGKAI_FORMS: '.', ...env });
  const storage = open(config);
  try {
    await storage.migrate();
    const access = storage.transfer();
    if (command === 'export') {
      const out = args.file ? createWriteStream(args.file, { mode: 0o600 }) : process.stdout;
      let rows = 0;
      for await (const line of exportOrg(access, args.org)) {
        if ('row' in line) rows++;
        if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
      }
      if (out !== process.stdout) {
        out.end();
        await once(out, 'finish');
      }
      process.stderr.write(
        `gongkai-server: 已导出单位 ${args.org} 的 ${rows} 行数据 / exported ${rows} rows of ${args.org}\n`,
      );
      return 0;
    }
    const lines: ExportLine[] = [];
    const input = createInterface({
      input: args.file ? createReadStream(args.file) : process.stdin,
      crlfDelay: Infinity,
    });
    let n = 0;
    for await (const text of input) {
      n++;
      if (text.trim() === '') continue;
      try {
        lines.push(JSON.parse(text) as ExportLine);
      } catch (error) {
        throw new StartupError(
          `导入失败：第 ${n} 行不是有效的 JSON：${(error as Error).message}`,
          `import failed: line ${n} is not valid JSON: ${(error as Error).message}`,
        );
      }
    }
    const counts = await importOrg(access, args.org, lines);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(
      `gongkai-server: 已导入单位 ${args.org} 的 ${total} 行数据 / imported ${total} rows into ${args.org}: ${Object.entries(
        counts,
      )
        .map(([t, c]) => `${t} ${c}`)
        .join(', ')}`,
    );
    return 0;
  } finally {
    await storage.close();
  }
}
