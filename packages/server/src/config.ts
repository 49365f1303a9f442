/**
 * The server's configuration: a JSON file (`--config path`) and/or environment
 * variables, the environment winning. Relative paths in the file are relative to
 * the file; in the environment, to the working directory.
 *
 *   GONGKAI_PORT      port (0: any free port)
 *   GONGKAI_HOST      address to listen on (default 127.0.0.1: put a reverse proxy in front)
 *   GONGKAI_ORIGINS   allowed CORS origins, comma-separated (https://www.example.gov.cn)
 *   GONGKAI_FORMS     form documents: a directory or file; several separated by commas
 *   GONGKAI_DB        the SQLite database file, or a postgres:// URL (PostgreSQL)
 *   GONGKAI_KEYS      the folder of the keys that sign published documents
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { StartupError } from './errors.js';

export interface Limit {
  /** Requests allowed per address in one window. */
  max: number;
  windowSeconds: number;
}

/** The staff side (staff.ts): sessions, sign-in limits, and the name published feeds give as their owner. */
export interface StaffConfig {
  /** Hours a sign-in lasts. */
  sessionHours: number;
  /** Sign-in attempts per address, and failed ones per account; null switches one off. */
  login: { perAddress: Limit | null; perAccount: Limit | null };
  /** The office that publishes (a feed's owner, 编制单位); default: the form's title. */
  owner?: string;
  /** The library's bundle served at /staff/gongkai.js (its gongkai-provenance.js from the same folder); default the `gongkai` package's. */
  bundle?: string;
}

export interface ServerConfig {
  host: string;
  port: number;
  /** Origins (scheme://host[:port]) whose pages may send to this server from the browser. */
  origins: string[];
  /** Directories and files of form, consultation and disclosure-request documents. */
  forms: string[];
  /** `path` and `busyTimeoutMs` for SQLite; `url`, `poolSize` and `connectTimeoutMs` for PostgreSQL. */
  storage: { type: 'sqlite' | 'postgres'; path: string; busyTimeoutMs: number; url?: string; poolSize?: number; connectTimeoutMs?: number };
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
  /** Per-address limits; null switches one off. */
  rateLimit: { submissions: Limit | null; lookups: Limit | null };
  /** Behind a reverse proxy: take the client's address from the last X-Forwarded-For entry. */
  trustProxy: boolean;
  /** The staff page, its API and sign-in. */
  staff: StaffConfig;
  /** Tracking codes look like PREFIX2026-7KQ4-MX2P. */
  codePrefix: string;
  /** The county's time zone: dates received and deadlines are its calendar days. */
  timeZone: string;
  /** Working days to the reply deadline: `default`, and per form name. */
  workingDays: { default: number } & Record<string, number>;
  /** The folder of the keys that sign published documents (documents/signing.ts); none: documents are published unsigned. */
  signingKeys?: string;
  /** The office's own phone numbers, e-mail and street addresses: left as written when published text is de-identified. */
  publicContacts: string[];
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
  staff: { sessionHours: 8, login: { perAddress: { max: 20, windowSeconds: 600 }, perAccount: { max: 5, windowSeconds: 900 } } },
  codePrefix: 'GK',
  timeZone: 'Asia/Shanghai',
  // 《政府信息公开条例》第三十三条: a reply within 20 working days.
  workingDays: { default: 20 },
  publicContacts: [],
};

const KEYS = new Set(['$schema', 'host', 'port', 'origins', 'forms', 'storage', 'bodyLimit', 'rateLimit', 'trustProxy', 'codePrefix', 'timeZone', 'workingDays', 'staff', 'signingKeys', 'publicContacts']);

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

/** A postgres:// or postgresql:// URL (user, password, host, port, database, ?sslmode=…); never echoed with its password. */
function postgresUrl(value: unknown, source: string, name: string): string {
  const text = string(value, source, name);
  const shown = text.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')) {
    bad(`${name} "${shown}" 不是有效的 PostgreSQL 连接地址，应如 "postgres://gongkai:密码@127.0.0.1:5432/gongkai"`, `${name} "${shown}" is not a PostgreSQL URL such as "postgres://gongkai:password@127.0.0.1:5432/gongkai"`, source);
  }
  if (url.port !== '' && !(Number(url.port) > 0 && Number(url.port) <= 65535)) bad(`${name} 中的端口 "${url.port}" 无效`, `the port "${url.port}" in ${name} is not valid`, source);
  try {
    decodeURIComponent(url.username + url.password + url.pathname);
  } catch {
    bad(`${name} "${shown}" 含有无效的 % 编码`, `${name} "${shown}" has an invalid %-escape`, source);
  }
  return text;
}

