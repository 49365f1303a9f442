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
 *
 * One server may host many organisations (`organisations`, issue 19): each its own
 * forms, origins, host names, tracking-code prefix, publisher name, public contacts and
 * signing keys, served under /t/<id>/ or on its own host names. The top-level forms,
 * origins, codePrefix, … are the default organisation's, at the root URLs — a config
 * without `organisations` is one organisation, exactly as before.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, join, resolve } from 'node:path';
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

/** The id the top-level settings' organisation has in the database (and in `--org`): served at the root URLs. */
export const DEFAULT_ORG = 'default';
/** An organisation's id: its URL segment (/t/<id>/) and its key in the database. Never renamed: export and import to move. */
export const ORG_ID = /^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/;

/** What each organisation has of its own (the default one's are the top-level settings). */
export interface OrgConfig {
  id: string;
  /** The publishing body (编制单位): a feed's owner and a signed statement's publisher; default org: staff.owner. */
  name?: string;
  /** Directories and files of form, consultation and disclosure-request documents. */
  forms: string[];
  /** Origins (scheme://host[:port]) whose pages may send to it from the browser. */
  origins: string[];
  /** Host names that serve this organisation at the root URLs (www.wjj.example.gov.cn), beside /t/<id>/. */
  hosts: string[];
  /** Tracking codes look like PREFIX2026-7KQ4-MX2P. */
  codePrefix: string;
  /** The county's time zone: dates received and deadlines are its calendar days. */
  timeZone: string;
  /** Working days to the reply deadline: `default`, and per form name. */
  workingDays: { default: number } & Record<string, number>;
  /** The office's own phone numbers, e-mail and street addresses: left as written when published text is de-identified. */
  publicContacts: string[];
  /** The folder of its signing keys (documents/signing.ts); none: its documents are published unsigned. */
  signingKeys?: string;
}

export interface ServerConfig {
  host: string;
  port: number;
  /** Origins (scheme://host[:port]) whose pages may send to this server from the browser. */
  origins: string[];
  /** Directories and files of form, consultation and disclosure-request documents. */
  forms: string[];
  /** `path` and `busyTimeoutMs` for SQLite; `url`, `poolSize` and `connectTimeoutMs` for PostgreSQL. */
  storage: {
    type: 'sqlite' | 'postgres';
    path: string;
    busyTimeoutMs: number;
    url?: string;
    poolSize?: number;
    connectTimeoutMs?: number;
  };
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
  /** The organisations besides the default one (whose settings are the ones above, when `forms` is set). */
  organisations: OrgConfig[];
  /** Log lines: JSON objects (time, level, org, route, status, duration), one per request when `requests`. */
  log: { requests: boolean };
  /** GET /metrics (Prometheus text) for these client addresses or networks only, never through the proxy; [] turns it off. */
  metrics: { allow: string[] };
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
  staff: {
    sessionHours: 8,
    login: { perAddress: { max: 20, windowSeconds: 600 }, perAccount: { max: 5, windowSeconds: 900 } },
  },
  codePrefix: 'GK',
  timeZone: 'Asia/Shanghai',
  // 《政府信息公开条例》第三十三条: a reply within 20 working days.
  workingDays: { default: 20 },
  publicContacts: [],
  organisations: [],
  log: { requests: true },
  metrics: { allow: ['127.0.0.1', '::1'] },
};

const KEYS = new Set([
  '$schema',
  'host',
  'port',
  'origins',
  'forms',
  'storage',
  'bodyLimit',
  'rateLimit',
  'trustProxy',
  'codePrefix',
  'timeZone',
  'workingDays',
  'staff',
  'signingKeys',
  'publicContacts',
  'organisations',
  'log',
  'metrics',
]);
const ORG_KEYS = [
  'name',
  'forms',
  'origins',
  'hosts',
  'codePrefix',
  'timeZone',
  'workingDays',
  'publicContacts',
  'signingKeys',
];

function bad(zhWhat: string, enWhat: string, source: string): never {
  throw new StartupError(`配置错误（${source}）：${zhWhat}`, `configuration error (${source}): ${enWhat}`);
}

function port(value: unknown, source: string, name: string): number {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 65535)
    bad(
      `${name} 应为 0–65535 的整数，实际为 ${JSON.stringify(value)}`,
      `${name} must be an integer from 0 to 65535, got ${JSON.stringify(value)}`,
      source,
    );
  return n;
}

