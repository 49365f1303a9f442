/**
 * Documents and signing keys from the command line, so a county can script publishing
 * with the same rules as the staff page (the same decisions, documents/workflow.ts):
 *
 *   gongkai-server key generate|rotate|list [--config FILE]
 *   gongkai-server doc list [--config FILE]
 *   gongkai-server doc history SLUG
 *   gongkai-server doc create SLUG --file F.json --as NAME [--office O] [--note TEXT] [--minor]
 *   gongkai-server doc revise SLUG --file F.json --as NAME [--note TEXT] [--minor]     (a new draft, or the open one of NAME's)
 *   gongkai-server doc submit|approve SLUG --as NAME [--note TEXT]
 *   gongkai-server doc return|publish|withdraw SLUG --as NAME --reason TEXT
 *
 * A step is taken as the account NAME, whose password is read from standard input (its
 * first line), as `user add` reads one: the CLI is no way around review.
 */
import { readFileSync } from 'node:fs';
import { loadConfig, organisationsOf, type ServerConfig } from '../config.js';
import { StartupError, HttpError } from '../errors.js';
import { readPassword, withCommandStorage } from '../accounts-cli.js';
import { argReader } from '../cli-args.js';
import { verifyPassword } from '../passwords.js';
import type { ServerStorage } from '../storage/server-storage.js';
import type { DecideDocument } from '../storage/document-types.js';
import { publicHistory } from './history.js';
import { generateKey, KeyRing, listKeys } from './signing.js';
import {
  decideApprove,
  decidePublishUnreviewed,
  decideReturn,
  decideRevise,
  decideSave,
  decideSubmit,
  decideWithdraw,
  inspect,
  newRevision,
  openRevision,
  SLUG,
} from './workflow.js';

export const DOC_HELP = `  gongkai-server key generate|rotate|list [--config FILE]    签名密钥：新建、更换（旧钥保留供核验）、列出 / signing keys
  gongkai-server doc list | history 文件地址名 [--config FILE]  列出文件、查看发布记录 / list documents, show a history
  gongkai-server doc create|revise 地址名 --file 文件.json --as 用户名 [--office 科室] [--note 修改说明] [--minor]
  gongkai-server doc submit|approve 地址名 --as 用户名 [--note 意见]
  gongkai-server doc return|publish|withdraw 地址名 --as 用户名 --reason 理由
                                            以该账号办理（密码从标准输入读取），规则与工作人员页面相同：审核须由另一账号
                                            act as that account (password on stdin), with the staff page's rules
`;

interface DocArgs {
  verb: string;
  slug?: string;
  file?: string;
  as?: string;
  office?: string;
  note?: string;
  reason?: string;
  minor: boolean;
  config?: string;
}

const VALUE_OPTIONS = ['config', 'file', 'as', 'office', 'note', 'reason'] as const;

function parse(argv: readonly string[]): DocArgs {
  const [verb = '', ...rest] = argv;
  const args: DocArgs = { verb, minor: false };
  const read = argReader(rest);
  for (let arg = read.next(); arg !== undefined; arg = read.next()) {
    const option = VALUE_OPTIONS.find((name) => read.is(arg, `--${name}`));
    if (option) args[option] = read.value(arg, `--${option}`);
    else if (arg === '--minor') args.minor = true;
    else if (!arg.startsWith('-') && args.slug === undefined) args.slug = arg;
    else
      throw new StartupError(
        `不认识的参数 "${arg}"（见 gongkai-server --help）`,
        `unknown argument "${arg}" (see gongkai-server --help)`,
      );
  }
  return args;
}

export async function runKeyCommand(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const args = parse(argv);
  const config = loadConfig(args.config, { GONGKAI_FORMS: '.', ...env });
  const dir = config.signingKeys;
  if (!dir)
    throw new StartupError(
      '请在配置文件中写 "signingKeys": "密钥文件夹"，或设置 GONGKAI_KEYS',
      'set "signingKeys": "folder" in the configuration file, or GONGKAI_KEYS',
    );
  if (args.verb === 'list') {
    for (const key of listKeys(dir))
      console.log(
        `${key.keyId}\t${key.alg}\t${key.created}\t${key.retired ? `已停用 retired ${key.retired}` : '使用中 current'}\t${key.publicKey}`,
      );
    return 0;
  }
  if (args.verb !== 'generate' && args.verb !== 'rotate')
    throw new StartupError('key 后面应为 generate、rotate 或 list', 'key needs generate, rotate or list');
  const key = generateKey(dir, new Date(), args.verb === 'rotate');
  console.log(
    `gongkai-server: 新密钥 ${key.keyId}（私钥仅存于 ${dir}，请勿提交到代码库或外传；服务器下次启动起用它签名）/ new key ${key.keyId}; the server signs with it from its next start`,
  );
  console.log(`公钥 public key (base64): ${key.publicKey}`);
  return 0;
}

export async function runDocCommand(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  open: (config: ServerConfig) => ServerStorage,
): Promise<number> {
  const args = parse(argv);
  try {
    // The organisation's own settings (publisher, signing keys) for `--org` (main.ts opens its view).
    return await withCommandStorage(args.config, env, open, (storage, config) =>
      run(args, organisationsOf(config).find((o) => o.id === storage.org)?.config ?? config, storage),
    );
  } catch (error) {
    if (error instanceof HttpError) {
      const body = error.body().error;
      const issues = (body.issues ?? [])
        .map((i) => `\n  ${i.path || '（整个文件）'}${i.line ? `（第 ${i.line} 行）` : ''}：${i.message}`)
        .join('');
      throw new StartupError(`${body.message}${issues}`, body.messageEn);
    }
    throw error;
  }
}

