/**
 * Staff accounts from the command line (there is no default account or password):
 *
 *   gongkai-server user add NAME --office OFFICE [--role admin|staff] [--config FILE]
 *   gongkai-server user passwd NAME [--config FILE]
 *   gongkai-server user list [--config FILE]
 *   gongkai-server user disable NAME [--config FILE]      (and `user enable NAME`)
 *
 * The password is read from standard input (its first line), or asked for twice
 * at a terminal without echo. Disabling or changing a password ends the account's sessions.
 */
import { createInterface } from 'node:readline';
import { loadConfig, type ServerConfig } from './config.js';
import { StartupError } from './errors.js';
import { argReader } from './cli-args.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { ROLES, type Role, type StaffStorage } from './storage/staff-types.js';
import type { ServerStorage } from './storage/server-storage.js';

export const USER_HELP = `  gongkai-server user add 用户名 --office 科室 [--role editor|reviewer|admin] [--org 单位编号] [--config FILE]
                                            新建工作人员账号（密码从标准输入读取）/ add a staff account (password on stdin)
                                            editor（默认）：撰写本科室的文件，只看到转办至本科室的来件；reviewer：另可审核他人提交的文件；
                                            admin：受理、转办，看到全部来件和文件，可说明理由后免审发布（旧的 staff 即 editor）
                                            editor (default): writes its office's documents, sees what is forwarded to its office; reviewer: also
                                            reviews what others submit; admin: everything, may publish without review with a reason (staff = editor)
  gongkai-server user passwd 用户名 [--config FILE]   修改密码 / change a password
  gongkai-server user list [--config FILE]           列出账号 / list accounts
  gongkai-server user disable|enable 用户名 [--config FILE]  停用或启用账号 / disable or enable an account
`;

const NAME = /^[^\s\u0000-\u001f\u007f]{1,64}$/u;

interface UserArgs {
  action: 'add' | 'passwd' | 'list' | 'disable' | 'enable';
  name?: string;
  office?: string;
  role: Role;
  config?: string;
}

function parse(argv: readonly string[]): UserArgs {
  const [action, ...rest] = argv;
  if (action !== 'add' && action !== 'passwd' && action !== 'list' && action !== 'disable' && action !== 'enable') {
    throw new StartupError(
      `user 后面应为 add、passwd、list、disable 或 enable（见 gongkai-server --help）`,
      `user needs add, passwd, list, disable or enable (see gongkai-server --help)`,
    );
  }
  const args: UserArgs = { action, role: 'editor' };
  const read = argReader(rest);
  for (let arg = read.next(); arg !== undefined; arg = read.next()) {
    if (read.is(arg, '--config')) args.config = read.value(arg, '--config');
    else if (read.is(arg, '--office')) args.office = read.value(arg, '--office').trim();
    else if (read.is(arg, '--role')) {
      // `staff`, the role before documents, is an editor.
      const role = read.value(arg, '--role').replace(/^staff$/, 'editor');
      if (!(ROLES as readonly string[]).includes(role))
        throw new StartupError(
          `--role 应为 editor、reviewer 或 admin，实际为 "${role}"`,
          `--role must be editor, reviewer or admin, got "${role}"`,
        );
      args.role = role as Role;
    } else if (!arg.startsWith('-') && args.name === undefined && action !== 'list') args.name = arg;
    else
      throw new StartupError(
        `不认识的参数 "${arg}"（见 gongkai-server --help）`,
        `unknown argument "${arg}" (see gongkai-server --help)`,
      );
  }
  if (action !== 'list') {
    if (!args.name)
      throw new StartupError(
        `请给出用户名：gongkai-server user ${action} 用户名`,
        `name the account: gongkai-server user ${action} NAME`,
      );
    if (!NAME.test(args.name))
      throw new StartupError('用户名应为 1–64 个字符，不含空格', 'the name must be 1 to 64 characters without spaces');
  }
  if (action === 'add' && (!args.office || args.office.length > 64)) {
    throw new StartupError(
      '请用 --office 给出所在科室，如 --office 办公室',
      'give the account an office with --office, such as --office 办公室',
    );
  }
  return args;
}

