/** SqliteStorage's documents (DocumentStorage, migration 4): every step one IMMEDIATE transaction. */
import type Database from 'better-sqlite3';
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

const flag = (value: boolean) => (value ? 1 : 0);
/** A public read (PublishedRead): the document's state and the version asked for (default: the latest). */
const PUBLISHED_READ = `SELECT d.id, d.slug, d.latest_version, d.withdrawn_at, d.withdrawn_reason, r.version, r.sha256, r.signature, r.content
  FROM documents d LEFT JOIN document_revisions r ON r.document_id = d.id AND r.state = 'published' AND r.version = COALESCE(?, d.latest_version)
  WHERE d.org = ? AND d.slug = ?`;
/** A revision's document is this organisation's (the parameter: the org). */
const OWN_DOCUMENT = 'document_id IN (SELECT id FROM documents WHERE org = ?)';
const EVENT_SELECT =
  'SELECT e.at, e.actor, e.action, d.slug, e.revision_id, e.version, e.note, e.detail FROM document_events e JOIN documents d ON d.id = e.document_id';

export class SqliteDocuments implements DocumentStorage {
  constructor(
    private readonly db: Database.Database,
    /** SqliteStorage's: runs a synchronous read or write, a database error wrapped as the storage reports it. */
    private readonly run: <T>(fn: () => T) => Promise<T>,
    /** Every query is limited to this organisation's documents (server-storage.ts). */
    readonly org: string,
    /** Shared with the other organisations' views: the statements are the same. */
    private readonly statements: Map<string, Database.Statement> = new Map(),
  ) {}

  forOrg(org: string): SqliteDocuments {
    return new SqliteDocuments(this.db, this.run, org, this.statements);
  }

  private prepare<P extends unknown[], R>(sql: string): Database.Statement<P, R> {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement as unknown as Database.Statement<P, R>;
  }

  private insertRevision(documentId: number, revision: NewRevision): RevisionRecord {
    const sql = `INSERT INTO document_revisions (document_id, ${REVISION_COLUMNS.join(', ')}) VALUES (?, ${REVISION_COLUMNS.map(() => '?').join(', ')}) RETURNING *`;
    return toRevision(this.prepare<unknown[], RevisionRow>(sql).get(documentId, ...revisionValues(revision, flag))!);
  }

  private writeEvent(
    documentId: number,
    revisionId: number | null,
    at: string,
    actor: string,
    event: DocumentChange['event'],
  ): void {
    this.prepare(
      'INSERT INTO document_events (document_id, revision_id, version, at, actor, action, note, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      documentId,
      revisionId,
      event.version ?? null,
      at,
      actor,
      event.action,
      event.note ?? null,
      event.detail ? JSON.stringify(event.detail) : null,
    );
  }

  create(document: Parameters<DocumentStorage['create']>[0], revision: NewRevision, event: DocumentChange['event']) {
    return this.run(() =>
      this.db
        .transaction(() => {
          const row = this.prepare<unknown[], DocumentRow>(
            'INSERT INTO documents (org, slug, kind, office, title, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (org, slug) DO NOTHING RETURNING *',
          ).get(
            this.org,
            document.slug,
            document.kind,
            document.office,
            document.title,
            document.createdAt,
            document.createdBy,
            document.updatedAt,
          );
          if (!row) return undefined;
          const created = toDocument(row);
          const inserted = this.insertRevision(created.id, revision);
          this.writeEvent(created.id, inserted.id, document.createdAt, document.createdBy, event);
          return { document: created, revision: inserted };
        })
        .immediate(),
    );
  }

  bySlug(slug: string): Promise<DocumentRecord | undefined> {
    return this.run(() => {
      const row = this.prepare<[string, string], DocumentRow>('SELECT * FROM documents WHERE org = ? AND slug = ?').get(
        this.org,
        slug,
      );
      return row ? toDocument(row) : undefined;
    });
  }

