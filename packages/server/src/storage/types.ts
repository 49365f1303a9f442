/**
 * What the server needs from a database. SQLite (sqlite.ts) is the embedded
 * default; a PostgreSQL implementation provides the same interface and passes
 * the same tests. Every method may throw StorageUnavailableError (→ 503).
 */
export interface NewSubmission {
  /** The organisation it was sent to (config.ts ORG_ID; 'default' at the root URLs). */
  org: string;
  /** What its tracking code starts with (the organisation's codePrefix); not stored. */
  codePrefix: string;
  form: string;
  kind: string;
  idempotencyKey: string;
  /** sha256 of the stored values: the same key with other values is a conflict, not a retry. */
  bodyHash: string;
  /** The citizen's values (personal data: never in a status answer or a log). */
  data: Record<string, unknown>;
  /** ISO timestamp, UTC. */
  receivedAt: string;
  /** YYYY-MM-DD, county time. */
  receivedOn: string;
  deadline: string;
}

export interface StoredRef {
  trackingCode: string;
  /** false: the form and idempotency key were already stored; this is that submission. */
  created: boolean;
  bodyHash: string;
}

/** Where a submission stands: what a status lookup may say. No personal data. */
export interface StatusRow {
  trackingCode: string;
  step: 'received' | 'registered' | 'processing' | 'replied';
  receivedOn: string;
  deadline: string;
  repliedOn: string | null;
  outcome: string | null;
  reason: string | null;
}

export interface MigrationReport {
  /** Versions applied now, in order. */
  applied: number[];
  /** The version the database is at afterwards. */
  version: number;
}

/** The database as a whole: what is not one organisation's (migrations, the group-committed writes, health). */
export interface Storage {
  readonly description: string;
  /** Applies the numbered migrations not yet applied (up to `target`, default all), each in its own transaction. */
  migrate(target?: number): Promise<MigrationReport>;
  /**
   * Stores the submissions (of any organisations) in one transaction, committed durably
   * before it returns: each is either new (with a fresh code from `newCode`) or, for an
   * organisation, form and key already stored, the existing one. The results are in the order given.
   */
  insertSubmissions(items: readonly NewSubmission[], newCode: (item: NewSubmission) => string): Promise<StoredRef[]>;
  /** A submission's status, within the view's organisation (server-storage.ts). */
  status(form: string, trackingCode: string): Promise<StatusRow | undefined>;
  /** A cheap round trip, for the health check. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