function origin(value: unknown, source: string): string {
  if (typeof value !== 'string')
    bad(
      `origins 中的每一项应为文本，如 "https://www.example.gov.cn"`,
      `each of origins must be a string such as "https://www.example.gov.cn"`,
      source,
    );
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return bad(
      `origins 中的 "${value}" 不是有效的来源，应如 "https://www.example.gov.cn"`,
      `"${value}" in origins is not an origin such as "https://www.example.gov.cn"`,
      source,
    );
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== value.trim().replace(/\/$/, '')) {
    bad(
      `origins 中的 "${value}" 应只含协议、域名和端口，如 "https://www.example.gov.cn"`,
      `"${value}" in origins must be scheme, host and port only, like "https://www.example.gov.cn"`,
      source,
    );
  }
  return url.origin;
}

function positiveInt(value: unknown, source: string, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0)
    bad(
      `${name} 应为正整数，实际为 ${JSON.stringify(value)}`,
      `${name} must be a positive integer, got ${JSON.stringify(value)}`,
      source,
    );
  return value;
}

function limit(value: unknown, source: string, name: string): Limit | null {
  if (value === null || value === false) return null;
  if (!value || typeof value !== 'object')
    bad(
      `${name} 应为 {"max": 数量, "windowSeconds": 秒} 或 null（不限制）`,
      `${name} must be {"max": n, "windowSeconds": s} or null (no limit)`,
      source,
    );
  const v = value as Record<string, unknown>;
  return {
    max: positiveInt(v.max, source, `${name}.max`),
    windowSeconds: positiveInt(v.windowSeconds, source, `${name}.windowSeconds`),
  };
}

function string(value: unknown, source: string, name: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    bad(`${name} 应为非空文本`, `${name} must be a non-empty string`, source);
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
    bad(
      `${name} "${shown}" 不是有效的 PostgreSQL 连接地址，应如 "postgres://gongkai:密码@127.0.0.1:5432/gongkai"`,
      `${name} "${shown}" is not a PostgreSQL URL such as "postgres://gongkai:password@127.0.0.1:5432/gongkai"`,
      source,
    );
  }
  if (url.port !== '' && !(Number(url.port) > 0 && Number(url.port) <= 65535))
    bad(`${name} 中的端口 "${url.port}" 无效`, `the port "${url.port}" in ${name} is not valid`, source);
  try {
    decodeURIComponent(url.username + url.password + url.pathname);
  } catch {
    bad(`${name} "${shown}" 含有无效的 % 编码`, `${name} "${shown}" has an invalid %-escape`, source);
  }
  return text;
}

function applyStaff(config: ServerConfig, value: unknown, source: string, base: string): void {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    bad(
      'staff 应为 {"sessionHours": 8, "login": {…}, "owner": "发布单位"}',
      'staff must be {"sessionHours": 8, "login": {…}, "owner": "publisher"}',
      source,
    );
  const v = value as Record<string, unknown>;
  for (const key of Object.keys(v)) {
    if (!['sessionHours', 'login', 'owner', 'bundle'].includes(key))
      bad(
        `staff 中未知的配置项 "${key}"（可用：sessionHours、login、owner、bundle）`,
        `unknown setting "${key}" in staff (known: sessionHours, login, owner, bundle)`,
        source,
      );
  }
  if (v.sessionHours !== undefined)
    config.staff.sessionHours = positiveInt(v.sessionHours, source, 'staff.sessionHours');
  if (v.owner !== undefined) config.staff.owner = string(v.owner, source, 'staff.owner');
  if (v.bundle !== undefined) config.staff.bundle = resolve(base, string(v.bundle, source, 'staff.bundle'));
  if (v.login !== undefined) {
    if (v.login === null || v.login === false) config.staff.login = { perAddress: null, perAccount: null };
    else {
      const l = v.login as Record<string, unknown>;
      if (typeof l !== 'object')
        bad(
          'staff.login 应为 {"perAddress": …, "perAccount": …}',
          'staff.login must be {"perAddress": …, "perAccount": …}',
          source,
        );
      if (l.perAddress !== undefined)
        config.staff.login.perAddress = limit(l.perAddress, source, 'staff.login.perAddress');
      if (l.perAccount !== undefined)
        config.staff.login.perAccount = limit(l.perAccount, source, 'staff.login.perAccount');
    }
  }
}