  list(query: DocumentQuery): Promise<{ total: number; items: DocumentListItem[] }> {
    return this.run(() => {
      const where: string[] = ['d.org = @org'];
      const params: Record<string, unknown> = { org: this.org };
      if (query.office !== undefined) (where.push('d.office = @office'), (params.office = query.office));
      if (query.kind) (where.push('d.kind = @kind'), (params.kind = query.kind));
      if (query.state === 'published') where.push('d.latest_version IS NOT NULL AND d.withdrawn_at IS NULL');
      else if (query.state === 'withdrawn') where.push('d.withdrawn_at IS NOT NULL');
      else if (query.state) (where.push('o.state = @state'), (params.state = query.state));
      if (query.text) {
        where.push("(d.slug LIKE @text ESCAPE '\\' OR d.title LIKE @text ESCAPE '\\')");
        params.text = `%${query.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      }
      const from = `FROM documents d LEFT JOIN document_revisions o ON o.document_id = d.id AND o.state IN ('draft', 'submitted', 'returned')`;
      const clause = `WHERE ${where.join(' AND ')}`;
      const total = this.prepare<[Record<string, unknown>], { n: number }>(
        `SELECT COUNT(*) AS n ${from} ${clause}`,
      ).get(params)!.n;
      const rows = this.prepare<
        [Record<string, unknown>],
        DocumentRow & { open_state: DocumentListItem['openState']; open_revision: number | null }
      >(
        `SELECT d.*, o.state AS open_state, o.id AS open_revision ${from} ${clause} ORDER BY d.updated_at DESC, d.id DESC LIMIT @limit OFFSET @offset`,
      ).all({ ...params, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
      return {
        total,
        items: rows.map((row) => ({
          ...toDocument(row),
          openState: row.open_state ?? null,
          openRevision: row.open_revision ?? null,
        })),
      };
    });
  }

  revisions(documentId: number): Promise<RevisionRecord[]> {
    return this.run(() =>
      this.prepare<[number, string], RevisionRow>(
        `SELECT * FROM document_revisions WHERE document_id = ? AND ${OWN_DOCUMENT} ORDER BY id`,
      )
        .all(documentId, this.org)
        .map(toRevision),
    );
  }

  publishedVersions(documentId: number): Promise<RevisionRecord[]> {
    return this.run(() =>
      this.prepare<[number, string], RevisionRow>(
        `SELECT * FROM document_revisions WHERE document_id = ? AND ${OWN_DOCUMENT} AND state = 'published' ORDER BY version DESC`,
      )
        .all(documentId, this.org)
        .map(toRevision),
    );
  }

  publishedVersion(documentId: number, version: number): Promise<RevisionRecord | undefined> {
    return this.run(() => {
      const row = this.prepare<[number, number, string], RevisionRow>(
        `SELECT * FROM document_revisions WHERE document_id = ? AND version = ? AND state = 'published' AND ${OWN_DOCUMENT}`,
      ).get(documentId, version, this.org);
      return row ? toRevision(row) : undefined;
    });
  }

  published(
    slug: string,
    { version, withContent = false, known = [] }: PublishedReadOptions = {},
  ): Promise<PublishedRead | undefined> {
    return this.run(() => {
      const row = this.prepare<[number | null, string, string], PublishedReadRow>(PUBLISHED_READ).get(
        version ?? null,
        this.org,
        slug,
      );
      if (!row) return undefined;
      // The text costs nothing more to read here; it is left out as PostgreSQL leaves it out.
      return toPublishedRead({
        ...row,
        content: withContent && row.sha256 !== null && !known.includes(row.sha256) ? row.content : null,
      });
    });
  }

  submitted(office?: string): Promise<Array<{ document: DocumentRecord; revision: RevisionRecord }>> {
    return this.run(() => {
      const rows = this.prepare<unknown[], { revision_id: number }>(
        `SELECT r.id AS revision_id FROM document_revisions r JOIN documents d ON d.id = r.document_id WHERE d.org = ? AND r.state = 'submitted' ${office === undefined ? '' : 'AND d.office = ?'} ORDER BY r.submitted_at, r.id`,
      ).all(this.org, ...(office === undefined ? [] : [office]));
      return rows.map(({ revision_id }) => {
        const revision = toRevision(
          this.prepare<[number], RevisionRow>('SELECT * FROM document_revisions WHERE id = ?').get(revision_id)!,
        );
        const document = toDocument(
          this.prepare<[number], DocumentRow>('SELECT * FROM documents WHERE id = ?').get(revision.documentId)!,
        );
        return { document, revision };
      });
    });
  }

  events(query: { documentId?: number; action?: string; office?: string; limit: number }): Promise<DocumentEvent[]> {
    return this.run(() => {
      const where: string[] = ['d.org = ?'];
      const params: unknown[] = [this.org];
      if (query.documentId !== undefined) (where.push('e.document_id = ?'), params.push(query.documentId));
      if (query.action) (where.push('e.action = ?'), params.push(query.action));
      if (query.office !== undefined) (where.push('d.office = ?'), params.push(query.office));
      const sql = `${EVENT_SELECT} WHERE ${where.join(' AND ')} ORDER BY e.id DESC LIMIT ?`;
      return this.prepare<unknown[], DocumentEventRow>(sql)
        .all(...params, query.limit)
        .map(toDocumentEvent);
    });
  }

  logEvent(
    documentId: number,
    revisionId: number | null,
    at: string,
    actor: string,
    event: DocumentChange['event'],
  ): Promise<void> {
    return this.run(() => this.writeEvent(documentId, revisionId, at, actor, event));
  }

  change(slug: string, actor: string, at: string, decide: DecideDocument) {
    return this.run(() =>
      this.db
        .transaction(() => {
          const row = this.prepare<[string, string], DocumentRow>(
            'SELECT * FROM documents WHERE org = ? AND slug = ?',
          ).get(this.org, slug);
          if (!row) return undefined;
          const document = toDocument(row);
          const revisions = this.prepare<[number], RevisionRow>(
            'SELECT * FROM document_revisions WHERE document_id = ? ORDER BY id',
          )
            .all(document.id)
            .map(toRevision);
          const change = decide(document, revisions);
          let revision: RevisionRecord | undefined;
          if (change.insert) revision = this.insertRevision(document.id, change.insert);
          if (change.update) {
            const current = revisions.find((r) => r.id === change.update!.id)!;
            const next: NewRevision = { ...current, ...definedOnly(change.update.patch), updatedAt: at };
            const sql = `UPDATE document_revisions SET ${REVISION_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ? RETURNING *`;
            revision = toRevision(
              this.prepare<unknown[], RevisionRow>(sql).get(...revisionValues(next, flag), current.id)!,
            );
          }
          const patch = Object.entries(change.document ?? {}).filter(([, v]) => v !== undefined);
          const sets = [...patch.map(([key]) => `${DOCUMENT_CHANGE_COLUMNS[key]} = ?`), 'updated_at = ?'];
          const updated = this.prepare<unknown[], DocumentRow>(
            `UPDATE documents SET ${sets.join(', ')} WHERE id = ? RETURNING *`,
          ).get(...patch.map(([, v]) => v), at, document.id)!;
          this.writeEvent(document.id, revision?.id ?? null, at, actor, change.event);
          return { document: toDocument(updated), revision };
        })
        .immediate(),
    );
  }
}
