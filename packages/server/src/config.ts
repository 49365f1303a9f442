/**
 * The server's configuration: a JSON file (`--config path`) and/or environment
 * variables, the environment winning. Relative paths in the file are relative to
 * the file; in the environment, to the working directory.
 *
 *   GONGKAI_PORT      port (0: any free port)
 *   GONGKAI_HOST      address to listen on (default 127.0.0.1: put a reverse proxy in front)
 *   GONGKAI_ORIGINS   allowed CORS origins, comma-separated (https://www.example.gov.cn)
 *   GONGKAI_FORMS     form documents: a directory or file; several separated by commas
 *   GONGKAI_DB        the SQLite database file
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { StartupError } from './errors.js';

export interface Limit {
  /** Requests allowed per address in one window. */
  max: number;
  windowSeconds: number;
}

export interface ServerConfig {
  host: string;
  port: number;
  /** Origins (scheme://host[:port]) whose pages may send to this server from the browser. */
  origins: string[];
  /** Directories and files of form, consultation and disclosure-request documents. */
  forms: string[];
  storage: { type: 'sqlite'; path: string; busyTimeoutMs: number };
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
  /** Per-address limits; null switches one off. */
  rateLimit: { submissions: Limit | null; lookups: Limit | null };
  /** Behind a reverse proxy: take the client's address from the last X-Forwarded-For entry. */
  trustProxy: boolean;
  /** Tracking codes look like PREFIX2026-7KQ4-MX2P. */
  codePrefix: string;
  /** The county's time zone: dates received and deadlines are its calendar days. */
  timeZone: string;
  /** Working days to the reply deadline: `default`, and per form name. */
  workingDays: { default: number } & Record<string, number>;
}

export const DEFAULTS: ServerConfig = {
  host: '127.0.0.1',
  port: 8787,
  origins: [],
  forms: [],
  storage: { type: 'sqlite', path: 'gongkai.db', busyTimeoutMs: 2000 },
  bodyLimit: 64 * 1024,
  rateLimit: { submissions: { max: 20, windowSeconds: 600 }, lookups: { max: 120, windowSeconds: 600 } },
  trustProxy: false,
  codePrefix: 'GK',
  timeZone: 'Asia/Shanghai',
  // 《政府信息公开条例》第三十三条: a reply within 20 working days.
  workingDays: { default: 20 },
};

const KEYS = new Set(['$schema', 'host', 'port', 'origins', 'forms', 'storage', 'bodyLimit', 'rateLimit', 'trustProxy', 'codePrefix', 'timeZone', 'workingDays']);

function bad(zhWhat: string, enWhat: string, source: string): never {
  throw new StartupError(`配置错误（${source}）：${zhWhat}`, `configuration error (${source}): ${enWhat}`);
}

function port(value: unknown, source: string, name: string): number {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 65535) bad(`${name} 应为 0–65535 的整数，实际为 ${JSON.stringify(value)}`, `${name} must be an integer from 0 to 65535, got ${JSON.stringify(value)}`, source);
  return n;
}

function origin(value: unknown, source: string): string {
  if (typeof value !== 'string') bad(`origins 中的每一项应为文本，如 "https://www.example.gov.cn"`, `each of origins must be a string such as "https://www.example.gov.cn"`, source);
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return bad(`origins 中的 "${value}" 不是有效的来源，应如 "https://www.example.gov.cn"`, `"${value}" in origins is not an origin such as "https://www.example.gov.cn"`, source);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== value.trim().replace(/\/$/, '')) {
    bad(`origins 中的 "${value}" 应只含协议、域名和端口，如 "https://www.example.gov.cn"`, `"${value}" in origins must be scheme, host and port only, like "https://www.example.gov.cn"`, source);
  }
  return url.origin;
}

function positiveInt(value: unknown, source: string, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) bad(`${name} 应为正整数，实际为 ${JSON.stringify(value)}`, `${name} must be a positive integer, got ${JSON.stringify(value)}`, source);
  return value;
}

function limit(value: unknown, source: string, name: string): Limit | null {
  if (value === null || value === false) return null;
  if (!value || typeof value !== 'object') bad(`${name} 应为 {"max": 数量, "windowSeconds": 秒} 或 null（不限制）`, `${name} must be {"max": n, "windowSeconds": s} or null (no limit)`, source);
  const v = value as Record<string, unknown>;
  return { max: positiveInt(v.max, source, `${name}.max`), windowSeconds: positiveInt(v.windowSeconds, source, `${name}.windowSeconds`) };
}

function string(value: unknown, source: string, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') bad(`${name} 应为非空文本`, `${name} must be a non-empty string`, source);
  return value.trim();
}