/** The settings each organisation has of its own (the top-level ones are the default organisation's). */
type OrgFields = Pick<
  OrgConfig,
  'forms' | 'origins' | 'codePrefix' | 'timeZone' | 'workingDays' | 'publicContacts' | 'signingKeys'
>;

/** Applies the organisation-level settings of `v` onto `target`; `at` prefixes the names in messages ("organisations.wjj."). */
function applyOrgFields(target: OrgFields, v: Record<string, unknown>, source: string, base: string, at = ''): void {
  if (v.origins !== undefined) {
    if (!Array.isArray(v.origins))
      bad(
        `${at}origins 应为来源列表，如 ["https://www.example.gov.cn"]`,
        `${at}origins must be a list such as ["https://www.example.gov.cn"]`,
        source,
      );
    target.origins = v.origins.map((o) => origin(o, source));
  }
  if (v.forms !== undefined) {
    const list = typeof v.forms === 'string' ? [v.forms] : v.forms;
    if (!Array.isArray(list) || list.length === 0)
      bad(
        `${at}forms 应为表单文件所在的目录或文件（一个或多个）`,
        `${at}forms must name one or more directories or files of form documents`,
        source,
      );
    target.forms = list.map((p) => resolve(base, string(p, source, `${at}forms`)));
  }
  if (v.signingKeys !== undefined && v.signingKeys !== null)
    target.signingKeys = resolve(base, string(v.signingKeys, source, `${at}signingKeys`));
  if (v.codePrefix !== undefined) {
    if (typeof v.codePrefix !== 'string' || !/^[A-Z]{0,6}$/.test(v.codePrefix))
      bad(
        `${at}codePrefix 应为 0–6 个大写字母，如 "PL"`,
        `${at}codePrefix must be 0 to 6 capital letters, like "PL"`,
        source,
      );
    target.codePrefix = v.codePrefix;
  }
  if (v.timeZone !== undefined) target.timeZone = timeZone(v.timeZone, source);
  if (v.workingDays !== undefined) {
    const w = v.workingDays as Record<string, unknown>;
    if (!w || typeof w !== 'object')
      bad(
        `${at}workingDays 应为 {"default": 20, "表单名": 天数}`,
        `${at}workingDays must be {"default": 20, "form name": days}`,
        source,
      );
    for (const [name, days] of Object.entries(w))
      target.workingDays[name] = positiveInt(days, source, `${at}workingDays.${name}`);
  }
  if (v.publicContacts !== undefined) {
    if (!Array.isArray(v.publicContacts))
      bad(
        `${at}publicContacts 应为公开的联系方式列表，如 ["0952-6012345"]`,
        `${at}publicContacts must be a list of public contacts such as ["0952-6012345"]`,
        source,
      );
    target.publicContacts = v.publicContacts.map((contact, i) => string(contact, source, `${at}publicContacts[${i}]`));
  }
}

/** A host name as a Host header names it (lower case, with a port only if not the default). */
function hostName(value: unknown, source: string, name: string): string {
  const text = string(value, source, name).toLowerCase();
  if (!/^[a-z0-9.-]+(?::\d{1,5})?$/.test(text) || text.startsWith('.'))
    bad(
      `${name} "${text}" 应为主机名，如 "wjj.pingluo.gov.cn"`,
      `${name} "${text}" must be a host name such as "wjj.pingluo.gov.cn"`,
      source,
    );
  return text;
}

