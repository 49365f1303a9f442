/**
 * PostgreSQL (`pg`), for a county that outgrows one machine or already runs a
 * database server: the same Storage as sqlite.ts, the same semantics, the same
 * tests. A pool of connections; a batch of submissions (group commit, see
 * submissions.ts) is one transaction and one multi-row INSERT, committed — with
 * synchronous_commit on — before any of its tracking codes is answered.
 *
 * A database that is down, restarting, out of connections or out of disk is a
 * StorageUnavailableError (503); the pool drops the broken connections and opens
 * new ones, so the server recovers by itself when the database is back.
 *
 * The staff side (StaffStorage, migration 3) answers exactly what sqlite.ts answers:
 * times as toISOString() strings, days as YYYY-MM-DD, flags as booleans, ids as
 * numbers; every write is a committed transaction, and an action (`act`) locks its
 * submission (SELECT … FOR UPDATE) from reading it to writing its event.
 */
import pg from 'pg';
import { StartupError, StorageUnavailableError } from '../errors.js';
import { PostgresDocuments } from './postgres-documents.js';
import { POSTGRES_MIGRATIONS } from './migrations-postgres.js';
import type { Migration } from './migrations-sqlite.js';
import type {
  Decide,
  Role,
  StaffUser,
  StaffUserWithHash,
  SubmissionEvent,
  SubmissionPage,
  SubmissionQuery,
  SubmissionRecord,
} from './staff-types.js';
import { definedOnly, toRecord, toUser, withDetail, type SubmissionRow, type UserRow } from './rows.js';
import type { MigrationReport, NewSubmission, StatusRow, StoredRef } from './types.js';
import type { ServerStorage } from './server-storage.js';
import { DEFAULT_ORG } from '../config.js';
import { PostgresLimits, type LimitStore } from '../limits.js';
import type { TransferAccess } from './org-transfer.js';

/** Node's network errors: the database cannot be reached. */
const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'ECONNABORTED',
]);
/**
 * SQLSTATEs that mean "not now" rather than "a bug": 08 connection exception, 53 insufficient
 * resources (disk full, too many connections), 57P01–57P03 shutdown / cannot connect now,
 * 57014 statement timeout, 55P03 lock not available, 58 system (I/O) error, 25006 read-only
 * transaction (a standby), 40001/40P01 serialization failure / deadlock.
 */
const UNAVAILABLE_STATE = /^(08|53|58|57P0[1-3]|57014|55P03|25006|40001|40P01)/;
/** pg's own messages for a connection that died or never came. */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection error|timeout exceeded when trying to connect|Query read timeout|not queryable|Cannot use a pool after calling end/i;

function unavailable(error: unknown): boolean {
  if (error instanceof StorageUnavailableError) return true;
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && (NETWORK.has(code) || UNAVAILABLE_STATE.test(code))) return true;
  if (error instanceof AggregateError) return error.errors.some(unavailable);
  return error instanceof Error && UNAVAILABLE_MESSAGE.test(error.message);
}

function wrap(error: unknown): unknown {
  return unavailable(error) && !(error instanceof StorageUnavailableError) ? new StorageUnavailableError(error) : error;
}

/** The URL without its password, for logs and messages. */
export function describePostgresUrl(url: string): string {
  try {
    const u = new URL(url);
    const user = u.username ? `${decodeURIComponent(u.username)}@` : '';
    const socket = u.searchParams.get('host');
    return `postgres://${user}${u.host || socket || 'localhost'}${u.pathname}`;
  } catch {
    return 'postgres://…';
  }
}

export interface PostgresOptions {
  url: string;
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /** How long to wait for a connection before answering 503 (default 5000 ms). */
  connectTimeoutMs?: number;
  migrations?: readonly Migration[];
}

const INSERT = `
  INSERT INTO submissions (tracking_code, form, kind, idempotency_key, body_hash, data, received_at, received_on, deadline, org)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::json[], $7::timestamptz[], $8::date[], $9::date[], $10::text[])
  ON CONFLICT (org, form, idempotency_key) DO NOTHING
  RETURNING tracking_code`;
const FIND = `
  SELECT org, form, idempotency_key, tracking_code, body_hash FROM submissions
  WHERE (org, form, idempotency_key) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]))`;