/** Applies a parsed config file's values onto `config`. */
function applyFile(config: ServerConfig, raw: unknown, file: string): void {
  const source = file;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) bad('配置文件应为一个 JSON 对象', 'the configuration file must hold one JSON object', source);
  const v = raw as Record<string, unknown>;
  for (const key of Object.keys(v)) {
    if (!KEYS.has(key)) bad(`未知的配置项 "${key}"（可用：${[...KEYS].slice(1).join('、')}）`, `unknown setting "${key}" (known: ${[...KEYS].slice(1).join(', ')})`, source);
  }
  const base = dirname(file);
  if (v.host !== undefined) config.host = string(v.host, source, 'host');
  if (v.port !== undefined) config.port = port(v.port, source, 'port');
  if (v.origins !== undefined) {
    if (!Array.isArray(v.origins)) bad('origins 应为来源列表，如 ["https://www.example.gov.cn"]', 'origins must be a list such as ["https://www.example.gov.cn"]', source);
    config.origins = v.origins.map((o) => origin(o, source));
  }
  if (v.forms !== undefined) {
    const list = typeof v.forms === 'string' ? [v.forms] : v.forms;
    if (!Array.isArray(list) || list.length === 0) bad('forms 应为表单文件所在的目录或文件（一个或多个）', 'forms must name one or more directories or files of form documents', source);
    config.forms = list.map((p) => resolve(base, string(p, source, 'forms')));
  }
  if (v.storage !== undefined) {
    const s = v.storage as Record<string, unknown>;
    if (!s || typeof s !== 'object') bad('storage 应为 {"type": "sqlite", "path": "数据库文件"}', 'storage must be {"type": "sqlite", "path": "database file"}', source);
    if (s.type !== undefined && s.type !== 'sqlite') bad(`storage.type 目前只支持 "sqlite"，实际为 ${JSON.stringify(s.type)}`, `storage.type must be "sqlite" for now, got ${JSON.stringify(s.type)}`, source);
    if (s.path !== undefined) config.storage.path = resolve(base, string(s.path, source, 'storage.path'));
    if (s.busyTimeoutMs !== undefined) config.storage.busyTimeoutMs = positiveInt(s.busyTimeoutMs, source, 'storage.busyTimeoutMs');
  }
  if (v.bodyLimit !== undefined) config.bodyLimit = positiveInt(v.bodyLimit, source, 'bodyLimit');
  if (v.rateLimit !== undefined) {
    if (v.rateLimit === null || v.rateLimit === false) config.rateLimit = { submissions: null, lookups: null };
    else {
      const r = v.rateLimit as Record<string, unknown>;
      if (typeof r !== 'object') bad('rateLimit 应为 {"submissions": …, "lookups": …}', 'rateLimit must be {"submissions": …, "lookups": …}', source);
      if (r.submissions !== undefined) config.rateLimit.submissions = limit(r.submissions, source, 'rateLimit.submissions');
      if (r.lookups !== undefined) config.rateLimit.lookups = limit(r.lookups, source, 'rateLimit.lookups');
    }
  }
  if (v.trustProxy !== undefined) {
    if (typeof v.trustProxy !== 'boolean') bad('trustProxy 应为 true 或 false', 'trustProxy must be true or false', source);
    config.trustProxy = v.trustProxy;
  }
  if (v.codePrefix !== undefined) {
    if (typeof v.codePrefix !== 'string' || !/^[A-Z]{0,6}$/.test(v.codePrefix)) bad('codePrefix 应为 0–6 个大写字母，如 "PL"', 'codePrefix must be 0 to 6 capital letters, like "PL"', source);
    config.codePrefix = v.codePrefix;
  }
  if (v.timeZone !== undefined) config.timeZone = timeZone(v.timeZone, source);
  if (v.workingDays !== undefined) {
    const w = v.workingDays as Record<string, unknown>;
    if (!w || typeof w !== 'object') bad('workingDays 应为 {"default": 20, "表单名": 天数}', 'workingDays must be {"default": 20, "form name": days}', source);
    for (const [name, days] of Object.entries(w)) config.workingDays[name] = positiveInt(days, source, `workingDays.${name}`);
  }
}

function timeZone(value: unknown, source: string): string {
  const zone = string(value, source, 'timeZone');
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    bad(`timeZone "${zone}" 不是有效的时区，如 "Asia/Shanghai"`, `timeZone "${zone}" is not a time zone such as "Asia/Shanghai"`, source);
  }
  return zone;
}

/** The configuration from a file (optional) and the environment. Throws StartupError with both languages. */
export function loadConfig(file: string | undefined, env: NodeJS.ProcessEnv, cwd = process.cwd()): ServerConfig {
  const config: ServerConfig = structuredClone(DEFAULTS);
  config.storage.path = resolve(cwd, DEFAULTS.storage.path);
  if (file) {
    const path = resolve(cwd, file);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? ['文件不存在', 'no such file'] : [String((error as Error).message), String((error as Error).message)];
      throw new StartupError(`无法读取配置文件 ${path}：${reason[0]}`, `cannot read the configuration file ${path}: ${reason[1]}`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new StartupError(`配置文件 ${path} 不是有效的 JSON：${(error as Error).message}`, `the configuration file ${path} is not valid JSON: ${(error as Error).message}`);
    }
    applyFile(config, raw, path);
  }
  const source = '环境变量 environment';
  if (env.GONGKAI_PORT !== undefined && env.GONGKAI_PORT !== '') config.port = port(env.GONGKAI_PORT, source, 'GONGKAI_PORT');
  if (env.GONGKAI_HOST) config.host = env.GONGKAI_HOST.trim();
  if (env.GONGKAI_ORIGINS !== undefined) config.origins = env.GONGKAI_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean).map((o) => origin(o, source));
  if (env.GONGKAI_FORMS) config.forms = env.GONGKAI_FORMS.split(',').map((p) => p.trim()).filter(Boolean).map((p) => resolve(cwd, p));
  if (env.GONGKAI_DB) config.storage.path = resolve(cwd, env.GONGKAI_DB.trim());
  if (config.forms.length === 0) {
    throw new StartupError(
      '没有配置表单：请在配置文件中写 "forms": "表单目录"，或设置环境变量 GONGKAI_FORMS=表单目录',
      'no forms configured: set "forms": "directory" in the configuration file, or GONGKAI_FORMS=directory',
    );
  }
  return config;
}
