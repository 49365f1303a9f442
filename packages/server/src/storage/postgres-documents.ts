/**
 * PostgresStorage's documents (DocumentStorage, migration 4): the semantics of
 * sqlite-documents.ts, in PostgreSQL's types, answered as SQLite answers them (times as
 * toISOString() text, flags as booleans, ids as numbers). A step locks its document
 * (SELECT … FOR UPDATE) from reading it to writing its event: two reviewers approving at
 * once, from two server processes too, are applied one after the other.
 */
import type pg from 'pg';
import type {
  DecideDocument,
  DocumentChange,
  DocumentEvent,
  DocumentListItem,
  DocumentQuery,
  DocumentRecord,
  DocumentStorage,
  NewRevision,
  PublishedRead,
  PublishedReadOptions,
  RevisionRecord,
} from './document-types.js';
import {
  definedOnly,
  DOCUMENT_CHANGE_COLUMNS,
  REVISION_COLUMNS,
  revisionValues,
  toDocument,
  toDocumentEvent,
  toPublishedRead,
  toRevision,
  type DocumentEventRow,
  type DocumentRow,
  type PublishedReadRow,
  type RevisionRow,
} from './rows.js';

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const DOCUMENT_COLUMNS = `d.id, d.slug, d.kind, d.office, d.title, ${iso('d.created_at')} AS created_at, d.created_by, ${iso('d.updated_at')} AS updated_at, d.latest_version,
  ${iso('d.first_published_at')} AS first_published_at, ${iso('d.withdrawn_at')} AS withdrawn_at, d.withdrawn_by, d.withdrawn_reason`;
const TIMES = new Set(['created_at', 'updated_at', 'submitted_at', 'reviewed_at', 'published_at']);
const REVISION_SELECT = `r.id, r.document_id, ${REVISION_COLUMNS.map((c) => (TIMES.has(c) ? `${iso(`r.${c}`)} AS ${c}` : `r.${c}`)).join(', ')}`;
const EVENT_SELECT = `SELECT ${iso('e.at')} AS at, e.actor, e.action, d.slug, e.revision_id, e.version, e.note, e.detail FROM document_events e JOIN documents d ON d.id = e.document_id`;
const flag = (value: boolean) => value;
/** A revision's document is this organisation's (the parameter $2: the org). */
const OWN_DOCUMENT = 'r.document_id IN (SELECT id FROM documents WHERE org = $2)';
/**
 * A public read (PublishedRead), on every request to /d/: a named statement (parsed and
 * planned once per connection, not per request), only the columns the answer needs, and
 * the text only when the reader does not hold it already (a 304 reads no TOASTed text).
 */
const PUBLISHED_READ = `SELECT d.id, d.slug, d.latest_version, ${iso('d.withdrawn_at')} AS withdrawn_at, d.withdrawn_reason, r.version, r.sha256, r.signature,
    CASE WHEN $3::boolean AND NOT (r.sha256 = ANY($4::text[])) THEN r.content END AS content
  FROM documents d LEFT JOIN document_revisions r ON r.document_id = d.id AND r.state = 'published' AND r.version = COALESCE($2::int, d.latest_version)
  WHERE d.org = $5 AND d.slug = $1`;
const EVENT_INSERT =
  'INSERT INTO document_events (document_id, revision_id, version, at, actor, action, note, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)';

type Query = <R extends pg.QueryResultRow>(
  query: string | pg.QueryConfig,
  values?: unknown[],
) => Promise<pg.QueryResult<R>>;
type Transaction = <T>(fn: (client: pg.PoolClient) => Promise<T>) => Promise<T>;

export class PostgresDocuments implements DocumentStorage {
  constructor(
    private readonly query: Query,
    private readonly transaction: Transaction,
    private readonly wrap: (error: unknown) => unknown,
    /** Every query is limited to this organisation's documents (server-storage.ts). */
    readonly org: string,
  ) {}

  forOrg(org: string): PostgresDocuments {
    return new PostgresDocuments(this.query, this.transaction, this.wrap, org);
  }

  private async insertRevision(
    client: pg.PoolClient,
    documentId: number,
    revision: NewRevision,
  ): Promise<RevisionRecord> {
    const values = revisionValues(revision, flag);
    const sql = `WITH r AS (INSERT INTO document_revisions (document_id, ${REVISION_COLUMNS.join(', ')}) VALUES ($1, ${values.map((_, i) => `$${i + 2}`).join(', ')}) RETURNING *) SELECT ${REVISION_SELECT} FROM r`;
    return toRevision((await client.query<RevisionRow>(sql, [documentId, ...values])).rows[0]!);
  }

  private event(
    documentId: number,
    revisionId: number | null,
    at: string,
    actor: string,
    event: DocumentChange['event'],
  ): unknown[] {
    return [
      documentId,
      revisionId,
      event.version ?? null,
      at,
      actor,
      event.action,
      event.note ?? null,
      event.detail ? JSON.stringify(event.detail) : null,
    ];
  }

