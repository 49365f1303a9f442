/**
 * Counters in fixed windows, per bucket (an address, an account): the rate limits of
 * submissions, lookups and sign-in, and the failed sign-ins per account. A bucket's window
 * starts at its first hit; after `windowSeconds` it starts again from nothing.
 *
 * Several server instances must count together, or a limit is only as strict as one
 * instance: the counters live in the database (table rate_limits, migration 5), one
 * upsert per hit. PostgreSQL keeps them in an UNLOGGED table (no WAL write per request);
 * SQLite writes them on a connection of their own with synchronous=OFF, so a counter
 * never costs the fsync a submission pays. A counter lost in a crash is no loss.
 */
import type Database from 'better-sqlite3';
import type pg from 'pg';
import type { Limit } from './config.js';
import { HttpError } from './errors.js';

export interface LimitStore {
  /** Counts one hit on `bucket`: 0 while within `limit`, else the seconds until its window ends. */
  take(bucket: string, limit: Limit): Promise<number>;
  /** The seconds to wait when `bucket` has already reached `limit`, else 0; counts nothing. */
  wait(bucket: string, limit: Limit): Promise<number>;
  /** Forgets `bucket` (a sign-in that succeeded clears its account's failures). */
  clear(bucket: string): Promise<void>;
}

/** Seconds from `now` to the end of a window that started at `start`, at least 1. */
export function secondsLeft(start: number, limit: Limit, now: number): number {
  return Math.max(1, Math.ceil((start + limit.windowSeconds * 1000 - now) / 1000));
}

/** Counts one hit against `limit` (none: no limit); 429 with Retry-After when over. */
export async function takeOrThrow(
  store: LimitStore,
  bucket: string,
  limit: Limit | null | undefined,
  headers: Record<string, string> = {},
): Promise<void> {
  if (!limit) return;
  const wait = await store.take(bucket, limit);
  if (wait > 0)
    throw new HttpError(429, 'rate_limited', { seconds: wait }, { ...headers, 'Retry-After': String(wait) });
}

/**
 * One hit: a new window when there is none or the last one has ended, else one more in it.
 * Parameters: bucket, now (ms), window (ms), as each database names them.
 */
const TAKE = (bucket: string, now: string, window: string) => `
  INSERT INTO rate_limits (bucket, window_start, count) VALUES (${bucket}, ${now}, 1)
  ON CONFLICT (bucket) DO UPDATE SET
    count = CASE WHEN rate_limits.window_start <= ${now} - ${window} THEN 1 ELSE rate_limits.count + 1 END,
    window_start = CASE WHEN rate_limits.window_start <= ${now} - ${window} THEN ${now} ELSE rate_limits.window_start END
  RETURNING window_start, count`;
const SQLITE_TAKE = TAKE('@bucket', '@now', '@window');
const POSTGRES_TAKE = TAKE('$1', '$2::bigint', '$3::bigint');
/** Windows older than a day are gone: no limit is longer (config.ts). */
const DAY_MS = 24 * 3600 * 1000;
/** Old buckets are deleted once every this many hits. */
const SWEEP_EVERY = 1000;

type Row = { window_start: number | string; count: number };

function answer(row: Row | undefined, limit: Limit, now: number, atLeast: number): number {
  if (!row) return 0;
  const start = Number(row.window_start);
  if (now - start >= limit.windowSeconds * 1000) return 0;
  return row.count >= atLeast ? secondsLeft(start, limit, now) : 0;
}

export class SqliteLimits implements LimitStore {
  private db?: Database.Database;
  private hits = 0;

  constructor(
    /** Opens the limits' own connection to the same file (after the migrations made the table). */
    private readonly open: () => Database.Database,
    private readonly run: <T>(fn: () => T) => Promise<T>,
    private readonly now: () => number = Date.now,
  ) {}

  private get connection(): Database.Database {
    return (this.db ??= this.open());
  }

  take(bucket: string, limit: Limit): Promise<number> {
    return this.run(() => {
      const now = this.now();
      const db = this.connection;
      if (++this.hits % SWEEP_EVERY === 0)
        db.prepare('DELETE FROM rate_limits WHERE window_start < ?').run(now - DAY_MS);
      const row = db
        .prepare<[Record<string, unknown>], Row>(SQLITE_TAKE)
        .get({ bucket, now, window: limit.windowSeconds * 1000 });
      return answer(row, limit, now, limit.max + 1);
    });
  }

  wait(bucket: string, limit: Limit): Promise<number> {
    return this.run(() => {
      const now = this.now();
      return answer(
        this.connection
          .prepare<[string], Row>('SELECT window_start, count FROM rate_limits WHERE bucket = ?')
          .get(bucket),
        limit,
        now,
        limit.max,
      );
    });
  }

  clear(bucket: string): Promise<void> {
    return this.run(() => void this.connection.prepare('DELETE FROM rate_limits WHERE bucket = ?').run(bucket));
  }

  close(): void {
    if (this.db?.open) this.db.close();
  }
}

type Query = <R extends pg.QueryResultRow>(
  query: string | pg.QueryConfig,
  values?: unknown[],
) => Promise<pg.QueryResult<R>>;

export class PostgresLimits implements LimitStore {
  private hits = 0;

  constructor(
    private readonly query: Query,
    private readonly now: () => number = Date.now,
  ) {}

  async take(bucket: string, limit: Limit): Promise<number> {
    const now = this.now();
    if (++this.hits % SWEEP_EVERY === 0)
      await this.query('DELETE FROM rate_limits WHERE window_start < $1', [now - DAY_MS]);
    const row = (
      await this.query<Row>({
        name: 'gk_limit_take',
        text: POSTGRES_TAKE,
        values: [bucket, now, limit.windowSeconds * 1000],
      })
    ).rows[0];
    return answer(row, limit, now, limit.max + 1);
  }

  async wait(bucket: string, limit: Limit): Promise<number> {
    const now = this.now();
    return answer(
      (await this.query<Row>('SELECT window_start, count FROM rate_limits WHERE bucket = $1', [bucket])).rows[0],
      limit,
      now,
      limit.max,
    );
  }

  async clear(bucket: string): Promise<void> {
    await this.query('DELETE FROM rate_limits WHERE bucket = $1', [bucket]);
  }
}