async function run(args: DocArgs, config: ServerConfig, storage: ServerStorage): Promise<number> {
  const documents = storage.documents;
  if (args.verb === 'list') {
    const list = await documents.list({ page: 1, pageSize: 1000 });
    for (const d of list.items)
      console.log(
        `${d.slug}\t${d.kind}\t${d.office}\t${d.withdrawnAt ? '已撤回' : (d.openState ?? (d.latestVersion ? `v${d.latestVersion}` : '草稿'))}\t${d.title}`,
      );
    return 0;
  }
  if (!args.slug || !SLUG.test(args.slug))
    throw new StartupError('请给出文件地址名，如 budget-2018', 'name the document by its slug, e.g. budget-2018');
  if (args.verb === 'history') {
    const document = await documents.bySlug(args.slug);
    if (!document) throw new HttpError(404, 'unknown_document', { slug: args.slug });
    console.log(
      JSON.stringify(
        publicHistory(document, await documents.publishedVersions(document.id), config.staff.owner),
        null,
        2,
      ),
    );
    return 0;
  }
  if (!args.as)
    throw new StartupError(
      '请用 --as 用户名 指明以哪个账号办理（密码从标准输入读取）',
      'say which account acts with --as NAME (its password on standard input)',
    );
  const account = await storage.userByName(args.as);
  const password = await readPassword();
  if (!account || account.disabled || !(await verifyPassword(password, account.passwordHash)))
    throw new HttpError(401, 'login_failed');
  const user = account;
  const at = new Date().toISOString();
  const signing = { keys: KeyRing.load(config.signingKeys), publisher: config.staff.owner };
  const actor = user.name;
  const text = () => {
    if (!args.file) throw new StartupError('请用 --file 给出文件（JSON）', 'give the document with --file');
    return readFileSync(args.file, 'utf8');
  };
  if (args.verb === 'create') {
    const content = text();
    const found = inspect(content);
    const office = args.office ?? user.office;
    if (office !== user.office && user.role !== 'admin') throw new HttpError(403, 'forbidden');
    const created = await documents.create(
      {
        slug: args.slug,
        kind: found.kind,
        office,
        title: found.title || args.slug,
        createdAt: at,
        createdBy: actor,
        updatedAt: at,
      },
      newRevision(content, actor, at, args.note ?? '首次发布', !args.minor),
      { action: 'create', detail: { kind: found.kind, office, via: 'cli' } },
    );
    if (!created) throw new HttpError(409, 'slug_taken', { slug: args.slug });
    console.log(
      `gongkai-server: 已新建 ${args.slug}（草稿，修订稿 ${created.revision.id}）${found.issues.length ? `；有 ${found.issues.length} 处问题，提交前须改正` : ''}`,
    );
    return 0;
  }
  const document = await documents.bySlug(args.slug);
  if (!document) throw new HttpError(404, 'unknown_document', { slug: args.slug });
  const open = openRevision(await documents.revisions(document.id));
  const openId = () => {
    if (!open) throw new StartupError(`${args.slug} 没有未发布的修订稿`, `${args.slug} has no unpublished revision`);
    return open.id;
  };
  let decide: DecideDocument;
  switch (args.verb) {
    case 'revise':
      decide =
        open && open.author === actor
          ? decideSave(user, open.id, text(), args.note ?? null, !args.minor)
          : decideRevise(user, text(), args.note ?? null, !args.minor, at);
      break;
    case 'submit':
      decide = decideSubmit(user, openId(), at);
      break;
    case 'approve':
      decide = decideApprove(user, openId(), args.note ?? null, at, signing);
      break;
    case 'return':
      decide = decideReturn(user, openId(), requireReason(args), at);
      break;
    case 'publish':
      decide = decidePublishUnreviewed(user, openId(), requireReason(args), at, signing);
      break;
    case 'withdraw':
      decide = decideWithdraw(user, requireReason(args), at);
      break;
    default:
      throw new StartupError(
        'doc 后面应为 list、history、create、revise、submit、approve、return、publish 或 withdraw',
        'doc needs list, history, create, revise, submit, approve, return, publish or withdraw',
      );
  }
  try {
    const done = await documents.change(args.slug, actor, at, decide);
    const revision = done?.revision;
    console.log(
      `gongkai-server: ${args.slug} ${args.verb} ✓${revision?.version ? `（第 ${revision.version} 版已发布 / version ${revision.version} published）` : revision ? `（修订稿 ${revision.id}：${revision.state}）` : ''}`,
    );
  } catch (error) {
    if (error instanceof HttpError && error.code === 'self_review')
      await documents.logEvent(document.id, open?.id ?? null, at, actor, {
        action: 'approve.refused',
        note: '审核人与撰写人或提交人为同一账号',
        detail: { via: 'cli' },
      });
    throw error;
  }
  return 0;
}

function requireReason(args: DocArgs): string {
  const reason = args.reason?.trim();
  if (!reason) throw new StartupError('请用 --reason 写明理由', 'give a reason with --reason');
  return reason;
}