/** The first line of standard input, or (at a terminal) a password typed twice without echo. */
export async function readPassword(): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    let text = '';
    input.setEncoding('utf8');
    for await (const chunk of input) {
      text += chunk;
      if (text.includes('\n')) break;
    }
    const line = text.split(/\r?\n/)[0] ?? '';
    if (!line)
      throw new StartupError(
        '没有读到密码：请从标准输入提供密码（一行）',
        'no password: give it on standard input (one line)',
      );
    return line;
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input, output: process.stderr, terminal: true });
      const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
        // Only the prompt is shown; what is typed is not echoed.
        if (s.startsWith(prompt)) write.call(rl, prompt);
      };
      rl.question(prompt, (answer) => {
        rl.close();
        process.stderr.write('\n');
        resolve(answer);
      });
    });
  const first = await ask('密码 Password: ');
  const second = await ask('再输入一次 Again: ');
  if (first !== second) throw new StartupError('两次输入的密码不一致', 'the two passwords differ');
  return first;
}

async function newPasswordHash(): Promise<string> {
  const password = await readPassword();
  const problem = passwordProblem(password);
  if (problem) throw new StartupError(problem.zh, problem.en);
  return hashPassword(password);
}

/** A command on the database alone (forms need not be configured): migrated first, closed after. */
export async function withCommandStorage<T>(
  configFile: string | undefined,
  env: NodeJS.ProcessEnv,
  open: (config: ServerConfig) => ServerStorage,
  fn: (storage: ServerStorage, config: ServerConfig) => Promise<T>,
): Promise<T> {
  const config = loadConfig(configFile, { GONGKAI_FORMS: '.', ...env });
  const storage = open(config);
  try {
    await storage.migrate();
    return await fn(storage, config);
  } finally {
    await storage.close();
  }
}

export async function runUserCommand(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  open: (config: ServerConfig) => ServerStorage,
): Promise<number> {
  const args = parse(argv);
  return withCommandStorage(args.config, env, open, (storage) => run(args, storage));
}

async function run(args: UserArgs, staff: StaffStorage): Promise<number> {
  const at = new Date().toISOString();
  const actor = `cli:${process.env.USER ?? 'unknown'}`;
  switch (args.action) {
    case 'list': {
      const users = await staff.listUsers();
      if (users.length === 0)
        console.log(
          '没有工作人员账号。用 gongkai-server user add 新建 / no staff accounts yet: add one with gongkai-server user add',
        );
      for (const user of users)
        console.log(
          `${user.name}\t${user.office}\t${user.role}\t${user.disabled ? '已停用 disabled' : '启用 active'}\t${user.createdAt}`,
        );
      return 0;
    }
    case 'add': {
      if (await staff.userByName(args.name!))
        throw new StartupError(
          `账号 ${args.name} 已存在（修改密码用 user passwd）`,
          `the account ${args.name} exists already (change its password with user passwd)`,
        );
      const passwordHash = await newPasswordHash();
      const user = await staff.createUser({
        name: args.name!,
        office: args.office!,
        role: args.role,
        passwordHash,
        at,
      });
      await staff.logStaffEvent({
        at,
        actor,
        action: 'user.add',
        detail: { name: user.name, office: user.office, role: user.role },
      });
      console.log(
        `gongkai-server: 已新建账号 ${user.name}（${user.office}，${user.role}）/ account ${user.name} added`,
      );
      return 0;
    }
    case 'passwd': {
      const user = await staff.userByName(args.name!);
      if (!user) throw new StartupError(`没有账号 ${args.name}`, `no account ${args.name}`);
      const passwordHash = await newPasswordHash();
      await staff.setPassword(user.name, passwordHash, at);
      await staff.deleteUserSessions(user.id);
      await staff.logStaffEvent({ at, actor, action: 'user.passwd', detail: { name: user.name } });
      console.log(
        `gongkai-server: 已修改 ${user.name} 的密码，其登录已失效 / password of ${user.name} changed; its sessions ended`,
      );
      return 0;
    }
    case 'disable':
    case 'enable': {
      const user = await staff.userByName(args.name!);
      if (!user) throw new StartupError(`没有账号 ${args.name}`, `no account ${args.name}`);
      await staff.setDisabled(user.name, args.action === 'disable', at);
      if (args.action === 'disable') await staff.deleteUserSessions(user.id);
      await staff.logStaffEvent({ at, actor, action: `user.${args.action}`, detail: { name: user.name } });
      console.log(
        args.action === 'disable'
          ? `gongkai-server: 已停用账号 ${user.name} / account ${user.name} disabled`
          : `gongkai-server: 已启用账号 ${user.name} / account ${user.name} enabled`,
      );
      return 0;
    }
  }
}
