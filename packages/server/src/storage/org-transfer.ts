/**
 * One organisation's data out of one database and into another (`gongkai-server export` /
 * `import`, transfer-cli.ts), so a county can move platforms: SQLite → PostgreSQL, one
 * platform's PostgreSQL → another's.
 *
 * The file is JSON Lines: a header `{"format": "gongkai-export/1", "org", "schema", "exportedAt"}`,
 * one `{"table", "row"}` per row — accounts, account events, submissions and their events,
 * documents, their revisions and their events, in that order — and a last line
 * `{"end": true, "counts": {table: n}}`, so a file cut short is refused. Values are written
 * alike from both databases: times as toISOString() text, days YYYY-MM-DD, flags as
 * booleans, JSON values as JSON. Ids are the exporting database's: they tie the rows
 * together in the file, and the importing database gives new ones. Sessions and rate-limit
 * counters are not exported (everyone signs in again); signing keys are files, moved
 * with their folder (docs/deployment.md).
 */
import { StartupError } from '../errors.js';
import { jsonValue } from './rows.js';

export const EXPORT_FORMAT = 'gongkai-export/1';

type Kind = 'text' | 'int' | 'ts' | 'date' | 'bool' | 'json';
interface TableSpec {
  name: string;
  /** How its rows belong to the organisation: an org column, or a parent row's id. */
  parent?: { column: string; table: string };
  columns: Record<string, Kind>;
  /** Other columns holding ids of rows in the file (not foreign keys in the database). */
  refers?: Record<string, string>;
}

const TS = 'ts' as const;
export const TABLES: readonly TableSpec[] = [
  {
    name: 'staff_users',
    columns: {
      id: 'int',
      name: 'text',
      office: 'text',
      role: 'text',
      password_hash: 'text',
      disabled: 'bool',
      created_at: TS,
      updated_at: TS,
    },
  },
  { name: 'staff_events', columns: { id: 'int', at: TS, actor: 'text', action: 'text', detail: 'text' } },
  {
    name: 'submissions',
    columns: {
      id: 'int',
      tracking_code: 'text',
      form: 'text',
      kind: 'text',
      idempotency_key: 'text',
      body_hash: 'text',
      data: 'json',
      received_at: TS,
      received_on: 'date',
      deadline: 'date',
      step: 'text',
      replied_on: 'date',
      outcome: 'text',
      reason: 'text',
      office: 'text',
      reply: 'text',
      publish: 'bool',
      adoption: 'text',
      adoption_reason: 'text',
      outcome_detail: 'text',
      extended: 'bool',
      updated_at: TS,
    },
  },
  {
    name: 'submission_events',
    parent: { column: 'submission_id', table: 'submissions' },
    columns: { id: 'int', submission_id: 'int', at: TS, actor: 'text', action: 'text', note: 'text', detail: 'text' },
  },
  {
    name: 'documents',
    columns: {
      id: 'int',
      slug: 'text',
      kind: 'text',
      office: 'text',
      title: 'text',
      created_at: TS,
      created_by: 'text',
      updated_at: TS,
      latest_version: 'int',
      first_published_at: TS,
      withdrawn_at: TS,
      withdrawn_by: 'text',
      withdrawn_reason: 'text',
    },
  },
  {
    name: 'document_revisions',
    parent: { column: 'document_id', table: 'documents' },
    columns: {
      id: 'int',
      document_id: 'int',
      state: 'text',
      content: 'text',
      sha256: 'text',
      change_note: 'text',
      major: 'bool',
      author: 'text',
      created_at: TS,
      updated_at: TS,
      submitted_by: 'text',
      submitted_at: TS,
      reviewer: 'text',
      reviewer_office: 'text',
      reviewed_at: TS,
      return_reason: 'text',
      published_at: TS,
      published_by: 'text',
      version: 'int',
      unreviewed_reason: 'text',
      signature: 'text',
    },
  },
  {
    name: 'document_events',
    parent: { column: 'document_id', table: 'documents' },
    refers: { revision_id: 'document_revisions' },
    columns: {
      id: 'int',
      document_id: 'int',
      revision_id: 'int',
      version: 'int',
      at: TS,
      actor: 'text',
      action: 'text',
      note: 'text',
      detail: 'text',
    },
  },
];