const STATUS = `
  SELECT tracking_code, step, to_char(received_on, 'YYYY-MM-DD') AS received_on, to_char(deadline, 'YYYY-MM-DD') AS deadline,
         to_char(replied_on, 'YYYY-MM-DD') AS replied_on, outcome, reason
  FROM submissions WHERE form = $1 AND tracking_code = $2 AND org = $3`;
/** One lock for every gongkai-server migrating this database: two servers starting together apply each migration once. */
const MIGRATION_LOCK = 'gongkai-server:migrations';
/** A tracking code drawn twice in one batch or alike an older one (about one in 10^12): draw again, at most this often. */
const MAX_DRAWS = 20;
/** pg's query_timeout for the migrations: a day. */
const UNLIMITED = 24 * 3600 * 1000;
/** A query without pg's client-side time limit (pg reads query_timeout from the query config; its types do not declare it). */
const untimed = (text: string, values?: unknown[]): pg.QueryConfig =>
  ({ text, values, query_timeout: UNLIMITED }) as pg.QueryConfig;

/** A timestamptz as JavaScript's toISOString() writes it (what SQLite stores and answers), whatever the session's TimeZone and DateStyle. */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** A date as YYYY-MM-DD, whatever the session's DateStyle. */
const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
const USER_COLUMNS = `u.id, u.name, u.office, u.role, u.password_hash, u.disabled, ${iso('u.created_at')} AS created_at`;
const SUBMISSION_COLUMNS = `s.id, s.tracking_code, s.form, s.kind, s.data, ${iso('s.received_at')} AS received_at, ${day('s.received_on')} AS received_on,
  ${day('s.deadline')} AS deadline, s.step, ${day('s.replied_on')} AS replied_on, s.outcome, s.outcome_detail, s.reason, s.office, s.reply,
  s.publish, s.adoption, s.adoption_reason, s.extended, ${iso('s.updated_at')} AS updated_at`;
/** SQLite's LIKE ignores the case of ASCII letters (and only theirs): the same here, exactly. */
const asciiLower = (column: string) =>
  `translate(${column}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')`;

export class PostgresStorage implements ServerStorage {
  readonly description: string;
  /** The organisation this view of the database answers for (forOrg); the database's own view is the default one's. */
  readonly org: string = DEFAULT_ORG;
  private readonly pool: pg.Pool;
  private readonly migrations: readonly Migration[];
  private readonly target: string;
  private readonly database: string;
  /** The server's synchronous_commit is off: turn it on for our transactions, or a commit is not durable. */
  private forceSyncCommit = false;
  /** Published documents (postgres-documents.ts). */
  readonly documents: PostgresDocuments;
  /** Rate limits and failed sign-ins, shared by every instance (limits.ts). */
  readonly limits: LimitStore;

  constructor({ url, poolSize = 10, connectTimeoutMs = 5000, migrations = POSTGRES_MIGRATIONS }: PostgresOptions) {
    this.target = describePostgresUrl(url);
    this.database = this.target.split('/').pop() || 'gongkai';
    this.description = `postgres ${this.target}`;
    this.migrations = migrations;
    try {
      this.pool = new pg.Pool({
        connectionString: url,
        max: poolSize,
        connectionTimeoutMillis: connectTimeoutMs,
        idleTimeoutMillis: 30_000,
        // A statement that hangs (a lock, a dying server) ends in a 503 rather than a request that never answers.
        statement_timeout: 15_000,
        query_timeout: 20_000,
        keepAlive: true,
        application_name: 'gongkai-server',
        // Idle connections do not keep a process alive (`migrate`, a startup error); the HTTP server does.
        allowExitOnIdle: true,
      });
    } catch (error) {
      const message = (error as Error).message;
      throw new StartupError(
        `PostgreSQL 连接地址有误（${this.target}）：${message}`,
        `bad PostgreSQL URL (${this.target}): ${message}`,
      );
    }
    this.documents = new PostgresDocuments(
      (query, values) => this.query(query, values),
      (fn) => this.transaction(fn),
      wrap,
      DEFAULT_ORG,
    );
    this.limits = new PostgresLimits((query, values) => this.query(query, values));
    // An idle connection dropped by the server (a restart, a failover): the pool discards it and opens a new one when needed.
    this.pool.on('error', (error) => console.error(`gongkai-server: PostgreSQL connection lost: ${error.message}`));
  }