function applyStaff(config: ServerConfig, value: unknown, source: string, base: string): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) bad('staff 应为 {"sessionHours": 8, "login": {…}, "owner": "发布单位"}', 'staff must be {"sessionHours": 8, "login": {…}, "owner": "publisher"}', source);
  const v = value as Record<string, unknown>;
  for (const key of Object.keys(v)) {
    if (!['sessionHours', 'login', 'owner', 'bundle'].includes(key)) bad(`staff 中未知的配置项 "${key}"（可用：sessionHours、login、owner、bundle）`, `unknown setting "${key}" in staff (known: sessionHours, login, owner, bundle)`, source);
  }
  if (v.sessionHours !== undefined) config.staff.sessionHours = positiveInt(v.sessionHours, source, 'staff.sessionHours');
  if (v.owner !== undefined) config.staff.owner = string(v.owner, source, 'staff.owner');
  if (v.bundle !== undefined) config.staff.bundle = resolve(base, string(v.bundle, source, 'staff.bundle'));
  if (v.login !== undefined) {
    if (v.login === null || v.login === false) config.staff.login = { perAddress: null, perAccount: null };
    else {
      const l = v.login as Record<string, unknown>;
      if (typeof l !== 'object') bad('staff.login 应为 {"perAddress": …, "perAccount": …}', 'staff.login must be {"perAddress": …, "perAccount": …}', source);
      if (l.perAddress !== undefined) config.staff.login.perAddress = limit(l.perAddress, source, 'staff.login.perAddress');
      if (l.perAccount !== undefined) config.staff.login.perAccount = limit(l.perAccount, source, 'staff.login.perAccount');
    }
  }
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
    if (!s || typeof s !== 'object') bad('storage 应为 {"type": "sqlite", "path": "数据库文件"} 或 {"type": "postgres", "url": "postgres://…"}', 'storage must be {"type": "sqlite", "path": "database file"} or {"type": "postgres", "url": "postgres://…"}', source);
    if (s.type !== undefined && s.type !== 'sqlite' && s.type !== 'postgres') bad(`storage.type 应为 "sqlite" 或 "postgres"，实际为 ${JSON.stringify(s.type)}`, `storage.type must be "sqlite" or "postgres", got ${JSON.stringify(s.type)}`, source);
    config.storage.type = s.type === 'postgres' ? 'postgres' : 'sqlite';
    const allowed = config.storage.type === 'postgres' ? ['type', 'url', 'poolSize', 'connectTimeoutMs'] : ['type', 'path', 'busyTimeoutMs'];
    for (const key of Object.keys(s)) {
      if (!allowed.includes(key)) bad(`storage 中未知的配置项 "${key}"（${config.storage.type} 可用：${allowed.join('、')}）`, `unknown setting "${key}" in storage (for ${config.storage.type}: ${allowed.join(', ')})`, source);
    }
    if (s.path !== undefined) config.storage.path = resolve(base, string(s.path, source, 'storage.path'));
    if (s.busyTimeoutMs !== undefined) config.storage.busyTimeoutMs = positiveInt(s.busyTimeoutMs, source, 'storage.busyTimeoutMs');
    if (s.url !== undefined) config.storage.url = postgresUrl(s.url, source, 'storage.url');
    if (s.poolSize !== undefined) config.storage.poolSize = positiveInt(s.poolSize, source, 'storage.poolSize');
    if (s.connectTimeoutMs !== undefined) config.storage.connectTimeoutMs = positiveInt(s.connectTimeoutMs, source, 'storage.connectTimeoutMs');
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
  if (v.staff !== undefined) applyStaff(config, v.staff, source, base);
  if (v.signingKeys !== undefined && v.signingKeys !== null) config.signingKeys = resolve(base, string(v.signingKeys, source, 'signingKeys'));
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
  if (v.publicContacts !== undefined) {
    if (!Array.isArray(v.publicContacts)) bad('publicContacts 应为公开的联系方式列表，如 ["0952-6012345"]', 'publicContacts must be a list of public contacts such as ["0952-6012345"]', source);
    config.publicContacts = v.publicContacts.map((contact, i) => string(contact, source, `publicContacts[${i}]`));
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
  if (env.GONGKAI_KEYS) config.signingKeys = resolve(cwd, env.GONGKAI_KEYS.trim());
  if (env.GONGKAI_ORIGINS !== undefined) config.origins = env.GONGKAI_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean).map((o) => origin(o, source));
  if (env.GONGKAI_FORMS) config.forms = env.GONGKAI_FORMS.split(',').map((p) => p.trim()).filter(Boolean).map((p) => resolve(cwd, p));
  if (env.GONGKAI_DB) {
    // A postgres:// (postgresql://) URL selects PostgreSQL; anything else is the SQLite file.
    const db = env.GONGKAI_DB.trim();
    if (/^postgres(ql)?:/i.test(db)) Object.assign(config.storage, { type: 'postgres', url: postgresUrl(db, source, 'GONGKAI_DB') });
    else Object.assign(config.storage, { type: 'sqlite', path: resolve(cwd, db) });
  }
  if (config.storage.type === 'postgres' && !config.storage.url) {
    bad('storage.type 为 "postgres" 时需要连接地址：在 storage.url 中写 "postgres://用户@主机:5432/数据库"，或设置 GONGKAI_DB=postgres://…', 'storage.type "postgres" needs a URL: set storage.url to "postgres://user@host:5432/database", or GONGKAI_DB=postgres://…', file ?? source);
  }
  if (config.forms.length === 0) {
    throw new StartupError(
      '没有配置表单：请在配置文件中写 "forms": "表单目录"，或设置环境变量 GONGKAI_FORMS=表单目录',
      'no forms configured: set "forms": "directory" in the configuration file, or GONGKAI_FORMS=directory',
    );
  }
  return config;
}
