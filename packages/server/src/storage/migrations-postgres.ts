/**
 * PostgreSQL's numbered migrations: the same versions, names and tables as
 * migrations-sqlite.ts, in PostgreSQL's types. Applied in order, each once, each in
 * a transaction with its row in `schema_migrations`. Never edit one that has
 * shipped: add the next — to both lists, with the same number and name.
 */
import type { Migration } from './migrations-sqlite.js';

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'submissions',
    // `data` is json, not jsonb: jsonb reorders keys, and the values are kept in the form's order.
    // Dates are DATE (county calendar days), received_at a timestamptz (UTC instant).
    sql: `
      CREATE TABLE submissions (
        id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tracking_code   TEXT NOT NULL,
        form            TEXT NOT NULL,
        kind            TEXT NOT NULL,
        idempotency_key TEXT NOT NULL,
        body_hash       TEXT NOT NULL,
        data            JSON NOT NULL,
        received_at     TIMESTAMPTZ NOT NULL,
        received_on     DATE NOT NULL,
        deadline        DATE NOT NULL,
        step            TEXT NOT NULL DEFAULT 'received' CHECK (step IN ('received', 'registered', 'processing', 'replied')),
        replied_on      DATE,
        outcome         TEXT,
        reason          TEXT,
        CONSTRAINT submissions_tracking_code_key UNIQUE (tracking_code),
        CONSTRAINT submissions_form_idempotency_key_key UNIQUE (form, idempotency_key)
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
        id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        submission_id BIGINT NOT NULL REFERENCES submissions (id),
        at            TIMESTAMPTZ NOT NULL,
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
    // As SQLite's version 3: staff accounts and sessions (the token hashed), account events,
    // and what the staff's actions record on a submission (转办 office, 反馈 reply and whether
    // it is published, a consultation comment's 采纳情况, an application's outcome category
    // and its 延期); submission_events gets the action's details.
    sql: `
      CREATE TABLE staff_users (
        id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name          TEXT NOT NULL UNIQUE,
        office        TEXT NOT NULL,
        role          TEXT NOT NULL CHECK (role IN ('admin', 'staff')),
        password_hash TEXT NOT NULL,
        disabled      BOOLEAN NOT NULL DEFAULT false,
        created_at    TIMESTAMPTZ NOT NULL,
        updated_at    TIMESTAMPTZ NOT NULL
      );
      CREATE TABLE staff_sessions (
        token_hash TEXT PRIMARY KEY,
        user_id    BIGINT NOT NULL REFERENCES staff_users (id),
        created_at TIMESTAMPTZ NOT NULL,
        expires_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX staff_sessions_user ON staff_sessions (user_id);
      CREATE TABLE staff_events (
        id     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at     TIMESTAMPTZ NOT NULL,
        actor  TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT
      );
      ALTER TABLE submission_events ADD COLUMN detail TEXT;
      ALTER TABLE submissions ADD COLUMN office TEXT;
      ALTER TABLE submissions ADD COLUMN reply TEXT;
      ALTER TABLE submissions ADD COLUMN publish BOOLEAN NOT NULL DEFAULT false;
      ALTER TABLE submissions ADD COLUMN adoption TEXT CHECK (adoption IN ('adopted', 'partly', 'not'));
      ALTER TABLE submissions ADD COLUMN adoption_reason TEXT;
      ALTER TABLE submissions ADD COLUMN outcome_detail TEXT;
      ALTER TABLE submissions ADD COLUMN extended BOOLEAN NOT NULL DEFAULT false;
      ALTER TABLE submissions ADD COLUMN updated_at TIMESTAMPTZ;
      CREATE INDEX submissions_form_replied ON submissions (form, replied_on);
    `,
  },
  {
    version: 4,
    name: 'documents',
    // As SQLite's version 4: documents, their revisions (the JSON as TEXT, byte for byte: it
    // is what is signed and served) and document_events; roles editor, reviewer, admin (the
    // old `staff` accounts are editors; sessions stay valid here).
    sql: `
      CREATE TABLE documents (
        id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        slug               TEXT NOT NULL UNIQUE,
        kind               TEXT NOT NULL,
        office             TEXT NOT NULL,
        title              TEXT NOT NULL,
        created_at         TIMESTAMPTZ NOT NULL,
        created_by         TEXT NOT NULL,
        updated_at         TIMESTAMPTZ NOT NULL,
        latest_version     INTEGER,
        first_published_at TIMESTAMPTZ,
        withdrawn_at       TIMESTAMPTZ,
        withdrawn_by       TEXT,
        withdrawn_reason   TEXT
      );
      CREATE TABLE document_revisions (
        id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        document_id       BIGINT NOT NULL REFERENCES documents (id),
        state             TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'published')),
        content           TEXT NOT NULL,
        sha256            TEXT NOT NULL,
        change_note       TEXT,
        major             BOOLEAN NOT NULL DEFAULT true,
        author            TEXT NOT NULL,
        created_at        TIMESTAMPTZ NOT NULL,
        updated_at        TIMESTAMPTZ NOT NULL,
        submitted_by      TEXT,
        submitted_at      TIMESTAMPTZ,
        reviewer          TEXT,
        reviewer_office   TEXT,
        reviewed_at       TIMESTAMPTZ,
        return_reason     TEXT,
        published_at      TIMESTAMPTZ,
        published_by      TEXT,
        version           INTEGER,
        unreviewed_reason TEXT,
        signature         TEXT,
        UNIQUE (document_id, version)
      );
      CREATE INDEX document_revisions_document ON document_revisions (document_id, id);
      CREATE TABLE document_events (
        id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        document_id BIGINT NOT NULL REFERENCES documents (id),
        revision_id BIGINT,
        version     INTEGER,
        at          TIMESTAMPTZ NOT NULL,
        actor       TEXT NOT NULL,
        action      TEXT NOT NULL,
        note        TEXT,
        detail      TEXT
      );
      CREATE INDEX document_events_document ON document_events (document_id, id);
      CREATE INDEX document_events_action ON document_events (action, id);
      ALTER TABLE staff_users DROP CONSTRAINT IF EXISTS staff_users_role_check;
      UPDATE staff_users SET role = 'editor' WHERE role = 'staff';
      ALTER TABLE staff_users ADD CONSTRAINT staff_users_role_check CHECK (role IN ('admin', 'reviewer', 'editor'));
    `,
  },
  {
    version: 5,
    name: 'organisations',
    // As SQLite's version 5: every organisation's rows carry its id (existing rows the
    // default organisation's); an account's name, a document's slug and a form's idempotency
    // key are unique within an organisation. Altered in place (ids, sessions kept). The
    // column's default fills the existing rows, and names the default organisation for a
    // row written by an older tool; the server itself always names the organisation.
    // rate_limits holds the counters every server instance shares (rate limits, failed sign-ins): UNLOGGED, since a counter is not worth a WAL write per request
    // and may be lost in a crash (it is emptied then, and a restore starts without it).
    sql: `
      ALTER TABLE submissions ADD COLUMN org TEXT NOT NULL DEFAULT 'default';
      ALTER TABLE submissions DROP CONSTRAINT submissions_form_idempotency_key_key;
      ALTER TABLE submissions ADD CONSTRAINT submissions_org_form_idempotency_key_key UNIQUE (org, form, idempotency_key);
      DROP INDEX submissions_form_received;
      DROP INDEX submissions_form_replied;
      CREATE INDEX submissions_org_form_received ON submissions (org, form, received_at);
      CREATE INDEX submissions_org_form_replied ON submissions (org, form, replied_on);
      CREATE INDEX submissions_org_received ON submissions (org, received_at);

      ALTER TABLE staff_users ADD COLUMN org TEXT NOT NULL DEFAULT 'default';
      ALTER TABLE staff_users DROP CONSTRAINT staff_users_name_key;
      ALTER TABLE staff_users ADD CONSTRAINT staff_users_org_name_key UNIQUE (org, name);

      ALTER TABLE staff_events ADD COLUMN org TEXT NOT NULL DEFAULT 'default';
      CREATE INDEX staff_events_org ON staff_events (org, id);

      ALTER TABLE documents ADD COLUMN org TEXT NOT NULL DEFAULT 'default';
      ALTER TABLE documents DROP CONSTRAINT documents_slug_key;
      ALTER TABLE documents ADD CONSTRAINT documents_org_slug_key UNIQUE (org, slug);

      CREATE UNLOGGED TABLE rate_limits (
        bucket       TEXT PRIMARY KEY,
        window_start BIGINT NOT NULL,
        count        INTEGER NOT NULL
      );
    `,
  },
];