  /** The same database, every query limited to `org` (server-storage.ts). */
  forOrg(org: string): PostgresStorage {
    if (org === this.org) return this;
    const scoped = Object.create(this) as PostgresStorage;
    Object.defineProperties(scoped, { org: { value: org }, documents: { value: this.documents.forOrg(org) } });
    return scoped;
  }

  private async connect(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      throw new StorageUnavailableError(error);
    }
  }

  /** Runs `fn` on one connection; a connection that failed is discarded, not returned to the pool. */
  private async withClient<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.connect();
    let broken: Error | undefined;
    try {
      return await fn(client);
    } catch (error) {
      if (unavailable(error)) broken = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async migrate(target = Infinity): Promise<MigrationReport> {
    try {
      return await this.withClient(async (client) => {
        // A migration may build an index on a large table, and another server may hold the lock meanwhile: no time limits here.
        await client.query('SET statement_timeout = 0');
        await client.query(untimed('SELECT pg_advisory_lock(hashtext($1))', [MIGRATION_LOCK]));
        try {
          await client.query(
            'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
          );
          const done = new Set(
            (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map(
              (row) => row.version,
            ),
          );
          const known = Math.max(0, ...this.migrations.map((m) => m.version));
          const newest = Math.max(0, ...done);
          if (newest > known) {
            throw new StartupError(
              `数据库版本 ${newest} 比本程序认识的版本 ${known} 新：请使用更新的 gongkai-server`,
              `the database is at version ${newest}, newer than this server knows (${known}): use a newer gongkai-server`,
            );
          }
          const applied: number[] = [];
          for (const migration of this.migrations) {
            if (done.has(migration.version) || migration.version > target) continue;
            await client.query('BEGIN');
            try {
              await client.query(untimed(migration.sql));
              await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())', [
                migration.version,
                migration.name,
              ]);
              await client.query('COMMIT');
            } catch (error) {
              await client.query('ROLLBACK').catch(() => {});
              throw error;
            }
            applied.push(migration.version);
            done.add(migration.version);
          }
          const sync = (await client.query<{ s: string }>("SELECT current_setting('synchronous_commit') AS s")).rows[0]
            ?.s;
          this.forceSyncCommit = sync === 'off';
          return { applied, version: Math.max(0, ...done) };
        } finally {
          await client.query('SELECT pg_advisory_unlock(hashtext($1))', [MIGRATION_LOCK]).catch(() => {});
          await client.query('RESET statement_timeout').catch(() => {});
        }
      });
    } catch (error) {
      throw this.startupError(error);
    }
  }

  /** A clear, two-language message for what goes wrong at startup. */
  private startupError(error: unknown): StartupError {
    if (error instanceof StartupError) return error;
    const cause = error instanceof StorageUnavailableError ? (error.cause as Error) : (error as Error);
    const code = (cause as { code?: string })?.code;
    const message =
      cause instanceof AggregateError
        ? cause.errors.map((e: Error) => e.message).join('; ')
        : String(cause?.message ?? cause);
    if (code === '28P01' || code === '28000') {
      return new StartupError(
        `PostgreSQL 拒绝登录（${this.target}）：${message}。请检查用户名和密码（连接地址或 PGPASSWORD）`,
        `PostgreSQL refused the login (${this.target}): ${message}; check the user and password (in the URL or PGPASSWORD)`,
      );
    }
    if (code === '3D000') {
      return new StartupError(
        `PostgreSQL 数据库不存在（${this.target}）：${message}。请先创建，如 createdb ${this.database}`,
        `the PostgreSQL database does not exist (${this.target}): ${message}; create it first, e.g. createdb ${this.database}`,
      );
    }
    if (unavailable(error)) {
      return new StartupError(
        `无法连接 PostgreSQL 数据库 ${this.target}：${message}。请检查数据库是否已启动，地址和端口是否正确`,
        `cannot connect to the PostgreSQL database ${this.target}: ${message}; check that it is running and that the host and port are right`,
      );
    }
    return new StartupError(
      `数据库迁移失败（${this.target}）：${message}`,
      `database migration failed (${this.target}): ${message}`,
    );
  }

  async insertSubmissions(
    items: readonly NewSubmission[],
    newCode: (item: NewSubmission) => string,
  ): Promise<StoredRef[]> {
    if (items.length === 0) return [];
    // Rows in one order (form, key) for every writer: two servers inserting the same keys cannot deadlock.
    const order = items.map((_, i) => i).sort((a, b) => compare(items[a]!, items[b]!));
    const sorted = order.map((i) => items[i]!);
    const column = <K extends keyof NewSubmission>(key: K) => sorted.map((item) => item[key]);
    const values = [
      column('form'),
      column('kind'),
      column('idempotencyKey'),
      column('bodyHash'),
      sorted.map((item) => JSON.stringify(item.data)),
      column('receivedAt'),
      column('receivedOn'),
      column('deadline'),
      column('org'),
    ];
    try {
      return await this.withClient(async (client) => {
        await client.query(
          this.forceSyncCommit ? 'BEGIN; SET LOCAL synchronous_commit = on; SAVEPOINT draw' : 'BEGIN; SAVEPOINT draw',
        );
        try {
          let codes: string[] = [];
          let inserted: Set<string> | undefined;
          for (let draw = 1; !inserted; draw++) {
            codes = sorted.map((item) => newCode(item));
            try {
              const result = await client.query<{ tracking_code: string }>(INSERT, [codes, ...values]);
              inserted = new Set(result.rows.map((row) => row.tracking_code));
            } catch (error) {
              // Only a code collision is drawn again; only the INSERT is undone (to the savepoint).
              const e = error as { code?: string; constraint?: string };
              if (e.code !== '23505' || e.constraint !== 'submissions_tracking_code_key' || draw >= MAX_DRAWS)
                throw error;
              await client.query('ROLLBACK TO SAVEPOINT draw');
            }
          }
          const refs: StoredRef[] = new Array(items.length);
          const missing: number[] = [];
          sorted.forEach((item, j) => {
            if (inserted!.has(codes[j]!))
              refs[order[j]!] = { trackingCode: codes[j]!, created: true, bodyHash: item.bodyHash };
            else missing.push(j);
          });
          if (missing.length) {
            // Already stored (an earlier request, or one earlier in this batch): that submission's code.
            const found = await client.query<{
              org: string;
              form: string;
              idempotency_key: string;
              tracking_code: string;
              body_hash: string;
            }>(FIND, [
              missing.map((j) => sorted[j]!.org),
              missing.map((j) => sorted[j]!.form),
              missing.map((j) => sorted[j]!.idempotencyKey),
            ]);
            const byKey = new Map(
              found.rows.map((row) => [`${row.org}\u0000${row.form}\u0000${row.idempotency_key}`, row]),
            );
            for (const j of missing) {
              const row = byKey.get(`${sorted[j]!.org}\u0000${sorted[j]!.form}\u0000${sorted[j]!.idempotencyKey}`);
              if (!row)
                throw new Error(
                  `submission ${sorted[j]!.form}/${sorted[j]!.idempotencyKey} neither inserted nor found`,
                );
              refs[order[j]!] = { trackingCode: row.tracking_code, created: false, bodyHash: row.body_hash };
            }
          }
          await client.query('COMMIT');
          return refs;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        }
      });
    } catch (error) {
      throw wrap(error);
    }
  }

  async status(form: string, trackingCode: string): Promise<StatusRow | undefined> {
    try {
      const row = (
        await this.pool.query<{
          tracking_code: string;
          step: StatusRow['step'];
          received_on: string;
          deadline: string;
          replied_on: string | null;
          outcome: string | null;
          reason: string | null;
        }>(STATUS, [form, trackingCode, this.org])
      ).rows[0];
      if (!row) return undefined;
      return {
        trackingCode: row.tracking_code,
        step: row.step,
        receivedOn: row.received_on,
        deadline: row.deadline,
        repliedOn: row.replied_on,
        outcome: row.outcome,
        reason: row.reason,
      };
    } catch (error) {
      throw wrap(error);
    }
  }

  async ping(): Promise<void> {
    try {
      await this.pool.query('SELECT 1');
    } catch (error) {
      throw wrap(error);
    }
  }

  // ---- Staff (StaffStorage, migration 3): the semantics of sqlite.ts, in PostgreSQL's types ----

  /** One statement on any connection of the pool; an unreachable database is a StorageUnavailableError. */
  private async query<R extends pg.QueryResultRow>(
    query: string | pg.QueryConfig,
    values?: unknown[],
  ): Promise<pg.QueryResult<R>> {
    try {
      return await this.pool.query<R>(query, values);
    } catch (error) {
      throw wrap(error);
    }
  }

  /** `fn` in one transaction, committed durably (like the submissions' batches) before it resolves; rolled back if it throws. */
  private async transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.withClient(async (client) => {
      await client.query(this.forceSyncCommit ? 'BEGIN; SET LOCAL synchronous_commit = on' : 'BEGIN');
      try {
        const result = await fn(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
    });
  }

  /** A write of its own: one transaction, so that it is as durable as a submission. */
  private async write(text: string, values: unknown[]): Promise<number> {
    try {
      return await this.transaction(async (client) => (await client.query(text, values)).rowCount ?? 0);
    } catch (error) {
      throw wrap(error);
    }
  }

  async countUsers(): Promise<number> {
    return (await this.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM staff_users WHERE org = $1', [this.org]))
      .rows[0]!.n;
  }

  async createUser(user: {
    name: string;
    office: string;
    role: Role;
    passwordHash: string;
    at: string;
  }): Promise<StaffUser> {
    try {
      const row = await this.transaction(
        async (client) =>
          (
            await client.query<UserRow>(
              `INSERT INTO staff_users AS u (name, office, role, password_hash, created_at, updated_at, org) VALUES ($1, $2, $3, $4, $5, $5, $6) RETURNING ${USER_COLUMNS}`,
              [user.name, user.office, user.role, user.passwordHash, user.at, this.org],
            )
          ).rows[0]!,
      );
      return toUser(row);
    } catch (error) {
      throw wrap(error);
    }
  }

  async userByName(name: string): Promise<StaffUserWithHash | undefined> {
    const row = (
      await this.query<UserRow>(`SELECT ${USER_COLUMNS} FROM staff_users u WHERE u.org = $1 AND u.name = $2`, [
        this.org,
        name,
      ])
    ).rows[0];
    return row ? { ...toUser(row), passwordHash: row.password_hash } : undefined;
  }

  async listUsers(): Promise<StaffUser[]> {
    // COLLATE "C": by code point, as SQLite's BINARY collation orders UTF-8 text.
    return (
      await this.query<UserRow>(
        `SELECT ${USER_COLUMNS} FROM staff_users u WHERE u.org = $1 ORDER BY u.name COLLATE "C"`,
        [this.org],
      )
    ).rows.map(toUser);
  }

  async setPassword(name: string, passwordHash: string, at: string): Promise<boolean> {
    return (
      (await this.write('UPDATE staff_users SET password_hash = $1, updated_at = $2 WHERE name = $3 AND org = $4', [
        passwordHash,
        at,
        name,
        this.org,
      ])) > 0
    );
  }

  async setDisabled(name: string, disabled: boolean, at: string): Promise<boolean> {
    return (
      (await this.write('UPDATE staff_users SET disabled = $1, updated_at = $2 WHERE name = $3 AND org = $4', [
        disabled,
        at,
        name,
        this.org,
      ])) > 0
    );
  }

  async createSession(session: {
    tokenHash: string;
    userId: number;
    createdAt: string;
    expiresAt: string;
  }): Promise<void> {
    try {
      await this.transaction(async (client) => {
        // Expired sessions go when a new one comes.
        await client.query('DELETE FROM staff_sessions WHERE expires_at <= $1', [session.createdAt]);
        await client.query(
          'INSERT INTO staff_sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
          [session.tokenHash, session.userId, session.createdAt, session.expiresAt],
        );
      });
    } catch (error) {
      throw wrap(error);
    }
  }

  async sessionUser(tokenHash: string, now: string): Promise<StaffUser | undefined> {
    const row = (
      await this.query<UserRow>(
        `SELECT ${USER_COLUMNS} FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2 AND NOT u.disabled AND u.org = $3`,
        [tokenHash, now, this.org],
      )
    ).rows[0];
    return row ? toUser(row) : undefined;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.write(
      'DELETE FROM staff_sessions WHERE token_hash = $1 AND user_id IN (SELECT id FROM staff_users WHERE org = $2)',
      [tokenHash, this.org],
    );
  }

  async deleteUserSessions(userId: number): Promise<void> {
    await this.write(
      'DELETE FROM staff_sessions WHERE user_id = $1 AND user_id IN (SELECT id FROM staff_users WHERE org = $2)',
      [userId, this.org],
    );
  }

  async logStaffEvent(event: {
    at: string;
    actor: string;
    action: string;
    detail?: Record<string, unknown> | null;
  }): Promise<void> {
    await this.write('INSERT INTO staff_events (at, actor, action, detail, org) VALUES ($1, $2, $3, $4, $5)', [
      event.at,
      event.actor,
      event.action,
      event.detail ? JSON.stringify(event.detail) : null,
      this.org,
    ]);
  }

  async staffEvents(
    limit: number,
  ): Promise<Array<{ at: string; actor: string; action: string; detail: Record<string, unknown> | null }>> {
    const rows = (
      await this.query<{ at: string; actor: string; action: string; detail: string | null }>(
        `SELECT ${iso('at')} AS at, actor, action, detail FROM staff_events WHERE org = $2 ORDER BY id DESC LIMIT $1`,
        [limit, this.org],
      )
    ).rows;
    return rows.map(withDetail);
  }

  async searchSubmissions(query: SubmissionQuery): Promise<SubmissionPage> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [`s.org = ${param(this.org)}`];
    if (query.form) where.push(`s.form = ${param(query.form)}`);
    if (query.kind) where.push(`s.kind = ${param(query.kind)}`);
    if (query.step) where.push(`s.step = ${param(query.step)}`);
    // Compared as text, as SQLite does: a well-formed day that is no date (2026-02-30) is no error.
    if (query.from) where.push(`${day('s.received_on')} COLLATE "C" >= ${param(query.from)}`);
    if (query.to) where.push(`${day('s.received_on')} COLLATE "C" <= ${param(query.to)}`);
    if (query.office !== undefined) where.push(`s.office = ${param(query.office)}`);
    if (query.text) {
      // The JSON text of the values as it was stored (json keeps it as it came), the reply, the code and the office.
      const text = param(
        `%${query.text.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/[A-Z]/g, (c) => c.toLowerCase())}%`,
      );
      where.push(
        `(${['s.data::text', 's.reply', 's.tracking_code', 's.office'].map((column) => `${asciiLower(column)} LIKE ${text} ESCAPE '\\'`).join(' OR ')})`,
      );
    }
    const clause = `WHERE ${where.join(' AND ')}`;
    const total = (await this.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM submissions s ${clause}`, params))
      .rows[0]!.n;
    const limit = param(query.pageSize);
    const offset = param((query.page - 1) * query.pageSize);
    const rows = (
      await this.query<SubmissionRow>(
        `SELECT ${SUBMISSION_COLUMNS} FROM submissions s ${clause} ORDER BY s.received_at DESC, s.id DESC LIMIT ${limit} OFFSET ${offset}`,
        params,
      )
    ).rows;
    return { total, items: rows.map(toRecord) };
  }

  async submission(id: number): Promise<SubmissionRecord | undefined> {
    const row = (
      await this.query<SubmissionRow>(
        `SELECT ${SUBMISSION_COLUMNS} FROM submissions s WHERE s.id = $1 AND s.org = $2`,
        [id, this.org],
      )
    ).rows[0];
    return row ? toRecord(row) : undefined;
  }

  async submissionEvents(id: number): Promise<SubmissionEvent[]> {
    const rows = (
      await this.query<{ at: string; actor: string; action: string; note: string | null; detail: string | null }>(
        `SELECT ${iso('at')} AS at, actor, action, note, detail FROM submission_events WHERE submission_id = (SELECT id FROM submissions WHERE id = $1 AND org = $2) ORDER BY id`,
        [id, this.org],
      )
    ).rows;
    return rows.map(withDetail);
  }

  async logSubmissionEvent(
    id: number,
    event: { at: string; actor: string; action: string; note?: string | null; detail?: Record<string, unknown> | null },
  ): Promise<void> {
    await this.write(EVENT, [
      id,
      event.at,
      event.actor,
      event.action,
      event.note ?? null,
      event.detail ? JSON.stringify(event.detail) : null,
      this.org,
    ]);
  }

  async act(id: number, actor: string, at: string, decide: Decide): Promise<SubmissionRecord | undefined> {
    // What `decide` throws (a 409, a 422) passes through as it is; nothing has been written.
    let refused: { error: unknown } | undefined;
    try {
      return await this.transaction(async (client) => {
        // FOR UPDATE: another action on this submission (another server process too) waits until this one commits.
        const row = (
          await client.query<SubmissionRow>(
            `SELECT ${SUBMISSION_COLUMNS} FROM submissions s WHERE s.id = $1 AND s.org = $2 FOR UPDATE`,
            [id, this.org],
          )
        ).rows[0];
        if (!row) return undefined;
        const current = toRecord(row);
        let decided: ReturnType<Decide>;
        try {
          decided = decide(current);
        } catch (error) {
          refused = { error };
          throw error;
        }
        const { patch, action, note = null, detail = null } = decided;
        const next: SubmissionRecord = { ...current, ...definedOnly(patch), updatedAt: at };
        await client.query(
          `UPDATE submissions SET step = $2, deadline = $3, replied_on = $4, outcome = $5, outcome_detail = $6, reason = $7, office = $8, reply = $9,
             publish = $10, adoption = $11, adoption_reason = $12, extended = $13, updated_at = $14
           WHERE id = $1`,
          [
            id,
            next.step,
            next.deadline,
            next.repliedOn,
            next.outcome,
            next.outcomeDetail,
            next.reason,
            next.office,
            next.reply,
            next.publish,
            next.adoption,
            next.adoptionReason,
            next.extended,
            at,
          ],
        );
        await client.query(EVENT, [id, at, actor, action, note, detail ? JSON.stringify(detail) : null, this.org]);
        return next;
      });
    } catch (error) {
      if (refused && error === refused.error) throw error;
      throw wrap(error);
    }
  }

  async publishedReplies(form: string, limit: number): Promise<SubmissionRecord[]> {
    // NULLS LAST: where SQLite puts them in a descending order.
    const sql = `SELECT ${SUBMISSION_COLUMNS} FROM submissions s WHERE s.form = $1 AND s.org = $3 AND s.publish AND s.step = 'replied' ORDER BY s.replied_on DESC NULLS LAST, s.id DESC LIMIT $2`;
    return (await this.query<SubmissionRow>(sql, [form, limit, this.org])).rows.map(toRecord);
  }

  async formSubmissions(form: string): Promise<SubmissionRecord[]> {
    return (
      await this.query<SubmissionRow>(
        `SELECT ${SUBMISSION_COLUMNS} FROM submissions s WHERE s.form = $1 AND s.org = $2 ORDER BY s.id`,
        [form, this.org],
      )
    ).rows.map(toRecord);
  }

  async openDuring(form: string, since: string, until: string): Promise<SubmissionRecord[]> {
    const sql = `SELECT ${SUBMISSION_COLUMNS} FROM submissions s WHERE s.form = $1 AND s.org = $4 AND s.received_on <= $2::date AND (s.replied_on IS NULL OR s.replied_on >= $3::date) ORDER BY s.id`;
    return (await this.query<SubmissionRow>(sql, [form, until, since, this.org])).rows.map(toRecord);
  }

  /** Raw access for export and import of one organisation (org-transfer.ts); `?` placeholders become $n. */
  transfer(): TransferAccess {
    const numbered = (sql: string) => {
      let n = 0;
      return sql.replace(/\?/g, () => `$${++n}`);
    };
    return {
      dialect: 'postgres',
      schemaVersion: async () =>
        Number(
          (await this.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations')).rows[0]?.v ?? 0,
        ),
      all: async (sql, params) => (await this.query<Record<string, unknown>>(numbered(sql), params)).rows,
      transaction: (fn) =>
        this.transaction((client) =>
          fn(async (sql, params) => (await client.query<Record<string, unknown>>(numbered(sql), params)).rows),
        ),
    };
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}

/** An event only on a submission of the organisation ($7): none is written otherwise. */
const EVENT =
  'INSERT INTO submission_events (submission_id, at, actor, action, note, detail) SELECT $1, $2, $3, $4, $5, $6 WHERE EXISTS (SELECT 1 FROM submissions WHERE id = $1 AND org = $7)';

function compare(a: NewSubmission, b: NewSubmission): number {
  return a.org < b.org
    ? -1
    : a.org > b.org
      ? 1
      : a.form < b.form
        ? -1
        : a.form > b.form
          ? 1
          : a.idempotencyKey < b.idempotencyKey
            ? -1
            : a.idempotencyKey > b.idempotencyKey
              ? 1
              : 0;
}