/** One organisation from its settings; its own settings start from the server-wide defaults (time zone, working days, prefix GK). */
function organisation(id: string, raw: unknown, source: string, base: string, config: ServerConfig): OrgConfig {
  const at = `organisations.${id}.`;
  if (!ORG_ID.test(id) || id === DEFAULT_ORG)
    bad(
      `组织编号 "${id}" 应为 1–32 个小写字母、数字或连字符（"${DEFAULT_ORG}" 保留给顶层设置）`,
      `the organisation id "${id}" must be 1 to 32 lowercase letters, digits or hyphens ("${DEFAULT_ORG}" is the top-level settings')`,
      source,
    );
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    bad(
      `${at.slice(0, -1)} 应为 {"name": "发布单位", "forms": "表单目录", …}`,
      `${at.slice(0, -1)} must be {"name": "publisher", "forms": "directory", …}`,
      source,
    );
  const v = raw as Record<string, unknown>;
  for (const key of Object.keys(v)) {
    if (key !== '$schema' && !ORG_KEYS.includes(key))
      bad(
        `${at.slice(0, -1)} 中未知的配置项 "${key}"（可用：${ORG_KEYS.join('、')}）`,
        `unknown setting "${key}" in ${at.slice(0, -1)} (known: ${ORG_KEYS.join(', ')})`,
        source,
      );
  }
  const org: OrgConfig = {
    id,
    forms: [],
    origins: [],
    hosts: [],
    codePrefix: DEFAULTS.codePrefix,
    timeZone: config.timeZone,
    workingDays: { ...DEFAULTS.workingDays },
    publicContacts: [],
  };
  applyOrgFields(org, v, source, base, at);
  if (v.name !== undefined) org.name = string(v.name, source, `${at}name`);
  if (v.hosts !== undefined) {
    if (!Array.isArray(v.hosts))
      bad(
        `${at}hosts 应为主机名列表，如 ["wjj.pingluo.gov.cn"]`,
        `${at}hosts must be a list such as ["wjj.pingluo.gov.cn"]`,
        source,
      );
    org.hosts = v.hosts.map((h, i) => hostName(h, source, `${at}hosts[${i}]`));
  }
  if (org.forms.length === 0)
    bad(
      `${at}forms 缺失：每个组织都须有自己的表单目录`,
      `${at}forms is missing: every organisation needs its forms`,
      source,
    );
  return org;
}

/** `organisations`: an object of id → settings, or a folder of <id>.json files (paths in each relative to it). */
function applyOrganisations(config: ServerConfig, value: unknown, source: string, base: string): void {
  const found: OrgConfig[] = [];
  if (typeof value === 'string') {
    const dir = resolve(base, value);
    let files: string[];
    try {
      files = readdirSync(dir)
        .filter((f) => f.endsWith('.json') && !f.startsWith('.'))
        .sort();
    } catch {
      return bad(`找不到组织配置目录 ${dir}`, `the organisations folder ${dir} was not found`, source);
    }
    for (const file of files) {
      const path = join(dir, file);
      found.push(organisation(file.slice(0, -'.json'.length), readJson(path), path, dirname(path), config));
    }
  } else if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [id, raw] of Object.entries(value)) found.push(organisation(id, raw, source, base, config));
  } else
    bad(
      'organisations 应为 {"组织编号": {…}} 或一个目录（每个组织一个 <编号>.json）',
      'organisations must be {"id": {…}} or a folder with one <id>.json per organisation',
      source,
    );
  const hosts = new Map<string, string>();
  for (const org of found) {
    for (const host of org.hosts) {
      const other = hosts.get(host);
      if (other)
        bad(
          `主机名 ${host} 同时分配给了 ${other} 和 ${org.id}`,
          `the host ${host} is given to both ${other} and ${org.id}`,
          source,
        );
      hosts.set(host, org.id);
    }
  }
  config.organisations = found;
}

