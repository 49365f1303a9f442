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
import type { Decide, Role, StaffStorage, StaffUser, StaffUserWithHash, SubmissionEvent, SubmissionPage, SubmissionQuery, SubmissionRecord } from './staff-types.js';
import { definedOnly, toRecord, toUser, withDetail, type SubmissionRow, type UserRow } from './rows.js';
import type { MigrationReport, NewSubmission, StatusRow, Storage, StoredRef } from './types.js';

/** SQLite result codes that mean "cannot read or write now" rather than "a bug": answered with 503. */
const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|NOTADB|CORRUPT|PROTOCOL|NOMEM)/;

function wrap(error: unknown): unknown {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && UNAVAILABLE.test(code)) return new StorageUnavailableError(error);
  if (error instanceof TypeError && /database connection is not open/i.test(error.message)) return new StorageUnavailableError(error);
  return error;
}

export interface SqliteOptions {
  path: string;
  busyTimeoutMs?: number;
  migrations?: readonly Migration[];
}

export class SqliteStorage implements Storage, StaffStorage {
  readonly description: string;
  private readonly db: Database.Database;
  private readonly migrations: readonly Migration[];
  private prepared?: ReturnType<SqliteStorage['prepare']>;
  private staffPrepared?: ReturnType<SqliteStorage['prepareStaff']>;
  /** Published documents (sqlite-documents.ts). */
  readonly documents: SqliteDocuments;

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
    this.documents = new SqliteDocuments(this.db, (fn) => this.run(fn));
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  }

  private prepare() {
    return {
      find: this.db.prepare<[string, string], { tracking_code: string; body_hash: string }>('SELECT tracking_code, body_hash FROM submissions WHERE form = ? AND idempotency_key = ?'),
      // A form and key already stored: nothing inserted, no row returned.
      insert: this.db.prepare<[Record<string, unknown>], { id: number }>(
        `INSERT INTO submissions (tracking_code, form, kind, idempotency_key, body_hash, data, received_at, received_on, deadline)
         VALUES (@trackingCode, @form, @kind, @idempotencyKey, @bodyHash, @data, @receivedAt, @receivedOn, @deadline)
         ON CONFLICT (form, idempotency_key) DO NOTHING RETURNING id`,
      ),
      status: this.db.prepare<[string, string], { tracking_code: string; step: StatusRow['step']; received_on: string; deadline: string; replied_on: string | null; outcome: string | null; reason: string | null }>(
        'SELECT tracking_code, step, received_on, deadline, replied_on, outcome, reason FROM submissions WHERE form = ? AND tracking_code = ?',
      ),
    };
  }

  private get st(): ReturnType<SqliteStorage['prepare']> {
    // Prepared on first use, after the migrations have created the tables.
    this.prepared ??= this.prepare();
    return this.prepared;
  }

  async migrate(target = Infinity): Promise<MigrationReport> {
    const applied: number[] = [];
    try {
      const done = new Set(this.db.prepare<[], { version: number }>('SELECT version FROM schema_migrations').all().map((row) => row.version));
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
        this.db.transaction(() => {
          this.db.exec(migration.sql);
          record.run(migration.version, migration.name, new Date().toISOString());
        }).immediate();
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

  async insertSubmissions(items: readonly NewSubmission[], newCode: () => string): Promise<StoredRef[]> {
    const st = this.st;
    try {
      return this.db.transaction(() =>
        items.map((item): StoredRef => {
          const row = { ...item, data: JSON.stringify(item.data), trackingCode: '' };
          for (;;) {
            row.trackingCode = newCode();
            try {
              if (st.insert.get(row)) return { trackingCode: row.trackingCode, created: true, bodyHash: item.bodyHash };
              break;
            } catch (error) {
              // Two random codes alike (about one in 10^12): draw again. Only this statement is undone.
              if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && /tracking_code/.test((error as Error).message)) continue;
              throw error;
            }
          }
          const existing = st.find.get(item.form, item.idempotencyKey)!;
          return { trackingCode: existing.tracking_code, created: false, bodyHash: existing.body_hash };
        }),
      ).immediate();
    } catch (error) {
      throw wrap(error);
    }
  }

  async status(form: string, trackingCode: string): Promise<StatusRow | undefined> {
    try {
      const row = this.st.status.get(form, trackingCode);
      if (!row) return undefined;
      return { trackingCode: row.tracking_code, step: row.step, receivedOn: row.received_on, deadline: row.deadline, repliedOn: row.replied_on, outcome: row.outcome, reason: row.reason };
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
      countUsers: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM staff_users'),
      insertUser: db.prepare<[Record<string, unknown>], UserRow>(
        `INSERT INTO staff_users (name, office, role, password_hash, created_at, updated_at) VALUES (@name, @office, @role, @passwordHash, @at, @at) RETURNING *`,
      ),
      userByName: db.prepare<[string], UserRow>('SELECT * FROM staff_users WHERE name = ?'),
      listUsers: db.prepare<[], UserRow>('SELECT * FROM staff_users ORDER BY name'),
      setPassword: db.prepare<[string, string, string]>('UPDATE staff_users SET password_hash = ?, updated_at = ? WHERE name = ?'),
      setDisabled: db.prepare<[number, string, string]>('UPDATE staff_users SET disabled = ?, updated_at = ? WHERE name = ?'),
      insertSession: db.prepare<[Record<string, unknown>]>('INSERT INTO staff_sessions (token_hash, user_id, created_at, expires_at) VALUES (@tokenHash, @userId, @createdAt, @expiresAt)'),
      sessionUser: db.prepare<[string, string], UserRow>(
        'SELECT u.* FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0',
      ),
      deleteSession: db.prepare<[string]>('DELETE FROM staff_sessions WHERE token_hash = ?'),
      deleteUserSessions: db.prepare<[number]>('DELETE FROM staff_sessions WHERE user_id = ?'),
      purgeSessions: db.prepare<[string]>('DELETE FROM staff_sessions WHERE expires_at <= ?'),
      staffEvent: db.prepare<[string, string, string, string | null]>('INSERT INTO staff_events (at, actor, action, detail) VALUES (?, ?, ?, ?)'),
      staffEvents: db.prepare<[number], { at: string; actor: string; action: string; detail: string | null }>('SELECT at, actor, action, detail FROM staff_events ORDER BY id DESC LIMIT ?'),
      submission: db.prepare<[number], SubmissionRow>('SELECT * FROM submissions WHERE id = ?'),
      events: db.prepare<[number], { at: string; actor: string; action: string; note: string | null; detail: string | null }>(
        'SELECT at, actor, action, note, detail FROM submission_events WHERE submission_id = ? ORDER BY id',
      ),
      event: db.prepare<[number, string, string, string, string | null, string | null]>(
        'INSERT INTO submission_events (submission_id, at, actor, action, note, detail) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      update: db.prepare<[Record<string, unknown>]>(
        `UPDATE submissions SET step = @step, deadline = @deadline, replied_on = @repliedOn, outcome = @outcome, outcome_detail = @outcomeDetail,
           reason = @reason, office = @office, reply = @reply, publish = @publish, adoption = @adoption, adoption_reason = @adoptionReason,
           extended = @extended, updated_at = @updatedAt
         WHERE id = @id`,
      ),
      published: db.prepare<[string, number], SubmissionRow>(
        "SELECT * FROM submissions WHERE form = ? AND publish = 1 AND step = 'replied' ORDER BY replied_on DESC, id DESC LIMIT ?",
      ),
      formSubmissions: db.prepare<[string], SubmissionRow>('SELECT * FROM submissions WHERE form = ? ORDER BY id'),
      openDuring: db.prepare<[string, string, string], SubmissionRow>(
        'SELECT * FROM submissions WHERE form = ? AND received_on <= ? AND (replied_on IS NULL OR replied_on >= ?) ORDER BY id',
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
    return this.run(() => this.sst.countUsers.get()!.n);
  }

  createUser(user: { name: string; office: string; role: Role; passwordHash: string; at: string }): Promise<StaffUser> {
    return this.run(() => toUser(this.sst.insertUser.get(user)!));
  }

  userByName(name: string): Promise<StaffUserWithHash | undefined> {
    return this.run(() => {
      const row = this.sst.userByName.get(name);
      return row ? { ...toUser(row), passwordHash: row.password_hash } : undefined;
    });
  }

  listUsers(): Promise<StaffUser[]> {
    return this.run(() => this.sst.listUsers.all().map(toUser));
  }

  setPassword(name: string, passwordHash: string, at: string): Promise<boolean> {
    return this.run(() => this.sst.setPassword.run(passwordHash, at, name).changes > 0);
  }

  setDisabled(name: string, disabled: boolean, at: string): Promise<boolean> {
    return this.run(() => this.sst.setDisabled.run(disabled ? 1 : 0, at, name).changes > 0);
  }

  createSession(session: { tokenHash: string; userId: number; createdAt: string; expiresAt: string }): Promise<void> {
    return this.run(() => {
      this.sst.purgeSessions.run(session.createdAt);
      this.sst.insertSession.run(session);
    });
  }

  sessionUser(tokenHash: string, now: string): Promise<StaffUser | undefined> {
    return this.run(() => {
      const row = this.sst.sessionUser.get(tokenHash, now);
      return row ? toUser(row) : undefined;
    });
  }

  deleteSession(tokenHash: string): Promise<void> {
    return this.run(() => void this.sst.deleteSession.run(tokenHash));
  }

  deleteUserSessions(userId: number): Promise<void> {
    return this.run(() => void this.sst.deleteUserSessions.run(userId));
  }

  logStaffEvent(event: { at: string; actor: string; action: string; detail?: Record<string, unknown> | null }): Promise<void> {
    return this.run(() => void this.sst.staffEvent.run(event.at, event.actor, event.action, event.detail ? JSON.stringify(event.detail) : null));
  }

  staffEvents(limit: number): Promise<Array<{ at: string; actor: string; action: string; detail: Record<string, unknown> | null }>> {
    return this.run(() => this.sst.staffEvents.all(limit).map(withDetail));
  }

  searchSubmissions(query: SubmissionQuery): Promise<SubmissionPage> {
    return this.run(() => {
      const where: string[] = [];
      const params: Record<string, unknown> = {};
      if (query.form) (where.push('form = @form'), (params.form = query.form));
      if (query.kind) (where.push('kind = @kind'), (params.kind = query.kind));
      if (query.step) (where.push('step = @step'), (params.step = query.step));
      if (query.from) (where.push('received_on >= @from'), (params.from = query.from));
      if (query.to) (where.push('received_on <= @to'), (params.to = query.to));
      if (query.office !== undefined) (where.push('office = @office'), (params.office = query.office));
      if (query.text) {
        where.push("(data LIKE @text ESCAPE '\\' OR reply LIKE @text ESCAPE '\\' OR tracking_code LIKE @text ESCAPE '\\' OR office LIKE @text ESCAPE '\\')");
        params.text = `%${query.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      }
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const total = this.db.prepare<[Record<string, unknown>], { n: number }>(`SELECT COUNT(*) AS n FROM submissions ${clause}`).get(params)!.n;
      const rows = this.db
        .prepare<[Record<string, unknown>], SubmissionRow>(`SELECT * FROM submissions ${clause} ORDER BY received_at DESC, id DESC LIMIT @limit OFFSET @offset`)
        .all({ ...params, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
      return { total, items: rows.map(toRecord) };
    });
  }

  submission(id: number): Promise<SubmissionRecord | undefined> {
    return this.run(() => {
      const row = this.sst.submission.get(id);
      return row ? toRecord(row) : undefined;
    });
  }

  submissionEvents(id: number): Promise<SubmissionEvent[]> {
    return this.run(() => this.sst.events.all(id).map(withDetail));
  }

  logSubmissionEvent(id: number, event: { at: string; actor: string; action: string; note?: string | null; detail?: Record<string, unknown> | null }): Promise<void> {
    return this.run(() => void this.sst.event.run(id, event.at, event.actor, event.action, event.note ?? null, event.detail ? JSON.stringify(event.detail) : null));
  }

  act(id: number, actor: string, at: string, decide: Decide): Promise<SubmissionRecord | undefined> {
    const st = this.sst;
    return this.run(() =>
      this.db
        .transaction(() => {
          const row = st.submission.get(id);
          if (!row) return undefined;
          const current = toRecord(row);
          const { patch, action, note = null, detail = null } = decide(current);
          const next: SubmissionRecord = { ...current, ...definedOnly(patch), updatedAt: at };
          st.update.run({
            id,
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
          st.event.run(id, at, actor, action, note, detail ? JSON.stringify(detail) : null);
          return next;
        })
        .immediate(),
    );
  }

  publishedReplies(form: string, limit: number): Promise<SubmissionRecord[]> {
    return this.run(() => this.sst.published.all(form, limit).map(toRecord));
  }

  formSubmissions(form: string): Promise<SubmissionRecord[]> {
    return this.run(() => this.sst.formSubmissions.all(form).map(toRecord));
  }

  openDuring(form: string, since: string, until: string): Promise<SubmissionRecord[]> {
    return this.run(() => this.sst.openDuring.all(form, until, since).map(toRecord));
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