  /** `fn` in a transaction; what `fn` throws itself (a refused step) passes through as it is. */
  private async step<T>(fn: (client: pg.PoolClient, refuse: (error: unknown) => never) => Promise<T>): Promise<T> {
    let refused: { error: unknown } | undefined;
    try {
      return await this.transaction((client) =>
        fn(client, (error) => {
          refused = { error };
          throw error;
        }),
      );
    } catch (error) {
      if (refused && error === refused.error) throw error;
      throw this.wrap(error);
    }
  }

  create(document: Parameters<DocumentStorage['create']>[0], revision: NewRevision, event: DocumentChange['event']) {
    return this.step(async (client) => {
      const row = (
        await client.query<DocumentRow>(
          `WITH d AS (INSERT INTO documents (slug, kind, office, title, created_at, created_by, updated_at, org) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (org, slug) DO NOTHING RETURNING *) SELECT ${DOCUMENT_COLUMNS} FROM d`,
          [
            document.slug,
            document.kind,
            document.office,
            document.title,
            document.createdAt,
            document.createdBy,
            document.updatedAt,
            this.org,
          ],
        )
      ).rows[0];
      if (!row) return undefined;
      const created = toDocument(row);
      const inserted = await this.insertRevision(client, created.id, revision);
      await client.query(
        EVENT_INSERT,
        this.event(created.id, inserted.id, document.createdAt, document.createdBy, event),
      );
      return { document: created, revision: inserted };
    });
  }

  async bySlug(slug: string): Promise<DocumentRecord | undefined> {
    const row = (
      await this.query<DocumentRow>(`SELECT ${DOCUMENT_COLUMNS} FROM documents d WHERE d.org = $1 AND d.slug = $2`, [
        this.org,
        slug,
      ])
    ).rows[0];
    return row ? toDocument(row) : undefined;
  }