/** Applies a parsed config file's values onto `config`. */
function applyFile(config: ServerConfig, raw: unknown, file: string): void {
  const source = file;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    bad('配置文件应为一个 JSON 对象', 'the configuration file must hold one JSON object', source);
  const v = raw as Record<string, unknown>;
  for (const key of Object.keys(v)) {
    if (!KEYS.has(key))
      bad(
        `未知的配置项 "${key}"（可用：${[...KEYS].slice(1).join('、')}）`,
        `unknown setting "${key}" (known: ${[...KEYS].slice(1).join(', ')})`,
        source,
      );
  }
  const base = dirname(file);
  if (v.host !== undefined) config.host = string(v.host, source, 'host');
  if (v.port !== undefined) config.port = port(v.port, source, 'port');
  applyOrgFields(config, v, source, base);
  if (v.storage !== undefined) {
    const s = v.storage as Record<string, unknown>;
    if (!s || typeof s !== 'object')
      bad(
        'storage 应为 {"type": "sqlite", "path": "数据库文件"} 或 {"type": "postgres", "url": "postgres://…"}',
        'storage must be {"type": "sqlite", "path": "database file"} or {"type": "postgres", "url": "postgres://…"}',
        source,
      );
    if (s.type !== undefined && s.type !== 'sqlite' && s.type !== 'postgres')
      bad(
        `storage.type 应为 "sqlite" 或 "postgres"，实际为 ${JSON.stringify(s.type)}`,
        `storage.type must be "sqlite" or "postgres", got ${JSON.stringify(s.type)}`,
        source,
      );
    config.storage.type = s.type === 'postgres' ? 'postgres' : 'sqlite';
    const allowed =
      config.storage.type === 'postgres'
        ? ['type', 'url', 'poolSize', 'connectTimeoutMs']
        : ['type', 'path', 'busyTimeoutMs'];
    for (const key of Object.keys(s)) {
      if (!allowed.includes(key))
        bad(
          `storage 中未知的配置项 "${key}"（${config.storage.type} 可用：${allowed.join('、')}）`,
          `unknown setting "${key}" in storage (for ${config.storage.type}: ${allowed.join(', ')})`,
          source,
        );
    }
    if (s.path !== undefined) config.storage.path = resolve(base, string(s.path, source, 'storage.path'));
    if (s.busyTimeoutMs !== undefined)
      config.storage.busyTimeoutMs = positiveInt(s.busyTimeoutMs, source, 'storage.busyTimeoutMs');
    if (s.url !== undefined) config.storage.url = postgresUrl(s.url, source, 'storage.url');
    if (s.poolSize !== undefined) config.storage.poolSize = positiveInt(s.poolSize, source, 'storage.poolSize');
    if (s.connectTimeoutMs !== undefined)
      config.storage.connectTimeoutMs = positiveInt(s.connectTimeoutMs, source, 'storage.connectTimeoutMs');
  }
  if (v.bodyLimit !== undefined) config.bodyLimit = positiveInt(v.bodyLimit, source, 'bodyLimit');
  if (v.rateLimit !== undefined) {
    if (v.rateLimit === null || v.rateLimit === false) config.rateLimit = { submissions: null, lookups: null };
    else {
      const r = v.rateLimit as Record<string, unknown>;
      if (typeof r !== 'object')
        bad(
          'rateLimit 应为 {"submissions": …, "lookups": …}',
          'rateLimit must be {"submissions": …, "lookups": …}',
          source,
        );
      if (r.submissions !== undefined)
        config.rateLimit.submissions = limit(r.submissions, source, 'rateLimit.submissions');
      if (r.lookups !== undefined) config.rateLimit.lookups = limit(r.lookups, source, 'rateLimit.lookups');
    }
  }
  if (v.trustProxy !== undefined) {
    if (typeof v.trustProxy !== 'boolean')
      bad('trustProxy 应为 true 或 false', 'trustProxy must be true or false', source);
    config.trustProxy = v.trustProxy;
  }
  if (v.staff !== undefined) applyStaff(config, v.staff, source, base);
  if (v.log !== undefined) {
    const l = v.log as Record<string, unknown>;
    if (
      !l ||
      typeof l !== 'object' ||
      Object.keys(l).some((k) => k !== 'requests') ||
      (l.requests !== undefined && typeof l.requests !== 'boolean')
    )
      bad('log 应为 {"requests": true 或 false}', 'log must be {"requests": true or false}', source);
    if (typeof l.requests === 'boolean') config.log.requests = l.requests;
  }
  if (v.metrics !== undefined) {
    const m = v.metrics as Record<string, unknown>;
    if (!m || typeof m !== 'object' || !Array.isArray(m.allow) || Object.keys(m).some((k) => k !== 'allow'))
      bad(
        'metrics 应为 {"allow": ["127.0.0.1", "10.0.0.0/8"]}',
        'metrics must be {"allow": ["127.0.0.1", "10.0.0.0/8"]}',
        source,
      );
    config.metrics.allow = (m.allow as unknown[]).map((a, i) => network(a, source, `metrics.allow[${i}]`));
  }
  // After the top-level settings: an organisation's time zone defaults to the server's.
  if (v.organisations !== undefined) applyOrganisations(config, v.organisations, source, base);
}

