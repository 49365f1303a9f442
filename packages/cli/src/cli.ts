/**
 * The editors' CLI:
 *   gongkai validate FILE...   one line per problem, `FILE:LINE:COL  PATH  message`
 *   gongkai schema KIND        the JSON Schema of a kind
 *   gongkai schema --out DIR   every kind's <kind>.schema.json
 *   gongkai import budget|catalogue FILE.xlsx|.csv   a document from a spreadsheet (JSON on stdout)
 * Problems go to stdout, usage errors to stderr. Chinese by default; --lang en or GONGKAI_LANG=en.
 *
 * Bundled by scripts/build.mjs into dist/gongkai.mjs; bin/gongkai.mjs calls `main`.
 * Imports core modules by path, never core's index: that would pull in the Markdown renderer.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveLang, t, type Lang } from '../../core/src/i18n.js';
import '../../core/src/translations/en.js';
import { isKind, KINDS, type Kind } from '../../core/src/kinds.js';
import { m } from './messages.js';
import { schemaFileName, schemaText } from './schema.js';
import { kindList, validateFile, type ExitCode } from './validate-files.js';
import { importFile } from './import-file.js';

export interface CliStreams {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const defaultStreams: CliStreams = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

interface Options {
  lang: Lang;
  kind?: string;
  out?: string;
  sheet?: string;
  help: boolean;
  args: string[];
}

class UsageError extends Error {}

const VALUE_OPTIONS = new Set(['--lang', '--kind', '--out', '--sheet']);

/** The language asked for, looked up before anything else so that argument errors speak it too. */
function langFrom(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  let tag = env.GONGKAI_LANG;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--lang' && i + 1 < argv.length) tag = argv[++i];
    else if (arg.startsWith('--lang=')) tag = arg.slice('--lang='.length);
  }
  return resolveLang(tag);
}

function parseArgs(argv: readonly string[], lang: Lang): Options {
  const options: Options = { lang, help: false, args: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      options.args.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') {
      options.help = true;
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(0, eq) : arg;
      if (!VALUE_OPTIONS.has(name)) throw new UsageError(m(lang, 'cli.unknownOption', { option: name }));
      let value: string | undefined;
      if (eq > 0) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length) value = argv[++i];
      if (!value) throw new UsageError(m(lang, 'cli.missingValue', { option: name }));
      if (name === '--kind') options.kind = value;
      else if (name === '--out') options.out = value;
      else if (name === '--sheet') options.sheet = value;
      // --lang was read by langFrom.
      continue;
    }
    options.args.push(arg);
  }
  return options;
}

function requireKind(value: string, lang: Lang): Kind {
  if (isKind(value)) return value;
  throw new UsageError(t(lang, 'issue.kindUnknown', { kind: value, kinds: kindList(lang) }));
}

function usage(lang: Lang): string {
  return m(lang, 'usage', { kinds: KINDS.join(', ') });
}

function runValidate(options: Options, files: string[], io: CliStreams): ExitCode {
  const { lang } = options;
  if (options.out !== undefined)
    throw new UsageError(m(lang, 'cli.optionNotHere', { option: '--out', command: 'validate' }));
  const forced = options.kind === undefined ? undefined : requireKind(options.kind, lang);
  if (files.length === 0) throw new UsageError(m(lang, 'cli.noFiles'));
  let worst: ExitCode = 0;
  for (const file of files) {
    const report = validateFile(file, lang, forced);
    io.stdout(report.lines.map((line) => `${line}\n`).join(''));
    if (report.code > worst) worst = report.code;
  }
  return worst;
}

function runSchema(options: Options, args: string[], io: CliStreams): ExitCode {
  const { lang } = options;
  if (options.kind !== undefined)
    throw new UsageError(m(lang, 'cli.optionNotHere', { option: '--kind', command: 'schema' }));
  if (args.length > 1) throw new UsageError(m(lang, 'cli.tooManyArgs', { arg: args[1]! }));
  const kinds = args[0] === undefined ? undefined : [requireKind(args[0], lang)];
  if (options.out === undefined) {
    if (!kinds) throw new UsageError(m(lang, 'cli.schemaNoKind', { kinds: kindList(lang) }));
    io.stdout(schemaText(kinds[0]!));
    return 0;
  }
  const dir = options.out;
  for (const kind of kinds ?? KINDS) {
    const file = join(dir, schemaFileName(kind));
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, schemaText(kind));
    } catch (error) {
      io.stderr(
        `gongkai: ${m(lang, 'cli.writeFailed', { file, detail: (error as NodeJS.ErrnoException).code ?? String(error) })}\n`,
      );
      return 2;
    }
    io.stdout(`${m(lang, 'cli.wrote', { file })}\n`);
  }
  return 0;
}

async function runImport(options: Options, args: string[], io: CliStreams): Promise<ExitCode> {
  const { lang } = options;
  for (const option of ['kind', 'out'] as const)
    if (options[option] !== undefined)
      throw new UsageError(m(lang, 'cli.optionNotHere', { option: `--${option}`, command: 'import' }));
  const [what, file, extra] = args;
  if (what !== 'budget' && what !== 'catalogue') throw new UsageError(m(lang, 'cli.importWhat', { what: what ?? '' }));
  if (file === undefined) throw new UsageError(m(lang, 'cli.noFiles'));
  if (extra !== undefined) throw new UsageError(m(lang, 'cli.tooManyArgs', { arg: extra }));
  if (options.sheet !== undefined && what !== 'catalogue')
    throw new UsageError(m(lang, 'cli.optionNotHere', { option: '--sheet', command: 'import budget' }));
  const result = await importFile(what, file, lang, options.sheet);
  io.stdout(result.stdout);
  io.stderr(result.stderr.map((line) => `${line}\n`).join(''));
  return result.code;
}

/** Runs the CLI; returns the exit code (0 ok, 1 problems in the data, 2 unreadable input or a usage error). */
export function main(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  io: CliStreams = defaultStreams,
): ExitCode | Promise<ExitCode> {
  const lang = langFrom(argv, env);
  try {
    const options = parseArgs(argv, lang);
    const [command, ...rest] = options.args;
    if (options.help || command === 'help') {
      io.stdout(usage(lang));
      return 0;
    }
    if (command === undefined) {
      io.stderr(usage(lang));
      return 2;
    }
    if (command === 'validate') return runValidate(options, rest, io);
    if (command === 'schema') return runSchema(options, rest, io);
    if (command === 'import') {
      return runImport(options, rest, io).catch((error: unknown) => {
        if (!(error instanceof UsageError)) throw error;
        io.stderr(`gongkai: ${error.message}\n${m(lang, 'cli.hint')}\n`);
        return 2 as const;
      });
    }
    throw new UsageError(m(lang, 'cli.unknownCommand', { command }));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`gongkai: ${error.message}\n${m(lang, 'cli.hint')}\n`);
    return 2;
  }
}