/** What a storage lends the transfer: `?` placeholders on both databases. */
export interface TransferAccess {
  dialect: 'sqlite' | 'postgres';
  /** The database's migration version. */
  schemaVersion(): Promise<number>;
  all(sql: string, params: unknown[]): Promise<Record<string, unknown>[]>;
  /** `fn` in one transaction: all of it or nothing. */
  transaction<T>(
    fn: (run: (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>) => Promise<T>,
  ): Promise<T>;
}

export type ExportLine =
  | { format: string; org: string; schema: number; exportedAt: string }
  | { table: string; row: Record<string, unknown> }
  | { end: true; counts: Record<string, number> };

/** A column as each database is asked for it, so that both answer the same text. */
function selectColumn(dialect: TransferAccess['dialect'], column: string, kind: Kind): string {
  const c = `t.${column}`;
  if (dialect === 'sqlite') return c;
  if (kind === 'ts') return `to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${column}`;
  if (kind === 'date') return `to_char(${c}, 'YYYY-MM-DD') AS ${column}`;
  if (kind === 'json') return `${c}::text AS ${column}`;
  return c;
}

function portable(value: unknown, kind: Kind): unknown {
  if (value === null || value === undefined) return null;
  if (kind === 'int') return Number(value);
  if (kind === 'bool') return value === true || value === 1 || value === '1' || value === 't';
  if (kind === 'json') return jsonValue<unknown>(value);
  return String(value);
}

function stored(value: unknown, kind: Kind, dialect: TransferAccess['dialect']): unknown {
  if (value === null || value === undefined) return null;
  if (kind === 'bool') return dialect === 'sqlite' ? (value ? 1 : 0) : Boolean(value);
  if (kind === 'json') return JSON.stringify(value);
  return value;
}

/** Every row of `org`, in the file's order. */
export async function* exportOrg(access: TransferAccess, org: string): AsyncGenerator<ExportLine> {
  yield { format: EXPORT_FORMAT, org, schema: await access.schemaVersion(), exportedAt: new Date().toISOString() };
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const columns = Object.entries(table.columns)
      .map(([column, kind]) => selectColumn(access.dialect, column, kind))
      .join(', ');
    const where = table.parent
      ? `t.${table.parent.column} IN (SELECT id FROM ${table.parent.table} WHERE org = ?)`
      : 't.org = ?';
    const rows = await access.all(`SELECT ${columns} FROM ${table.name} t WHERE ${where} ORDER BY t.id`, [org]);
    counts[table.name] = rows.length;
    for (const raw of rows) {
      const row: Record<string, unknown> = {};
      for (const [column, kind] of Object.entries(table.columns)) row[column] = portable(raw[column], kind);
      yield { table: table.name, row };
    }
  }
  yield { end: true, counts };
}

const bad = (zh: string, en: string): never => {
  throw new StartupError(`导入失败：${zh}`, `import failed: ${en}`);
};

/** Writes an export into `org`, which must have no data yet; all or nothing. Answers the rows written per table. */
export async function importOrg(
  access: TransferAccess,
  org: string,
  lines: readonly ExportLine[],
): Promise<Record<string, number>> {
  const header = lines[0];
  if (!header || !('format' in header) || header.format !== EXPORT_FORMAT)
    bad(`第 1 行不是 ${EXPORT_FORMAT} 文件头`, `line 1 is not a ${EXPORT_FORMAT} header`);
  const last = lines[lines.length - 1];
  if (!last || !('end' in last))
    bad(
      '文件不完整（没有结尾行），可能在导出或复制时被截断',
      'the file is incomplete (no end line): cut short while exporting or copying?',
    );
  const schema = await access.schemaVersion();
  if ((header as { schema: number }).schema > schema)
    bad(
      `导出文件来自第 ${(header as { schema: number }).schema} 版数据库，比本库（第 ${schema} 版）新：请先升级本平台的 gongkai-server`,
      `the export comes from a database at version ${(header as { schema: number }).schema}, newer than this one (${schema}): upgrade this platform's gongkai-server first`,
    );
  const rows = lines.slice(1, -1) as Array<{ table: string; row: Record<string, unknown> }>;
  const expected = (last as { counts: Record<string, number> }).counts;
  const specs = new Map(TABLES.map((t) => [t.name, t]));
  const counted: Record<string, number> = {};
  for (const [i, line] of rows.entries()) {
    if (!line || typeof line !== 'object' || !specs.has(line.table) || !line.row || typeof line.row !== 'object')
      bad(`第 ${i + 2} 行不是数据行`, `line ${i + 2} is not a row`);
    counted[line.table] = (counted[line.table] ?? 0) + 1;
  }
  for (const table of TABLES) {
    if ((counted[table.name] ?? 0) !== (expected[table.name] ?? 0))
      bad(
        `${table.name} 应有 ${expected[table.name] ?? 0} 行，文件中有 ${counted[table.name] ?? 0} 行`,
        `${table.name} should have ${expected[table.name] ?? 0} rows, the file has ${counted[table.name] ?? 0}`,
      );
  }
  return access.transaction(async (run) => {
    for (const table of ['staff_users', 'submissions', 'documents', 'staff_events']) {
      const found = await run(`SELECT COUNT(*) AS n FROM ${table} WHERE org = ?`, [org]);
      if (Number(found[0]?.n) > 0)
        bad(
          `单位 ${org} 在本库中已有数据（${table}）：只能导入到没有数据的单位`,
          `the organisation ${org} already has data here (${table}): import only into an organisation without data`,
        );
    }
    /** Old id → new id, per table. */
    const ids = new Map<string, Map<number, number>>(TABLES.map((t) => [t.name, new Map()]));
    for (const { table: name, row } of rows) {
      const table = specs.get(name)!;
      const columns: string[] = [];
      const values: unknown[] = [];
      for (const [column, kind] of Object.entries(table.columns)) {
        if (column === 'id') continue;
        let value = row[column] ?? null;
        const target = column === table.parent?.column ? table.parent.table : table.refers?.[column];
        if (target && value !== null) {
          value =
            ids.get(target)!.get(Number(value)) ??
            bad(
              `${name} 的 ${column} = ${value} 指向文件中没有的行`,
              `${name}.${column} = ${value} names a row the file does not have`,
            );
        }
        columns.push(column);
        values.push(stored(value, kind, access.dialect));
      }
      if (!table.parent) {
        columns.push('org');
        values.push(org);
      }
      const inserted = await run(
        `INSERT INTO ${name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) RETURNING id`,
        values,
      );
      ids.get(name)!.set(Number(row.id), Number(inserted[0]!.id));
    }
    return Object.fromEntries([...ids].map(([name, map]) => [name, map.size]));
  });
}
