/**
 * Strings only the CLI writes: usage, unreadable files, argument mistakes.
 * Messages about the document itself live in core's i18n.ts.
 */
import type { Lang } from '../../core/src/i18n.js';

const zh = {
  usage: `用法：gongkai <命令> [选项]

命令：
  validate 文件...       检查 JSON 数据文件，每个问题输出一行：
                         文件:行:列  路径  说明
                         退出码：0 全部正确，1 有数据问题，2 无法读取或 JSON 格式错误
  schema 类型            输出该类型的 JSON Schema
  schema --out 目录      把每种类型的 <类型>.schema.json 写入目录
  import budget 文件     从财政部门预算公开表（.xlsx 或 .csv）生成 budget 文件
  import catalogue 文件  从目录表格（.xlsx 或 .csv）生成 catalogue 文件
                         JSON 输出到标准输出，问题输出到标准错误（工作表!单元格：说明）
                         退出码：0 成功，1 有问题需核对，2 文件无法读取
  help                   显示本说明

选项：
  --kind 类型            按指定类型检查，不看文件中的 "kind" 字段
  --sheet 工作表         import catalogue 时读取的工作表（默认第一个）
  --lang zh-CN|en        输出语言，默认中文；也可用环境变量 GONGKAI_LANG 设置
  -h, --help             显示本说明

文件类型：{kinds}
`,
  'cli.hint': '运行 gongkai --help 查看用法。',
  'cli.unknownCommand': '不认识的命令“{command}”。',
  'cli.unknownOption': '不认识的选项“{option}”。',
  'cli.missingValue': '选项 {option} 后面需要一个值。',
  'cli.noFiles': '请指定要检查的文件，如 gongkai validate data/doc.json。',
  'cli.schemaNoKind': '请指定文件类型（{kinds}），或用 --out 目录 导出全部。',
  'cli.tooManyArgs': '多余的参数“{arg}”。',
  'cli.optionNotHere': '选项 {option} 不能用于 {command} 命令。',
  'cli.wrote': '已写入 {file}',
  'cli.importWhat': '请指定导入类型：gongkai import budget 文件 或 gongkai import catalogue 文件（实际为“{what}”）。',
  'cli.noSheet': '没有名为“{sheet}”的工作表（有：{sheets}）',
  'cli.importIssue': '导入结果',
  'cli.writeFailed': '无法写入 {file}：{detail}',
  'read.missing': '无法读取文件：文件不存在',
  'read.directory': '无法读取文件：这是一个目录，不是文件',
  'read.permission': '无法读取文件：没有读取权限',
  'read.other': '无法读取文件（{detail}）',
  'read.encoding': '文件不是 UTF-8 编码（可能是 GBK 或 UTF-16），请用 UTF-8 重新保存',
} as const;

export type CliKey = keyof typeof zh;

const en: Record<CliKey, string> = {
  usage: `Usage: gongkai <command> [options]

Commands:
  validate FILE...       check JSON data files; one line per problem:
                         FILE:LINE:COL  PATH  message
                         exit code: 0 all valid, 1 data problems, 2 unreadable file or malformed JSON
  schema KIND            print the JSON Schema of that kind
  schema --out DIR       write every kind's <kind>.schema.json into DIR
  import budget FILE     a budget document from the finance bureau's tables (.xlsx or .csv)
  import catalogue FILE  a catalogue document from a sheet (.xlsx or .csv)
                         JSON on stdout, problems on stderr (sheet!cell: message)
                         exit code: 0 imported, 1 problems to check, 2 unreadable file
  help                   show this help

Options:
  --kind KIND            check as this kind, ignoring the file's "kind" field
  --sheet SHEET          the sheet import catalogue reads (default: the first)
  --lang zh-CN|en        output language, Chinese by default; also env GONGKAI_LANG
  -h, --help             show this help

Kinds: {kinds}
`,
  'cli.hint': 'Run gongkai --help for usage.',
  'cli.unknownCommand': 'unknown command “{command}”.',
  'cli.unknownOption': 'unknown option “{option}”.',
  'cli.missingValue': 'option {option} needs a value.',
  'cli.noFiles': 'name the files to check, e.g. gongkai validate data/doc.json.',
  'cli.schemaNoKind': 'name a kind ({kinds}), or use --out DIR to export all of them.',
  'cli.tooManyArgs': 'unexpected argument “{arg}”.',
  'cli.optionNotHere': 'option {option} cannot be used with the {command} command.',
  'cli.wrote': 'wrote {file}',
  'cli.importWhat': 'name what to import: gongkai import budget FILE or gongkai import catalogue FILE (got “{what}”).',
  'cli.noSheet': 'no sheet named “{sheet}” (there are: {sheets})',
  'cli.importIssue': 'imported',
  'cli.writeFailed': 'cannot write {file}: {detail}',
  'read.missing': 'cannot read the file: it does not exist',
  'read.directory': 'cannot read the file: it is a directory, not a file',
  'read.permission': 'cannot read the file: permission denied',
  'read.other': 'cannot read the file ({detail})',
  'read.encoding': 'the file is not UTF-8 (GBK or UTF-16, perhaps); save it again as UTF-8',
};

const tables: Record<Lang, Record<CliKey, string>> = { 'zh-CN': zh, en };

export function m(lang: Lang, key: CliKey, params: Record<string, string | number> = {}): string {
  return tables[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
