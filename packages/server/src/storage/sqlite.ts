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
import { SQLITE_MIGRATIONS, type Migration } from './migrations-sqlite.js';
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

export class SqliteStorage implements Storage {
  readonly description: string;
  private readonly db: Database.Database;
  private readonly migrations: readonly Migration[];
  private prepared?: ReturnType<SqliteStorage['prepare']>;

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

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
