/**
 * What published documents (信息审核发布) need from a database, beside the citizens'
 * `Storage` and the staff's `StaffStorage`. Both storages implement it with the same
 * semantics and the same tests (migration 4). Times are ISO strings (toISOString).
 * Every method may throw StorageUnavailableError (→ 503).
 */

export type RevisionState = 'draft' | 'submitted' | 'returned' | 'published';

export interface DocumentRecord {
  id: number;
  slug: string;
  kind: string;
  /** The owning office (科室): its editors write, its reviewers review. */
  office: string;
  /** The latest revision's title. */
  title: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /** The newest published version's number; null before the first publish. */
  latestVersion: number | null;
  firstPublishedAt: string | null;
  /** 撤回: the published URLs answer 410 with the reason. */
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  withdrawnReason: string | null;
}

export interface RevisionRecord {
  id: number;
  documentId: number;
  state: RevisionState;
  /** The JSON text exactly as saved: what is served and signed. */
  content: string;
  sha256: string;
  changeNote: string | null;
  major: boolean;
  author: string;
  createdAt: string;
  updatedAt: string;
  submittedBy: string | null;
  submittedAt: string | null;
  reviewer: string | null;
  reviewerOffice: string | null;
  reviewedAt: string | null;
  returnReason: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
  /** Its number among the document's published versions (1, 2, …); null until published. */
  version: number | null;
  /** An admin published it without review, for this reason. */
  unreviewedReason: string | null;
  /** The signature envelope (JSON text), when the server had a key. */
  signature: string | null;
}

export type NewRevision = Omit<RevisionRecord, 'id' | 'documentId'>;

export interface DocumentEvent {
  at: string;
  actor: string;
  action: string;
  slug: string;
  revision: number | null;
  version: number | null;
  note: string | null;
  detail: Record<string, unknown> | null;
}

/** What one workflow step writes, decided on the current state inside the transaction. */
export interface DocumentChange {
  document?: Partial<
    Pick<
      DocumentRecord,
      'title' | 'latestVersion' | 'firstPublishedAt' | 'withdrawnAt' | 'withdrawnBy' | 'withdrawnReason'
    >
  >;
  /** A new revision to insert. */
  insert?: NewRevision;
  /** A change to an existing revision. */
  update?: { id: number; patch: Partial<NewRevision> };
  event: { action: string; note?: string | null; detail?: Record<string, unknown> | null; version?: number | null };
}

/** Decides a step; throwing aborts it (nothing written). `revisions` are the document's, oldest first. */
export type DecideDocument = (document: DocumentRecord, revisions: RevisionRecord[]) => DocumentChange;

export interface DocumentQuery {
  /** Only this office's documents (an editor's or reviewer's scope). */
  office?: string;
  kind?: string;
  /** draft, submitted, returned (the open revision's state), published, withdrawn. */
  state?: string;
  /** Text in the slug or title. */
  text?: string;
  page: number;
  pageSize: number;
}

export interface DocumentListItem extends DocumentRecord {
  /** The open revision's state (draft, submitted, returned), if there is one. */
  openState: RevisionState | null;
  openRevision: number | null;
}

export interface PublishedReadOptions {
  version?: number;
  withContent?: boolean;
  /** The SHA-256 (hex) of the versions the reader holds (its If-None-Match). */
  known?: readonly string[];
}

/** A public read: only what the answer needs (no time conversions, no revision bookkeeping). */
export interface PublishedRead {
  document: Pick<DocumentRecord, 'id' | 'slug' | 'latestVersion' | 'withdrawnAt' | 'withdrawnReason'>;
  /** The version asked for, when it is published. */
  version?: { number: number; sha256: string; signature: string | null; content: string | null };
}

export interface DocumentStorage {
  /** Creates the document and its first revision in one transaction; undefined when the slug is taken. */
  create(
    document: Omit<
      DocumentRecord,
      'id' | 'latestVersion' | 'firstPublishedAt' | 'withdrawnAt' | 'withdrawnBy' | 'withdrawnReason'
    >,
    revision: NewRevision,
    event: DocumentChange['event'],
  ): Promise<{ document: DocumentRecord; revision: RevisionRecord } | undefined>;
  bySlug(slug: string): Promise<DocumentRecord | undefined>;
  list(query: DocumentQuery): Promise<{ total: number; items: DocumentListItem[] }>;
  /** The document's revisions, oldest first. */
  revisions(documentId: number): Promise<RevisionRecord[]>;
  /** Published revisions, newest version first. */
  publishedVersions(documentId: number): Promise<RevisionRecord[]>;
  publishedVersion(documentId: number, version: number): Promise<RevisionRecord | undefined>;
  /**
   * What /d/<slug>.json and /d/<slug>/v<n>.json need, in one read: the document's state and
   * its published version `version` (default: the latest). The text is left out (null) unless
   * `withContent`, and when the reader has it already (its SHA-256 among `known`: a 304).
   */
  published(slug: string, options?: PublishedReadOptions): Promise<PublishedRead | undefined>;
  /** Submitted revisions (of one office's documents, or all), oldest submission first, with their document. */
  submitted(office?: string): Promise<Array<{ document: DocumentRecord; revision: RevisionRecord }>>;
  events(query: { documentId?: number; action?: string; office?: string; limit: number }): Promise<DocumentEvent[]>;
  /** Logs a step that changes nothing (a refused self-review). */
  logEvent(
    documentId: number,
    revisionId: number | null,
    at: string,
    actor: string,
    event: DocumentChange['event'],
  ): Promise<void>;
  /**
   * Reads the document (locked: PostgreSQL FOR UPDATE) and its revisions, applies what
   * `decide` answers and logs its event, in one transaction; undefined when there is no such slug.
   * Answers the document and the revision inserted or changed.
   */
  change(
    slug: string,
    actor: string,
    at: string,
    decide: DecideDocument,
  ): Promise<{ document: DocumentRecord; revision: RevisionRecord | undefined } | undefined>;
}
