/**
 * SQLite's numbered migrations. Applied in order, each once, each in a transaction
 * with its row in `schema_migrations`. Never edit one that has shipped: add the next.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'submissions',
    sql: `
      CREATE TABLE submissions (
        id              INTEGER PRIMARY KEY,
        tracking_code   TEXT NOT NULL UNIQUE,
        form            TEXT NOT NULL,
        kind            TEXT NOT NULL,
        idempotency_key TEXT NOT NULL,
        body_hash       TEXT NOT NULL,
        data            TEXT NOT NULL,
        received_at     TEXT NOT NULL,
        received_on     TEXT NOT NULL,
        deadline        TEXT NOT NULL,
        step            TEXT NOT NULL DEFAULT 'received' CHECK (step IN ('received', 'registered', 'processing', 'replied')),
        replied_on      TEXT,
        outcome         TEXT,
        reason          TEXT,
        UNIQUE (form, idempotency_key)
      );
      CREATE INDEX submissions_form_received ON submissions (form, received_at);
    `,
  },
  {
    version: 2,
    name: 'submission_events',
    // Every staff action on a submission (受理、转办、反馈): who, when, what.
    sql: `
      CREATE TABLE submission_events (
        id            INTEGER PRIMARY KEY,
        submission_id INTEGER NOT NULL REFERENCES submissions (id),
        at            TEXT NOT NULL,
        actor         TEXT NOT NULL,
        action        TEXT NOT NULL,
        note          TEXT
      );
      CREATE INDEX submission_events_submission ON submission_events (submission_id, at);
    `,
  },
];
