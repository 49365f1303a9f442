/**
 * The embedded default: one SQLite file (better-sqlite3), WAL mode with
 * synchronous=FULL, so a committed submission survives a crash of the process
 * or of the machine. Calls are synchronous; the server batches concurrent
 * submissions into one transaction (one fsync for many), see submissions.ts.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { StartupError, StorageUnavailableError } from '../errors.js';
import { SqliteDocuments } from './sqlite-documents.js';
import { SQLITE_MIGRATIONS, type Migration } from './migrations-sqlite.js';
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
import { SqliteLimits } from '../limits.js';
import type { TransferAccess } from './org-transfer.js';

/** SQLite result codes that mean "cannot read or write now" rather than "a bug": answered with 503. */
const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|NOTADB|CORRUPT|PROTOCOL|NOMEM)/;

function wrap(error: unknown): unknown {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && UNAVAILABLE.test(code)) return new StorageUnavailableError(error);
  if (error instanceof TypeError && /database connection is not open/i.test(error.message))
    return new StorageUnavailableError(error);
  return error;
}

export interface SqliteOptions {
  path: string;
  busyTimeoutMs?: number;
  migrations?: readonly Migration[];
}

export class SqliteStorage implements ServerStorage {
  readonly description: string;
  /** The organisation this view of the database answers for (forOrg); the database's own view is the default one's. */
  readonly org: string = DEFAULT_ORG;
  private readonly db: Database.Database;
  private readonly migrations: readonly Migration[];
  private prepared?: ReturnType<SqliteStorage['prepare']>;
  private staffPrepared?: ReturnType<SqliteStorage['prepareStaff']>;
  /** Published documents (sqlite-documents.ts). */
  readonly documents: SqliteDocuments;
  /** Rate limits and failed sign-ins, in the database (limits.ts). */
  readonly limits: SqliteLimits;

  constructor({ path, busyTimeoutMs = 2000, migrations = SQLITE_MIGRATIONS }: SqliteOptions) {
    this.description = `sqlite ${path}`;
    this.migrations = migrations;
    try {
      mkdirSync(dirname(path), { recursive: true });
      this.db = new Database(path, { timeout: busyTimeoutMs });
      this.db.pragma('journal_mode = WAL');
      // FULL: the WAL is fsynced at every commit, so an acknowledged submission survives a power cut too.
      this.db.pragma('synchronous = FULL');
      this.db.pragma('foreign_keys = ON');
    } catch (error) {
      const message = (error as Error).message;
      throw new StartupError(`无法打开数据库 ${path}：${message}`, `cannot open the database ${path}: ${message}`);
    }
    this.documents = new SqliteDocuments(this.db, (fn) => this.run(fn), DEFAULT_ORG);
    // The counters' own connection: synchronous=OFF, so a hit never waits for an fsync (limits.ts).
    this.limits = new SqliteLimits(
      () => {
        if (path === ':memory:') return this.db;
        const db = new Database(path, { timeout: busyTimeoutMs });
        db.pragma('synchronous = OFF');
        return db;
      },
      (fn) => this.run(fn),
    );
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
  }

  private prepare() {
    return {
      find: this.db.prepare<[string, string, string], { tracking_code: string; body_hash: string }>(
        'SELECT tracking_code, body_hash FROM submissions WHERE org = ? AND form = ? AND idempotency_key = ?',
      ),
      // An organisation's form and key already stored: nothing inserted, no row returned.
      insert: this.db.prepare<[Record<string, unknown>], { id: number }>(
        `INSERT INTO submissions (org, tracking_code, form, kind, idempotency_key, body_hash, data, received_at, received_on, deadline)
         VALUES (@org, @trackingCode, @form, @kind, @idempotencyKey, @bodyHash, @data, @receivedAt, @receivedOn, @deadline)
         ON CONFLICT (org, form, idempotency_key) DO NOTHING RETURNING id`,
      ),
      status: this.db.prepare<
        [string, string, string],
        {
          tracking_code: string;
          step: StatusRow['step'];
          received_on: string;
          deadline: string;
          replied_on: string | null;
          outcome: string | null;
          reason: string | null;
        }
      >(
        'SELECT tracking_code, step, received_on, deadline, replied_on, outcome, reason FROM submissions WHERE org = ? AND form = ? AND tracking_code = ?',
      ),
    };
  }

