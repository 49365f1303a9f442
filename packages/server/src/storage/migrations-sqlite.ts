/**
 * SQLite's numbered migrations. Applied in order, each once, each in a transaction
 * with its row in `schema_migrations`. Never edit one that has shipped: add the next.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * SQLite: the migration rebuilds tables that others reference, so foreign keys are off
   * while it runs (SQLite's own procedure for changing a table's constraints) and checked
   * before it commits. PostgreSQL alters its tables in place and ignores this.
   */
  rebuildsTables?: boolean;
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
  {
    version: 3,
    name: 'staff',
    // Staff accounts and sessions (the token hashed), account events, and what the
    // staff's actions record on a submission: 转办 office, 反馈 reply and whether it is
    // published, a consultation comment's 采纳情况, an application's outcome category
    // and its 延期. submission_events gets the action's details as JSON.
    sql: `
      CREATE TABLE staff_users (
        id            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL UNIQUE,
        office        TEXT NOT NULL,
        role          TEXT NOT NULL CHECK (role IN ('admin', 'staff')),
        password_hash TEXT NOT NULL,
        disabled      INTEGER NOT NULL DEFAULT 0,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      );
      CREATE TABLE staff_sessions (
        token_hash TEXT PRIMARY KEY,
        user_id    INTEGER NOT NULL REFERENCES staff_users (id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX staff_sessions_user ON staff_sessions (user_id);
      CREATE TABLE staff_events (
        id     INTEGER PRIMARY KEY,
        at     TEXT NOT NULL,
        actor  TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT
      );
      ALTER TABLE submission_events ADD COLUMN detail TEXT;
      ALTER TABLE submissions ADD COLUMN office TEXT;
      ALTER TABLE submissions ADD COLUMN reply TEXT;
      ALTER TABLE submissions ADD COLUMN publish INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE submissions ADD COLUMN adoption TEXT CHECK (adoption IN ('adopted', 'partly', 'not'));
      ALTER TABLE submissions ADD COLUMN adoption_reason TEXT;
      ALTER TABLE submissions ADD COLUMN outcome_detail TEXT;
      ALTER TABLE submissions ADD COLUMN extended INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE submissions ADD COLUMN updated_at TEXT;
      CREATE INDEX submissions_form_replied ON submissions (form, replied_on);
    `,
  },
  {
    version: 4,
    name: 'documents',
    // Published documents (信息审核发布): a document per slug with its owning office, its
    // revisions (the exact JSON text, who wrote, submitted, reviewed and published it, when,
    // the change note, major or minor, the version number once published, its signature),
    // and every step in document_events. Roles become editor, reviewer, admin: the old
    // `staff` accounts are editors. SQLite cannot change a CHECK in place, so staff_users is
    // rebuilt; the sessions that point to it are ended first (everyone signs in once more).
    sql: `
      CREATE TABLE documents (
        id                 INTEGER PRIMARY KEY,
        slug               TEXT NOT NULL UNIQUE,
        kind               TEXT NOT NULL,
        office             TEXT NOT NULL,
        title              TEXT NOT NULL,
        created_at         TEXT NOT NULL,
        created_by         TEXT NOT NULL,
        updated_at         TEXT NOT NULL,
        latest_version     INTEGER,
        first_published_at TEXT,
        withdrawn_at       TEXT,
        withdrawn_by       TEXT,
        withdrawn_reason   TEXT
      );
      CREATE TABLE document_revisions (
        id                INTEGER PRIMARY KEY,
        document_id       INTEGER NOT NULL REFERENCES documents (id),
        state             TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'published')),
        content           TEXT NOT NULL,
        sha256            TEXT NOT NULL,
        change_note       TEXT,
        major             INTEGER NOT NULL DEFAULT 1,
        author            TEXT NOT NULL,
        created_at        TEXT NOT NULL,
        updated_at        TEXT NOT NULL,
        submitted_by      TEXT,
        submitted_at      TEXT,
        reviewer          TEXT,
        reviewer_office   TEXT,
        reviewed_at       TEXT,
        return_reason     TEXT,
        published_at      TEXT,
        published_by      TEXT,
        version           INTEGER,
        unreviewed_reason TEXT,
        signature         TEXT,
        UNIQUE (document_id, version)
      );
      CREATE INDEX document_revisions_document ON document_revisions (document_id, id);
      CREATE TABLE document_events (
        id          INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents (id),
        revision_id INTEGER,
        version     INTEGER,
        at          TEXT NOT NULL,
        actor       TEXT NOT NULL,
        action      TEXT NOT NULL,
        note        TEXT,
        detail      TEXT
      );
      CREATE INDEX document_events_document ON document_events (document_id, id);
      CREATE INDEX document_events_action ON document_events (action, id);
      DELETE FROM staff_sessions;
      CREATE TABLE staff_users_v4 (
        id            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL UNIQUE,
        office        TEXT NOT NULL,
        role          TEXT NOT NULL CHECK (role IN ('admin', 'reviewer', 'editor')),
        password_hash TEXT NOT NULL,
        disabled      INTEGER NOT NULL DEFAULT 0,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      );
      INSERT INTO staff_users_v4 (id, name, office, role, password_hash, disabled, created_at, updated_at)
        SELECT id, name, office, CASE role WHEN 'staff' THEN 'editor' ELSE role END, password_hash, disabled, created_at, updated_at FROM staff_users;
      DROP TABLE staff_users;
      ALTER TABLE staff_users_v4 RENAME TO staff_users;
    `,
  },
  {
    version: 5,
    name: 'organisations',
    rebuildsTables: true,
    // One database for many organisations (issue 19): every organisation's rows carry its id
    // (existing rows become the default organisation's, served at the root URLs), and what
    // was unique in the database is unique within an organisation: an account's name, a
    // document's slug, a form's idempotency key. SQLite cannot change a UNIQUE constraint in
    // place, so those tables are rebuilt, keeping every id (sessions and events still point
    // to them). The org column defaults to the default organisation, as a row written by an
    // older tool would be; the server itself always names the organisation.
    sql: `
      CREATE TABLE submissions_v5 (
        id              INTEGER PRIMARY KEY,
        org             TEXT NOT NULL DEFAULT 'default',
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
        office          TEXT,
        reply           TEXT,
        publish         INTEGER NOT NULL DEFAULT 0,
        adoption        TEXT CHECK (adoption IN ('adopted', 'partly', 'not')),
        adoption_reason TEXT,
        outcome_detail  TEXT,
        extended        INTEGER NOT NULL DEFAULT 0,
        updated_at      TEXT,
        UNIQUE (org, form, idempotency_key)
      );
      INSERT INTO submissions_v5 (id, org, tracking_code, form, kind, idempotency_key, body_hash, data, received_at, received_on, deadline, step, replied_on,
          outcome, reason, office, reply, publish, adoption, adoption_reason, outcome_detail, extended, updated_at)
        SELECT id, 'default', tracking_code, form, kind, idempotency_key, body_hash, data, received_at, received_on, deadline, step, replied_on,
          outcome, reason, office, reply, publish, adoption, adoption_reason, outcome_detail, extended, updated_at FROM submissions;
      DROP TABLE submissions;
      ALTER TABLE submissions_v5 RENAME TO submissions;
      CREATE INDEX submissions_org_form_received ON submissions (org, form, received_at);
      CREATE INDEX submissions_org_form_replied ON submissions (org, form, replied_on);
      CREATE INDEX submissions_org_received ON submissions (org, received_at);

      CREATE TABLE staff_users_v5 (
        id            INTEGER PRIMARY KEY,
        org           TEXT NOT NULL DEFAULT 'default',
        name          TEXT NOT NULL,
        office        TEXT NOT NULL,
        role          TEXT NOT NULL CHECK (role IN ('admin', 'reviewer', 'editor')),
        password_hash TEXT NOT NULL,
        disabled      INTEGER NOT NULL DEFAULT 0,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        UNIQUE (org, name)
      );
      INSERT INTO staff_users_v5 (id, org, name, office, role, password_hash, disabled, created_at, updated_at)
        SELECT id, 'default', name, office, role, password_hash, disabled, created_at, updated_at FROM staff_users;
      DROP TABLE staff_users;
      ALTER TABLE staff_users_v5 RENAME TO staff_users;

      CREATE TABLE staff_events_v5 (
        id     INTEGER PRIMARY KEY,
        org    TEXT NOT NULL DEFAULT 'default',
        at     TEXT NOT NULL,
        actor  TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT
      );
      INSERT INTO staff_events_v5 (id, org, at, actor, action, detail) SELECT id, 'default', at, actor, action, detail FROM staff_events;
      DROP TABLE staff_events;
      ALTER TABLE staff_events_v5 RENAME TO staff_events;
      CREATE INDEX staff_events_org ON staff_events (org, id);

      CREATE TABLE documents_v5 (
        id                 INTEGER PRIMARY KEY,
        org                TEXT NOT NULL DEFAULT 'default',
        slug               TEXT NOT NULL,
        kind               TEXT NOT NULL,
        office             TEXT NOT NULL,
        title              TEXT NOT NULL,
        created_at         TEXT NOT NULL,
        created_by         TEXT NOT NULL,
        updated_at         TEXT NOT NULL,
        latest_version     INTEGER,
        first_published_at TEXT,
        withdrawn_at       TEXT,
        withdrawn_by       TEXT,
        withdrawn_reason   TEXT,
        UNIQUE (org, slug)
      );
      INSERT INTO documents_v5 (id, org, slug, kind, office, title, created_at, created_by, updated_at, latest_version, first_published_at, withdrawn_at, withdrawn_by, withdrawn_reason)
        SELECT id, 'default', slug, kind, office, title, created_at, created_by, updated_at, latest_version, first_published_at, withdrawn_at, withdrawn_by, withdrawn_reason FROM documents;
      DROP TABLE documents;
      ALTER TABLE documents_v5 RENAME TO documents;

      CREATE TABLE rate_limits (
        bucket       TEXT PRIMARY KEY,
        window_start INTEGER NOT NULL,
        count        INTEGER NOT NULL
      ) WITHOUT ROWID;
    `,
  },
];
