/**
 * Rows as both storages read them, turned into the records the server uses. SQLite
 * answers flags as 0/1, ids as numbers and JSON as text; PostgreSQL (as postgres.ts
 * selects them) flags as booleans, ids as bigint text and json already parsed. Times
 * and days are already the same ISO text on both.
 */
import type {
  DocumentEvent,
  DocumentRecord,
  NewRevision,
  PublishedRead,
  RevisionRecord,
  RevisionState,
} from './document-types.js';
import type { Role, StaffUser, SubmissionRecord } from './staff-types.js';
import type { StatusRow } from './types.js';

type Flag = number | boolean;
type Json<T> = string | T;

export interface UserRow {
  id: string | number;
  name: string;
  office: string;
  role: Role;
  password_hash: string;
  disabled: Flag;
  created_at: string;
}

export interface SubmissionRow {
  id: string | number;
  tracking_code: string;
  form: string;
  kind: string;
  data: Json<Record<string, unknown>>;
  received_at: string;
  received_on: string;
  deadline: string;
  step: StatusRow['step'];
  replied_on: string | null;
  outcome: string | null;
  outcome_detail: string | null;
  reason: string | null;
  office: string | null;
  reply: string | null;
  publish: Flag;
  adoption: SubmissionRecord['adoption'];
  adoption_reason: string | null;
  extended: Flag;
  updated_at: string | null;
}

/** A JSON column: text (SQLite, PostgreSQL's text columns) or already parsed (PostgreSQL's json). */
export function jsonValue<T>(value: Json<T> | null): T | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

export function toUser(row: UserRow): StaffUser {
  return {
    id: Number(row.id),
    name: row.name,
    office: row.office,
    role: row.role,
    disabled: Boolean(row.disabled),
    createdAt: row.created_at,
  };
}

export function toRecord(row: SubmissionRow): SubmissionRecord {
  return {
    id: Number(row.id),
    trackingCode: row.tracking_code,
    form: row.form,
    kind: row.kind,
    data: jsonValue(row.data) ?? {},
    receivedAt: row.received_at,
    receivedOn: row.received_on,
    deadline: row.deadline,
    step: row.step,
    repliedOn: row.replied_on,
    outcome: row.outcome,
    outcomeDetail: row.outcome_detail,
    reason: row.reason,
    office: row.office,
    reply: row.reply,
    publish: Boolean(row.publish),
    adoption: row.adoption,
    adoptionReason: row.adoption_reason,
    extended: Boolean(row.extended),
    updatedAt: row.updated_at,
  };
}

/** An event row with its `detail` JSON parsed. */
export function withDetail<R extends { detail: string | Record<string, unknown> | null }>(
  row: R,
): Omit<R, 'detail'> & { detail: Record<string, unknown> | null } {
  return { ...row, detail: jsonValue(row.detail) };
}

/** The fields a patch sets (undefined ones stay as they are). */
export function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}

export interface DocumentRow {
  id: string | number;
  slug: string;
  kind: string;
  office: string;
  title: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  latest_version: number | null;
  first_published_at: string | null;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdrawn_reason: string | null;
}

export interface RevisionRow {
  id: string | number;
  document_id: string | number;
  state: RevisionState;
  content: string;
  sha256: string;
  change_note: string | null;
  major: Flag;
  author: string;
  created_at: string;
  updated_at: string;
  submitted_by: string | null;
  submitted_at: string | null;
  reviewer: string | null;
  reviewer_office: string | null;
  reviewed_at: string | null;
  return_reason: string | null;
  published_at: string | null;
  published_by: string | null;
  version: number | null;
  unreviewed_reason: string | null;
  signature: string | null;
}

export interface DocumentEventRow {
  at: string;
  actor: string;
  action: string;
  slug: string;
  revision_id: string | number | null;
  version: number | null;
  note: string | null;
  detail: string | null;
}

export function toDocument(row: DocumentRow): DocumentRecord {
  return {
    id: Number(row.id),
    slug: row.slug,
    kind: row.kind,
    office: row.office,
    title: row.title,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    latestVersion: row.latest_version === null ? null : Number(row.latest_version),
    firstPublishedAt: row.first_published_at,
    withdrawnAt: row.withdrawn_at,
    withdrawnBy: row.withdrawn_by,
    withdrawnReason: row.withdrawn_reason,
  };
}

export function toRevision(row: RevisionRow): RevisionRecord {
  return {
    id: Number(row.id),
    documentId: Number(row.document_id),
    state: row.state,
    content: row.content,
    sha256: row.sha256,
    changeNote: row.change_note,
    major: Boolean(row.major),
    author: row.author,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at,
    reviewer: row.reviewer,
    reviewerOffice: row.reviewer_office,
    reviewedAt: row.reviewed_at,
    returnReason: row.return_reason,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
    version: row.version === null ? null : Number(row.version),
    unreviewedReason: row.unreviewed_reason,
    signature: row.signature,
  };
}

export function toDocumentEvent(row: DocumentEventRow): DocumentEvent {
  return {
    at: row.at,
    actor: row.actor,
    action: row.action,
    slug: row.slug,
    revision: row.revision_id === null ? null : Number(row.revision_id),
    version: row.version === null ? null : Number(row.version),
    note: row.note,
    detail: jsonValue<Record<string, unknown>>(row.detail),
  };
}

/** A public read's row (PublishedRead): the document's state and, joined, the version asked for. */
export interface PublishedReadRow {
  id: string | number;
  slug: string;
  latest_version: number | null;
  withdrawn_at: string | null;
  withdrawn_reason: string | null;
  version: number | null;
  sha256: string | null;
  signature: string | null;
  content: string | null;
}

export function toPublishedRead(row: PublishedReadRow): PublishedRead {
  const document = {
    id: Number(row.id),
    slug: row.slug,
    latestVersion: row.latest_version === null ? null : Number(row.latest_version),
    withdrawnAt: row.withdrawn_at,
    withdrawnReason: row.withdrawn_reason,
  };
  if (row.version === null || row.sha256 === null) return { document };
  return {
    document,
    version: { number: Number(row.version), sha256: row.sha256, signature: row.signature, content: row.content },
  };
}

/** A revision's columns in the order the storages write them. */
export const REVISION_COLUMNS = [
  'state',
  'content',
  'sha256',
  'change_note',
  'major',
  'author',
  'created_at',
  'updated_at',
  'submitted_by',
  'submitted_at',
  'reviewer',
  'reviewer_office',
  'reviewed_at',
  'return_reason',
  'published_at',
  'published_by',
  'version',
  'unreviewed_reason',
  'signature',
] as const;

/** A revision's values in REVISION_COLUMNS order; `flag` writes a boolean as the storage stores it. */
export function revisionValues(revision: NewRevision, flag: (value: boolean) => unknown): unknown[] {
  const r = revision;
  return [
    r.state,
    r.content,
    r.sha256,
    r.changeNote,
    flag(r.major),
    r.author,
    r.createdAt,
    r.updatedAt,
    r.submittedBy,
    r.submittedAt,
    r.reviewer,
    r.reviewerOffice,
    r.reviewedAt,
    r.returnReason,
    r.publishedAt,
    r.publishedBy,
    r.version,
    r.unreviewedReason,
    r.signature,
  ];
}

/** The document fields a change may set, as columns. */
export const DOCUMENT_CHANGE_COLUMNS: Record<string, string> = {
  title: 'title',
  latestVersion: 'latest_version',
  firstPublishedAt: 'first_published_at',
  withdrawnAt: 'withdrawn_at',
  withdrawnBy: 'withdrawn_by',
  withdrawnReason: 'withdrawn_reason',
};