  /** The same database, every query limited to `org` (server-storage.ts). */
  forOrg(org: string): SqliteStorage {
    if (org === this.org) return this;
    const scoped = Object.create(this) as SqliteStorage;
    Object.defineProperties(scoped, { org: { value: org }, documents: { value: this.documents.forOrg(org) } });
    return scoped;
  }

  private get st(): ReturnType<SqliteStorage['prepare']> {
    // Prepared on first use, after the migrations have created the tables.
    this.prepared ??= this.prepare();
    return this.prepared;
  }

  async migrate(target = Infinity): Promise<MigrationReport> {
    const applied: number[] = [];
    try {
      const done = new Set(
        this.db
          .prepare<[], { version: number }>('SELECT version FROM schema_migrations')
          .all()
          .map((row) => row.version),
      );
      const known = Math.max(0, ...this.migrations.map((m) => m.version));
      const newest = Math.max(0, ...done);
      if (newest > known) {
        throw new StartupError(
          `数据库版本 ${newest} 比本程序认识的版本 ${known} 新：请使用更新的 gongkai-server`,
          `the database is at version ${newest}, newer than this server knows (${known}): use a newer gongkai-server`,
        );
      }
      const record = this.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
      for (const migration of this.migrations) {
        if (done.has(migration.version) || migration.version > target) continue;
        // SQLite's procedure for rebuilding a table others reference: foreign keys off (outside the
        // transaction, where the pragma takes effect), checked before the commit, on again after.
        if (migration.rebuildsTables) this.db.pragma('foreign_keys = OFF');
        try {
          this.db
            .transaction(() => {
              this.db.exec(migration.sql);
              if (migration.rebuildsTables && (this.db.pragma('foreign_key_check') as unknown[]).length)
                throw new Error(`migration ${migration.version} left rows whose references are broken`);
              record.run(migration.version, migration.name, new Date().toISOString());
            })
            .immediate();
        } finally {
          if (migration.rebuildsTables) this.db.pragma('foreign_keys = ON');
        }
        applied.push(migration.version);
        done.add(migration.version);
      }
      return { applied, version: Math.max(0, ...done) };
    } catch (error) {
      if (error instanceof StartupError) throw error;
      const message = (error as Error).message;
      throw new StartupError(`数据库迁移失败：${message}`, `database migration failed: ${message}`);
    }
  }