  async list(query: DocumentQuery): Promise<{ total: number; items: DocumentListItem[] }> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [`d.org = ${param(this.org)}`];
    if (query.office !== undefined) where.push(`d.office = ${param(query.office)}`);
    if (query.kind) where.push(`d.kind = ${param(query.kind)}`);
    if (query.state === 'published') where.push('d.latest_version IS NOT NULL AND d.withdrawn_at IS NULL');
    else if (query.state === 'withdrawn') where.push('d.withdrawn_at IS NOT NULL');
    else if (query.state) where.push(`o.state = ${param(query.state)}`);
    if (query.text) {
      // As SQLite's LIKE: the case of ASCII letters only is ignored.
      const text = param(
        `%${query.text.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/[A-Z]/g, (c) => c.toLowerCase())}%`,
      );
      const lower = (column: string) =>
        `translate(${column}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')`;
      where.push(`(${lower('d.slug')} LIKE ${text} ESCAPE '\\' OR ${lower('d.title')} LIKE ${text} ESCAPE '\\')`);
    }
    const from = `FROM documents d LEFT JOIN document_revisions o ON o.document_id = d.id AND o.state IN ('draft', 'submitted', 'returned')`;
    const clause = `WHERE ${where.join(' AND ')}`;
    const total = (await this.query<{ n: number }>(`SELECT COUNT(*)::int AS n ${from} ${clause}`, params)).rows[0]!.n;
    const limit = param(query.pageSize);
    const offset = param((query.page - 1) * query.pageSize);
    const rows = (
      await this.query<DocumentRow & { open_state: DocumentListItem['openState']; open_revision: string | null }>(
        `SELECT ${DOCUMENT_COLUMNS}, o.state AS open_state, o.id AS open_revision ${from} ${clause} ORDER BY d.updated_at DESC, d.id DESC LIMIT ${limit} OFFSET ${offset}`,
        params,
      )
    ).rows;
    return {
      total,
      items: rows.map((row) => ({
        ...toDocument(row),
        openState: row.open_state ?? null,
        openRevision: row.open_revision === null ? null : Number(row.open_revision),
      })),
    };
  }

  async revisions(documentId: number): Promise<RevisionRecord[]> {
    return (
      await this.query<RevisionRow>(
        `SELECT ${REVISION_SELECT} FROM document_revisions r WHERE r.document_id = $1 AND ${OWN_DOCUMENT} ORDER BY r.id`,
        [documentId, this.org],
      )
    ).rows.map(toRevision);
  }

  async publishedVersions(documentId: number): Promise<RevisionRecord[]> {
    return (
      await this.query<RevisionRow>(
        `SELECT ${REVISION_SELECT} FROM document_revisions r WHERE r.document_id = $1 AND ${OWN_DOCUMENT} AND r.state = 'published' ORDER BY r.version DESC`,
        [documentId, this.org],
      )
    ).rows.map(toRevision);
  }

  async publishedVersion(documentId: number, version: number): Promise<RevisionRecord | undefined> {
    const row = (
      await this.query<RevisionRow>(
        `SELECT ${REVISION_SELECT} FROM document_revisions r WHERE r.document_id = $1 AND r.version = $3 AND r.state = 'published' AND ${OWN_DOCUMENT}`,
        [documentId, this.org, version],
      )
    ).rows[0];
    return row ? toRevision(row) : undefined;
  }

  async published(
    slug: string,
    { version, withContent = false, known = [] }: PublishedReadOptions = {},
  ): Promise<PublishedRead | undefined> {
    const row = (
      await this.query<PublishedReadRow>({
        name: 'gk_published_read',
        text: PUBLISHED_READ,
        values: [slug, version ?? null, withContent, known, this.org],
      })
    ).rows[0];
    return row ? toPublishedRead(row) : undefined;
  }

  async submitted(office?: string): Promise<Array<{ document: DocumentRecord; revision: RevisionRecord }>> {
    const rows = (
      await this.query<RevisionRow>(
        `SELECT ${REVISION_SELECT} FROM document_revisions r JOIN documents d ON d.id = r.document_id WHERE d.org = $1 AND r.state = 'submitted' ${office === undefined ? '' : 'AND d.office = $2'} ORDER BY r.submitted_at, r.id`,
        office === undefined ? [this.org] : [this.org, office],
      )
    ).rows.map(toRevision);
    const out = [];
    for (const revision of rows) {
      const document = toDocument(
        (
          await this.query<DocumentRow>(`SELECT ${DOCUMENT_COLUMNS} FROM documents d WHERE d.id = $1`, [
            revision.documentId,
          ])
        ).rows[0]!,
      );
      out.push({ document, revision });
    }
    return out;
  }

  async events(query: {
    documentId?: number;
    action?: string;
    office?: string;
    limit: number;
  }): Promise<DocumentEvent[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [`d.org = ${param(this.org)}`];
    if (query.documentId !== undefined) where.push(`e.document_id = ${param(query.documentId)}`);
    if (query.action) where.push(`e.action = ${param(query.action)}`);
    if (query.office !== undefined) where.push(`d.office = ${param(query.office)}`);
    const sql = `${EVENT_SELECT} WHERE ${where.join(' AND ')} ORDER BY e.id DESC LIMIT ${param(query.limit)}`;
    return (await this.query<DocumentEventRow>(sql, params)).rows.map(toDocumentEvent);
  }

  async logEvent(
    documentId: number,
    revisionId: number | null,
    at: string,
    actor: string,
    event: DocumentChange['event'],
  ): Promise<void> {
    await this.step(
      async (client) => void (await client.query(EVENT_INSERT, this.event(documentId, revisionId, at, actor, event))),
    );
  }

  change(slug: string, actor: string, at: string, decide: DecideDocument) {
    return this.step(async (client, refuse) => {
      const row = (
        await client.query<DocumentRow>(
          `SELECT ${DOCUMENT_COLUMNS} FROM documents d WHERE d.org = $1 AND d.slug = $2 FOR UPDATE`,
          [this.org, slug],
        )
      ).rows[0];
      if (!row) return undefined;
      const document = toDocument(row);
      const revisions = (
        await client.query<RevisionRow>(
          `SELECT ${REVISION_SELECT} FROM document_revisions r WHERE r.document_id = $1 ORDER BY r.id`,
          [document.id],
        )
      ).rows.map(toRevision);
      let change: DocumentChange;
      try {
        change = decide(document, revisions);
      } catch (error) {
        return refuse(error);
      }
      let revision: RevisionRecord | undefined;
      if (change.insert) revision = await this.insertRevision(client, document.id, change.insert);
      if (change.update) {
        const current = revisions.find((r) => r.id === change.update!.id)!;
        const next: NewRevision = { ...current, ...definedOnly(change.update.patch), updatedAt: at };
        const values = revisionValues(next, flag);
        const sql = `WITH r AS (UPDATE document_revisions SET ${REVISION_COLUMNS.map((c, i) => `${c} = $${i + 1}`).join(', ')} WHERE id = $${values.length + 1} RETURNING *) SELECT ${REVISION_SELECT} FROM r`;
        revision = toRevision((await client.query<RevisionRow>(sql, [...values, current.id])).rows[0]!);
      }
      const patch = Object.entries(change.document ?? {}).filter(([, v]) => v !== undefined);
      const sets = [
        ...patch.map(([key], i) => `${DOCUMENT_CHANGE_COLUMNS[key]} = $${i + 1}`),
        `updated_at = $${patch.length + 1}`,
      ];
      const updated = (
        await client.query<DocumentRow>(
          `WITH d AS (UPDATE documents SET ${sets.join(', ')} WHERE id = $${patch.length + 2} RETURNING *) SELECT ${DOCUMENT_COLUMNS} FROM d`,
          [...patch.map(([, v]) => v), at, document.id],
        )
      ).rows[0]!;
      await client.query(EVENT_INSERT, this.event(document.id, revision?.id ?? null, at, actor, change.event));
      return { document: toDocument(updated), revision };
    });
  }
}