/** An address (127.0.0.1, ::1) or a network (10.0.0.0/8) for metrics.allow. */
function network(value: unknown, source: string, name: string): string {
  const text = string(value, source, name);
  const [address, bits, extra] = text.split('/');
  const family = isIP(address ?? '');
  const max = family === 6 ? 128 : 32;
  if (!family || extra !== undefined || (bits !== undefined && !(/^\d{1,3}$/.test(bits) && Number(bits) <= max)))
    bad(
      `${name} "${text}" 应为地址或网段，如 "10.0.0.0/8"`,
      `${name} "${text}" must be an address or a network such as "10.0.0.0/8"`,
      source,
    );
  return text;
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? ['文件不存在', 'no such file']
        : [String((error as Error).message), String((error as Error).message)];
    throw new StartupError(
      `无法读取配置文件 ${path}：${reason[0]}`,
      `cannot read the configuration file ${path}: ${reason[1]}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new StartupError(
      `配置文件 ${path} 不是有效的 JSON：${(error as Error).message}`,
      `the configuration file ${path} is not valid JSON: ${(error as Error).message}`,
    );
  }
}

function timeZone(value: unknown, source: string): string {
  const zone = string(value, source, 'timeZone');
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    bad(
      `timeZone "${zone}" 不是有效的时区，如 "Asia/Shanghai"`,
      `timeZone "${zone}" is not a time zone such as "Asia/Shanghai"`,
      source,
    );
  }
  return zone;
}

/** The configuration from a file (optional) and the environment. Throws StartupError with both languages. */
export function loadConfig(file: string | undefined, env: NodeJS.ProcessEnv, cwd = process.cwd()): ServerConfig {
  const config: ServerConfig = structuredClone(DEFAULTS);
  config.storage.path = resolve(cwd, DEFAULTS.storage.path);
  if (file) {
    const path = resolve(cwd, file);
    const raw = readJson(path);
    applyFile(config, raw, path);
  }
  const source = '环境变量 environment';
  if (env.GONGKAI_PORT !== undefined && env.GONGKAI_PORT !== '')
    config.port = port(env.GONGKAI_PORT, source, 'GONGKAI_PORT');
  if (env.GONGKAI_HOST) config.host = env.GONGKAI_HOST.trim();
  if (env.GONGKAI_KEYS) config.signingKeys = resolve(cwd, env.GONGKAI_KEYS.trim());
  if (env.GONGKAI_ORIGINS !== undefined)
    config.origins = env.GONGKAI_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean)
      .map((o) => origin(o, source));
  if (env.GONGKAI_FORMS)
    config.forms = env.GONGKAI_FORMS.split(',')
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => resolve(cwd, p));
  if (env.GONGKAI_DB) {
    // A postgres:// (postgresql://) URL selects PostgreSQL; anything else is the SQLite file.
    const db = env.GONGKAI_DB.trim();
    if (/^postgres(ql)?:/i.test(db))
      Object.assign(config.storage, { type: 'postgres', url: postgresUrl(db, source, 'GONGKAI_DB') });
    else Object.assign(config.storage, { type: 'sqlite', path: resolve(cwd, db) });
  }
  if (config.storage.type === 'postgres' && !config.storage.url) {
    bad(
      'storage.type 为 "postgres" 时需要连接地址：在 storage.url 中写 "postgres://用户@主机:5432/数据库"，或设置 GONGKAI_DB=postgres://…',
      'storage.type "postgres" needs a URL: set storage.url to "postgres://user@host:5432/database", or GONGKAI_DB=postgres://…',
      file ?? source,
    );
  }
  if (config.forms.length === 0 && config.organisations.length === 0) {
    throw new StartupError(
      '没有配置表单：请在配置文件中写 "forms": "表单目录"，或设置环境变量 GONGKAI_FORMS=表单目录（多个组织：写 "organisations"）',
      'no forms configured: set "forms": "directory" in the configuration file, or GONGKAI_FORMS=directory (several organisations: "organisations")',
    );
  }
  return config;
}

/** An organisation's settings as one server's: the server-wide ones (storage, limits, staff sign-in) with its own. */
export function tenantConfig(config: ServerConfig, org: OrgConfig): ServerConfig {
  return {
    ...config,
    forms: org.forms,
    origins: org.origins,
    codePrefix: org.codePrefix,
    timeZone: org.timeZone,
    workingDays: org.workingDays,
    publicContacts: org.publicContacts,
    signingKeys: org.signingKeys,
    staff: { ...config.staff, owner: org.name ?? config.staff.owner },
  };
}

/** The organisations a config describes: the default one when the top level has forms, then `organisations`. */
export function organisationsOf(config: ServerConfig): Array<{ id: string; config: ServerConfig; hosts: string[] }> {
  const out = config.forms.length ? [{ id: DEFAULT_ORG, config, hosts: [] as string[] }] : [];
  for (const org of config.organisations) out.push({ id: org.id, config: tenantConfig(config, org), hosts: org.hosts });
  return out;
}