  async insertSubmissions(
    items: readonly NewSubmission[],
    newCode: (item: NewSubmission) => string,
  ): Promise<StoredRef[]> {
    const st = this.st;
    try {
      return this.db
        .transaction(() =>
          items.map((item): StoredRef => {
            const { codePrefix: _prefix, ...fields } = item;
            const row = { ...fields, data: JSON.stringify(item.data), trackingCode: '' };
            for (;;) {
              row.trackingCode = newCode(item);
              try {
                if (st.insert.get(row))
                  return { trackingCode: row.trackingCode, created: true, bodyHash: item.bodyHash };
                break;
              } catch (error) {
                // Two random codes alike (about one in 10^12): draw again. Only this statement is undone.
                if (
                  (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' &&
                  /tracking_code/.test((error as Error).message)
                )
                  continue;
                throw error;
              }
            }
            const existing = st.find.get(item.org, item.form, item.idempotencyKey)!;
            return { trackingCode: existing.tracking_code, created: false, bodyHash: existing.body_hash };
          }),
        )
        .immediate();
    } catch (error) {
      throw wrap(error);
    }
  }

  async status(form: string, trackingCode: string): Promise<StatusRow | undefined> {
    try {
      const row = this.st.status.get(this.org, form, trackingCode);
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
      this.db.prepare('SELECT 1').get();
    } catch (error) {
      throw wrap(error);
    }
  }

  // ---- Staff (StaffStorage, migration 3) ----

  private prepareStaff() {
    const db = this.db;
    return {
      countUsers: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM staff_users WHERE org = ?'),
      insertUser: db.prepare<[Record<string, unknown>], UserRow>(
        `INSERT INTO staff_users (org, name, office, role, password_hash, created_at, updated_at) VALUES (@org, @name, @office, @role, @passwordHash, @at, @at) RETURNING *`,
      ),
      userByName: db.prepare<[string, string], UserRow>('SELECT * FROM staff_users WHERE org = ? AND name = ?'),
      listUsers: db.prepare<[string], UserRow>('SELECT * FROM staff_users WHERE org = ? ORDER BY name'),
      setPassword: db.prepare<[string, string, string, string]>(
        'UPDATE staff_users SET password_hash = ?, updated_at = ? WHERE org = ? AND name = ?',
      ),
      setDisabled: db.prepare<[number, string, string, string]>(
        'UPDATE staff_users SET disabled = ?, updated_at = ? WHERE org = ? AND name = ?',
      ),
      insertSession: db.prepare<[Record<string, unknown>]>(
        'INSERT INTO staff_sessions (token_hash, user_id, created_at, expires_at) VALUES (@tokenHash, @userId, @createdAt, @expiresAt)',
      ),
      // Only an account of this organisation: another organisation's session is no session here.
      sessionUser: db.prepare<[string, string, string], UserRow>(
        'SELECT u.* FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0 AND u.org = ?',
      ),
      deleteSession: db.prepare<[string, string]>(
        'DELETE FROM staff_sessions WHERE token_hash = ? AND user_id IN (SELECT id FROM staff_users WHERE org = ?)',
      ),
      deleteUserSessions: db.prepare<[number, string]>(
        'DELETE FROM staff_sessions WHERE user_id = ? AND user_id IN (SELECT id FROM staff_users WHERE org = ?)',
      ),
      purgeSessions: db.prepare<[string]>('DELETE FROM staff_sessions WHERE expires_at <= ?'),
      staffEvent: db.prepare<[string, string, string, string, string | null]>(
        'INSERT INTO staff_events (org, at, actor, action, detail) VALUES (?, ?, ?, ?, ?)',
      ),
      staffEvents: db.prepare<[string, number], { at: string; actor: string; action: string; detail: string | null }>(
        'SELECT at, actor, action, detail FROM staff_events WHERE org = ? ORDER BY id DESC LIMIT ?',
      ),
      submission: db.prepare<[number, string], SubmissionRow>('SELECT * FROM submissions WHERE id = ? AND org = ?'),
      events: db.prepare<
        [number, string],
        { at: string; actor: string; action: string; note: string | null; detail: string | null }
      >(
        'SELECT at, actor, action, note, detail FROM submission_events WHERE submission_id = (SELECT id FROM submissions WHERE id = ? AND org = ?) ORDER BY id',
      ),
      // Only on a submission of this organisation (none inserted otherwise).
      event: db.prepare<[number, string, string, string, string | null, string | null, number, string]>(
        'INSERT INTO submission_events (submission_id, at, actor, action, note, detail) SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM submissions WHERE id = ? AND org = ?)',
      ),
      update: db.prepare<[Record<string, unknown>]>(
        `UPDATE submissions SET step = @step, deadline = @deadline, replied_on = @repliedOn, outcome = @outcome, outcome_detail = @outcomeDetail,
           reason = @reason, office = @office, reply = @reply, publish = @publish, adoption = @adoption, adoption_reason = @adoptionReason,
           extended = @extended, updated_at = @updatedAt
         WHERE id = @id AND org = @org`,
      ),
      published: db.prepare<[string, string, number], SubmissionRow>(
        "SELECT * FROM submissions WHERE org = ? AND form = ? AND publish = 1 AND step = 'replied' ORDER BY replied_on DESC, id DESC LIMIT ?",
      ),
      formSubmissions: db.prepare<[string, string], SubmissionRow>(
        'SELECT * FROM submissions WHERE org = ? AND form = ? ORDER BY id',
      ),
      openDuring: db.prepare<[string, string, string, string], SubmissionRow>(
        'SELECT * FROM submissions WHERE org = ? AND form = ? AND received_on <= ? AND (replied_on IS NULL OR replied_on >= ?) ORDER BY id',
      ),
    };
  }

  private get sst(): ReturnType<SqliteStorage['prepareStaff']> {
    this.staffPrepared ??= this.prepareStaff();
    return this.staffPrepared;
  }

  private run<T>(fn: () => T): Promise<T> {
    try {
      return Promise.resolve(fn());
    } catch (error) {
      return Promise.reject(wrap(error));
    }
  }

  countUsers(): Promise<number> {
    return this.run(() => this.sst.countUsers.get(this.org)!.n);
  }

  createUser(user: { name: string; office: string; role: Role; passwordHash: string; at: string }): Promise<StaffUser> {
    return this.run(() => toUser(this.sst.insertUser.get({ ...user, org: this.org })!));
  }

  userByName(name: string): Promise<StaffUserWithHash | undefined> {
    return this.run(() => {
      const row = this.sst.userByName.get(this.org, name);
      return row ? { ...toUser(row), passwordHash: row.password_hash } : undefined;
    });
  }

  listUsers(): Promise<StaffUser[]> {
    return this.run(() => this.sst.listUsers.all(this.org).map(toUser));
  }

  setPassword(name: string, passwordHash: string, at: string): Promise<boolean> {
    return this.run(() => this.sst.setPassword.run(passwordHash, at, this.org, name).changes > 0);
  }

  setDisabled(name: string, disabled: boolean, at: string): Promise<boolean> {
    return this.run(() => this.sst.setDisabled.run(disabled ? 1 : 0, at, this.org, name).changes > 0);
  }

  createSession(session: { tokenHash: string; userId: number; createdAt: string; expiresAt: string }): Promise<void> {
    return this.run(() => {
      this.sst.purgeSessions.run(session.createdAt);
      this.sst.insertSession.run(session);
    });
  }

  sessionUser(tokenHash: string, now: string): Promise<StaffUser | undefined> {
    return this.run(() => {
      const row = this.sst.sessionUser.get(tokenHash, now, this.org);
      return row ? toUser(row) : undefined;
    });
  }

  deleteSession(tokenHash: string): Promise<void> {
    return this.run(() => void this.sst.deleteSession.run(tokenHash, this.org));
  }

  deleteUserSessions(userId: number): Promise<void> {
    return this.run(() => void this.sst.deleteUserSessions.run(userId, this.org));
  }

  logStaffEvent(event: {
    at: string;
    actor: string;
    action: string;
    detail?: Record<string, unknown> | null;
  }): Promise<void> {
    return this.run(
      () =>
        void this.sst.staffEvent.run(
          this.org,
          event.at,
          event.actor,
          event.action,
          event.detail ? JSON.stringify(event.detail) : null,
        ),
    );
  }

  staffEvents(
    limit: number,
  ): Promise<Array<{ at: string; actor: string; action: string; detail: Record<string, unknown> | null }>> {
    return this.run(() => this.sst.staffEvents.all(this.org, limit).map(withDetail));
  }

  searchSubmissions(query: SubmissionQuery): Promise<SubmissionPage> {
    return this.run(() => {
      const where: string[] = ['org = @org'];
      const params: Record<string, unknown> = { org: this.org };
      if (query.form) (where.push('form = @form'), (params.form = query.form));
      if (query.kind) (where.push('kind = @kind'), (params.kind = query.kind));
      if (query.step) (where.push('step = @step'), (params.step = query.step));
      if (query.from) (where.push('received_on >= @from'), (params.from = query.from));
      if (query.to) (where.push('received_on <= @to'), (params.to = query.to));
      if (query.office !== undefined) (where.push('office = @office'), (params.office = query.office));
      if (query.text) {
        where.push(
          "(data LIKE @text ESCAPE '\\' OR reply LIKE @text ESCAPE '\\' OR tracking_code LIKE @text ESCAPE '\\' OR office LIKE @text ESCAPE '\\')",
        );
        params.text = `%${query.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      }
      const clause = `WHERE ${where.join(' AND ')}`;
      const total = this.db
        .prepare<[Record<string, unknown>], { n: number }>(`SELECT COUNT(*) AS n FROM submissions ${clause}`)
        .get(params)!.n;
      const rows = this.db
        .prepare<[Record<string, unknown>], SubmissionRow>(
          `SELECT * FROM submissions ${clause} ORDER BY received_at DESC, id DESC LIMIT @limit OFFSET @offset`,
        )
        .all({ ...params, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
      return { total, items: rows.map(toRecord) };
    });
  }

  submission(id: number): Promise<SubmissionRecord | undefined> {
    return this.run(() => {
      const row = this.sst.submission.get(id, this.org);
      return row ? toRecord(row) : undefined;
    });
  }

  submissionEvents(id: number): Promise<SubmissionEvent[]> {
    return this.run(() => this.sst.events.all(id, this.org).map(withDetail));
  }

  logSubmissionEvent(
    id: number,
    event: { at: string; actor: string; action: string; note?: string | null; detail?: Record<string, unknown> | null },
  ): Promise<void> {
    return this.run(
      () =>
        void this.sst.event.run(
          id,
          event.at,
          event.actor,
          event.action,
          event.note ?? null,
          event.detail ? JSON.stringify(event.detail) : null,
          id,
          this.org,
        ),
    );
  }

  act(id: number, actor: string, at: string, decide: Decide): Promise<SubmissionRecord | undefined> {
    const st = this.sst;
    return this.run(() =>
      this.db
        .transaction(() => {
          const row = st.submission.get(id, this.org);
          if (!row) return undefined;
          const current = toRecord(row);
          const { patch, action, note = null, detail = null } = decide(current);
          const next: SubmissionRecord = { ...current, ...definedOnly(patch), updatedAt: at };
          st.update.run({
            id,
            org: this.org,
            step: next.step,
            deadline: next.deadline,
            repliedOn: next.repliedOn,
            outcome: next.outcome,
            outcomeDetail: next.outcomeDetail,
            reason: next.reason,
            office: next.office,
            reply: next.reply,
            publish: next.publish ? 1 : 0,
            adoption: next.adoption,
            adoptionReason: next.adoptionReason,
            extended: next.extended ? 1 : 0,
            updatedAt: at,
          });
          st.event.run(id, at, actor, action, note, detail ? JSON.stringify(detail) : null, id, this.org);
          return next;
        })
        .immediate(),
    );
  }

  publishedReplies(form: string, limit: number): Promise<SubmissionRecord[]> {
    return this.run(() => this.sst.published.all(this.org, form, limit).map(toRecord));
  }

  formSubmissions(form: string): Promise<SubmissionRecord[]> {
    return this.run(() => this.sst.formSubmissions.all(this.org, form).map(toRecord));
  }

  openDuring(form: string, since: string, until: string): Promise<SubmissionRecord[]> {
    return this.run(() => this.sst.openDuring.all(this.org, form, until, since).map(toRecord));
  }

  /** Raw access for export and import of one organisation (org-transfer.ts). */
  transfer(): TransferAccess {
    const db = this.db;
    const run = async (sql: string, params: unknown[]) => {
      const statement = db.prepare(sql);
      if (statement.reader) return statement.all(...params) as Record<string, unknown>[];
      statement.run(...params);
      return [];
    };
    return {
      dialect: 'sqlite',
      schemaVersion: async () =>
        db.prepare<[], { v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations').get()?.v ?? 0,
      all: (sql, params) => this.run(() => db.prepare(sql).all(...params) as Record<string, unknown>[]),
      // Every statement is synchronous underneath: nothing else runs between BEGIN and COMMIT.
      transaction: async (fn) => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(run);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          db.exec('ROLLBACK');
          throw error;
        }
      },
    };
  }

  async close(): Promise<void> {
    this.limits.close();
    if (this.db.open) this.db.close();
  }
}
