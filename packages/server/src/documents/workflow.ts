/**
 * The review-and-publish workflow (信息审核发布制度), decided on the server:
 *
 *   draft ──submit──▶ submitted ──approve (another account)──▶ published as version n
 *     ▲                   │
 *     └──── edit ◀── returned (with a reason)
 *
 * An admin may publish a draft, a submitted or a returned revision without review, only
 * with a written reason (logged as `publish.unreviewed`). A published document may be
 * withdrawn (撤回) with a reason; a new version publishes it again. Every revision is
 * checked with core's schema on submit and on publish: an invalid one is refused.
 *
 * Each step is a pure decision on the document as stored (DecideDocument), applied by
 * the storage in one transaction with its audit entry. Nothing here reads a clock or a
 * global: the time, the account and the keys are passed in.
 */
import { SCHEMAS, isKind } from '../../../core/src/kinds.js';
import { parseJson } from '../../../core/src/json-source.js';
import { formatIssue, issueMessage, validateText, type GkIssue } from '../../../core/src/validate.js';
import { HttpError, type IssueOut } from '../errors.js';
import type {
  DecideDocument,
  DocumentRecord,
  NewRevision,
  RevisionRecord,
  RevisionState,
} from '../storage/document-types.js';
import type { StaffUser } from '../storage/staff-types.js';
import { STATEMENT_TYPE } from '../../../core/src/published.js';
import { publisherOf } from './history.js';
import { sha256Hex, type KeyRing } from './signing.js';

export const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

export const REVISION_STATE_LABELS: Record<RevisionState, string> = {
  draft: '草稿',
  submitted: '待审核',
  returned: '已退回',
  published: '已发布',
};
const STATE_EN: Record<RevisionState, string> = {
  draft: 'a draft',
  submitted: 'submitted',
  returned: 'returned',
  published: 'published',
};

export const DOCUMENT_EVENT_LABELS: Record<string, string> = {
  create: '新建',
  save: '保存修订稿',
  submit: '提交审核',
  approve: '审核通过并发布',
  'approve.refused': '拒绝自审（须由另一账号审核）',
  return: '退回修改',
  'publish.unreviewed': '未经审核发布（管理员，须说明理由）',
  withdraw: '撤回',
};

export type DocumentAction = 'save' | 'submit' | 'approve' | 'return' | 'publish' | 'withdraw' | 'revise';

const issue = (path: string, message: string, messageEn: string): IssueOut => ({ path, message, messageEn });
const invalid = (issues: IssueOut[]) => new HttpError(422, 'invalid_request', { count: issues.length }, {}, issues);

/** A document's problems as the API answers them: the path, the message in both languages, the line. */
export function issuesOut(issues: GkIssue[]): IssueOut[] {
  return issues.map((i) => ({
    path: i.pathText,
    message: formatIssue(i, 'zh-CN'),
    messageEn: issueMessage(i, 'en'),
    ...(i.line === undefined ? {} : { line: i.line, col: i.col ?? 1 }),
  }));
}

/** The JSON text a request carries: `contentText` exactly as sent, or `content` written out with two-space indents. */
export function contentOf(body: Record<string, unknown>): string {
  if (typeof body.contentText === 'string') {
    if (body.contentText.trim() === '')
      throw invalid([issue('contentText', '文件内容不能为空', 'the document is empty')]);
    return body.contentText;
  }
  if (body.content !== undefined && body.content !== null && typeof body.content === 'object')
    return `${JSON.stringify(body.content, null, 2)}\n`;
  throw invalid([
    issue(
      'content',
      '请提供文件内容：content（JSON 对象）或 contentText（JSON 文本）',
      'give the document as content (a JSON object) or contentText (JSON text)',
    ),
  ]);
}

export interface Inspection {
  kind: string;
  title: string;
  /** Problems with core's schema (empty when it fits). A draft may have some; a submit or publish may not. */
  issues: IssueOut[];
}

/** Reads a document's JSON text: it must parse and name a known kind; the schema's problems are listed. */
export function inspect(text: string): Inspection {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    // core's own message and place for a syntax error (validateText reports only that).
    const syntax = validateText(SCHEMAS.document, text);
    throw new HttpError(
      422,
      'invalid_document',
      { count: 1, action: '保存', actionEn: 'saved' },
      {},
      syntax.ok ? [] : issuesOut(syntax.issues),
    );
  }
  const value = parsed.value as Record<string, unknown> | null;
  const kind = value && typeof value === 'object' ? value.kind : undefined;
  if (!isKind(kind)) {
    throw new HttpError(422, 'invalid_document', { count: 1, action: '保存', actionEn: 'saved' }, {}, [
      issue(
        'kind',
        `kind 应为以下之一：${Object.keys(SCHEMAS).join('、')}`,
        `kind must be one of ${Object.keys(SCHEMAS).join(', ')}`,
      ),
    ]);
  }
  const result = validateText(SCHEMAS[kind], text);
  const title = typeof value!.title === 'string' && value!.title.trim() ? value!.title.trim().slice(0, 200) : '';
  return { kind, title, issues: result.ok ? [] : issuesOut(result.issues) };
}

/** 422 invalid_document unless the text fits its kind's schema (on submit and on publish). */
function requireValid(text: string, action: string, actionEn: string): Inspection {
  const found = inspect(text);
  if (found.issues.length)
    throw new HttpError(422, 'invalid_document', { count: found.issues.length, action, actionEn }, {}, found.issues);
  return found;
}

/** An editor writes its own office's documents; reviewers too; an admin every office's. */
export function canWrite(user: StaffUser, document: Pick<DocumentRecord, 'office'>): boolean {
  return user.role === 'admin' || user.office === document.office;
}

/** A reviewer reviews its own office's documents; an admin every office's. Never its own revision (checked apart). */
export function canReview(user: StaffUser, document: Pick<DocumentRecord, 'office'>): boolean {
  return user.role === 'admin' || (user.role === 'reviewer' && user.office === document.office);
}

/** The office whose documents an account sees: undefined (every office) for an admin. */
export function documentScope(user: StaffUser): string | undefined {
  return user.role === 'admin' ? undefined : user.office;
}

export function openRevision(revisions: readonly RevisionRecord[]): RevisionRecord | undefined {
  return revisions.find((r) => r.state !== 'published');
}

/** The steps open to this account on this document now, for the staff page. */
export function documentActions(
  user: StaffUser,
  document: DocumentRecord,
  revisions: readonly RevisionRecord[],
): DocumentAction[] {
  const open = openRevision(revisions);
  const out: DocumentAction[] = [];
  if (!canWrite(user, document)) return out;
  if (!open) out.push('revise');
  if (open && (open.state === 'draft' || open.state === 'returned') && open.author === user.name)
    out.push('save', 'submit');
  if (open?.state === 'submitted' && canReview(user, document) && !isOwn(user, open)) out.push('approve', 'return');
  if (open && user.role === 'admin') out.push('publish');
  if (document.latestVersion !== null && !document.withdrawnAt && canReview(user, document)) out.push('withdraw');
  return out;
}

function isOwn(user: StaffUser, revision: RevisionRecord): boolean {
  return revision.author === user.name || revision.submittedBy === user.name;
}

/** A note or reason: trimmed, at most `max` characters; `required` answers 422 naming the field when it is missing. */
export function textField(
  body: Record<string, unknown>,
  name: string,
  label: string,
  { required = false, max = 2000 } = {},
): string | null {
  const value = typeof body[name] === 'string' ? (body[name] as string).trim() : '';
  if (!value) {
    if (required) throw invalid([issue(name, `请填写${label}`, `${name} is required`)]);
    return null;
  }
  if ([...value].length > max)
    throw invalid([issue(name, `${label}最多 ${max} 个字符`, `${name} may have at most ${max} characters`)]);
  return value;
}

/** Major (重大更新, shown with its note and what changed) unless the body says `"major": false`. */
export function majorOf(body: Record<string, unknown>): boolean {
  if (body.major === undefined || body.major === null) return true;
  if (typeof body.major === 'boolean') return body.major;
  if (body.major === 'yes' || body.major === 'no') return body.major === 'yes';
  throw invalid([
    issue(
      'major',
      'major 应为 true（重大更新）或 false（细微更正）',
      'major must be true (a major change) or false (a minor correction)',
    ),
  ]);
}

export function newRevision(
  text: string,
  author: string,
  at: string,
  changeNote: string | null,
  major: boolean,
): NewRevision {
  return {
    state: 'draft',
    content: text,
    sha256: sha256Hex(Buffer.from(text, 'utf8')),
    changeNote,
    major,
    author,
    createdAt: at,
    updatedAt: at,
    submittedBy: null,
    submittedAt: null,
    reviewer: null,
    reviewerOffice: null,
    reviewedAt: null,
    returnReason: null,
    publishedAt: null,
    publishedBy: null,
    version: null,
    unreviewedReason: null,
    signature: null,
  };
}

function transition(revision: RevisionRecord, action: string, actionEn: string): HttpError {
  return new HttpError(409, 'invalid_transition', {
    step: REVISION_STATE_LABELS[revision.state],
    stepEn: STATE_EN[revision.state],
    action,
    actionEn,
  });
}

function revisionIn(revisions: readonly RevisionRecord[], id: number, slug: string): RevisionRecord {
  const found = revisions.find((r) => r.id === id);
  if (!found) throw new HttpError(404, 'unknown_revision', { slug, id });
  return found;
}

/** A new draft on a document that has none open. */
export function decideRevise(
  user: StaffUser,
  text: string,
  changeNote: string | null,
  major: boolean,
  at: string,
): DecideDocument {
  const found = inspect(text);
  return (document, revisions) => {
    if (!canWrite(user, document)) throw new HttpError(403, 'forbidden');
    if (found.kind !== document.kind)
      throw invalid([
        issue(
          'kind',
          `此文件的 kind 为 ${document.kind}，不能改为 ${found.kind}`,
          `this document's kind is ${document.kind}; it cannot become ${found.kind}`,
        ),
      ]);
    const open = openRevision(revisions);
    if (open)
      throw new HttpError(409, 'revision_open', {
        slug: document.slug,
        id: open.id,
        state: REVISION_STATE_LABELS[open.state],
        stateEn: STATE_EN[open.state],
      });
    return { insert: newRevision(text, user.name, at, changeNote, major), event: { action: 'save', note: changeNote } };
  };
}

/** Edits a draft or returned revision: only its author. */
export function decideSave(
  user: StaffUser,
  id: number,
  text: string,
  changeNote: string | null,
  major: boolean,
): DecideDocument {
  const found = inspect(text);
  return (document, revisions) => {
    const revision = revisionIn(revisions, id, document.slug);
    if (!canWrite(user, document) || revision.author !== user.name) throw new HttpError(403, 'forbidden');
    if (revision.state !== 'draft' && revision.state !== 'returned') throw transition(revision, '修改', 'edit');
    if (found.kind !== document.kind)
      throw invalid([
        issue(
          'kind',
          `此文件的 kind 为 ${document.kind}，不能改为 ${found.kind}`,
          `this document's kind is ${document.kind}; it cannot become ${found.kind}`,
        ),
      ]);
    const sha256 = sha256Hex(Buffer.from(text, 'utf8'));
    return {
      update: { id, patch: { content: text, sha256, changeNote, major } },
      document: found.title ? { title: found.title } : {},
      event: { action: 'save', note: changeNote },
    };
  };
}

export function decideSubmit(user: StaffUser, id: number, at: string): DecideDocument {
  return (document, revisions) => {
    const revision = revisionIn(revisions, id, document.slug);
    if (!canWrite(user, document) || revision.author !== user.name) throw new HttpError(403, 'forbidden');
    if (revision.state !== 'draft' && revision.state !== 'returned') throw transition(revision, '提交审核', 'submit');
    requireValid(revision.content, '提交审核', 'submitted for review');
    if (revision.major && !revision.changeNote && document.latestVersion !== null)
      throw invalid([
        issue(
          'changeNote',
          '重大更新须写明修改说明（将向公众显示）',
          'a major change needs a change note (shown to the public)',
        ),
      ]);
    return {
      update: { id, patch: { state: 'submitted', submittedBy: user.name, submittedAt: at, returnReason: null } },
      event: { action: 'submit', note: revision.changeNote },
    };
  };
}

export function decideReturn(user: StaffUser, id: number, reason: string, at: string): DecideDocument {
  return (document, revisions) => {
    const revision = revisionIn(revisions, id, document.slug);
    if (!canReview(user, document)) throw new HttpError(403, 'forbidden');
    if (revision.state !== 'submitted') throw transition(revision, '退回', 'return');
    if (isOwn(user, revision)) throw new HttpError(403, 'self_review');
    return {
      update: {
        id,
        patch: {
          state: 'returned',
          returnReason: reason,
          reviewer: user.name,
          reviewerOffice: user.office,
          reviewedAt: at,
        },
      },
      event: { action: 'return', note: reason },
    };
  };
}

/** What a publish signs with: the server's keys, and the publishing body (config staff.owner; else the owning office). */
export interface Signing {
  keys: KeyRing;
  publisher: string | undefined;
}

type Review = { reviewer: string | null; reviewerOffice: string | null; unreviewedReason: string | null };

/** Publishes a revision as the next version, with its signed publication statement. */
function publish(
  document: DocumentRecord,
  revision: RevisionRecord,
  user: StaffUser,
  at: string,
  signing: Signing,
  review: Review,
) {
  const found = requireValid(revision.content, '发布', 'published');
  const version = (document.latestVersion ?? 0) + 1;
  // The digest of the bytes as they will be served (the stored one is written from the same text).
  const sha256 = sha256Hex(Buffer.from(revision.content, 'utf8'));
  const envelope = signing.keys.sign({
    type: STATEMENT_TYPE,
    slug: document.slug,
    version,
    sha256,
    kind: document.kind,
    publisher: publisherOf(document, signing.publisher),
    office: document.office,
    reviewed: review.reviewer !== null,
    reviewer: review.reviewer === null ? null : (review.reviewerOffice ?? ''),
    unreviewedReason: review.unreviewedReason,
    publishedAt: at,
    major: revision.major,
    changeNote: revision.changeNote,
  });
  return {
    update: {
      id: revision.id,
      patch: {
        state: 'published' as const,
        version,
        sha256,
        publishedAt: at,
        publishedBy: user.name,
        reviewedAt: review.reviewer ? at : null,
        ...review,
        signature: envelope ? JSON.stringify(envelope) : null,
      },
    },
    document: {
      latestVersion: version,
      firstPublishedAt: document.firstPublishedAt ?? at,
      withdrawnAt: null,
      withdrawnBy: null,
      withdrawnReason: null,
      ...(found.title ? { title: found.title } : {}),
    },
    version,
    keyId: envelope?.keyId ?? null,
  };
}

/** A reviewer approves: published at once. The reviewer must be another account than the author and the submitter. */
export function decideApprove(
  user: StaffUser,
  id: number,
  note: string | null,
  at: string,
  signing: Signing,
): DecideDocument {
  return (document, revisions) => {
    const revision = revisionIn(revisions, id, document.slug);
    if (!canReview(user, document)) throw new HttpError(403, 'forbidden');
    if (revision.state !== 'submitted') throw transition(revision, '审核通过', 'approve');
    if (isOwn(user, revision)) throw new HttpError(403, 'self_review');
    const done = publish(document, revision, user, at, signing, {
      reviewer: user.name,
      reviewerOffice: user.office,
      unreviewedReason: null,
    });
    return {
      update: done.update,
      document: done.document,
      event: { action: 'approve', note, version: done.version, detail: { author: revision.author, keyId: done.keyId } },
    };
  };
}

/** An admin publishes without review: only with a reason, logged as publish.unreviewed. */
export function decidePublishUnreviewed(
  user: StaffUser,
  id: number,
  reason: string,
  at: string,
  signing: Signing,
): DecideDocument {
  return (document, revisions) => {
    const revision = revisionIn(revisions, id, document.slug);
    if (user.role !== 'admin') throw new HttpError(403, 'forbidden');
    if (revision.state === 'published') throw transition(revision, '发布', 'publish');
    const done = publish(document, revision, user, at, signing, {
      reviewer: null,
      reviewerOffice: null,
      unreviewedReason: reason,
    });
    return {
      update: done.update,
      document: done.document,
      event: {
        action: 'publish.unreviewed',
        note: reason,
        version: done.version,
        detail: { author: revision.author, keyId: done.keyId },
      },
    };
  };
}

export function decideWithdraw(user: StaffUser, reason: string, at: string): DecideDocument {
  return (document) => {
    if (!canReview(user, document)) throw new HttpError(403, 'forbidden');
    if (document.latestVersion === null || document.withdrawnAt) {
      throw new HttpError(409, 'invalid_transition', {
        step: document.withdrawnAt ? '已撤回' : '未发布',
        stepEn: document.withdrawnAt ? 'withdrawn' : 'not published',
        action: '撤回',
        actionEn: 'withdraw',
      });
    }
    return {
      document: { withdrawnAt: at, withdrawnBy: user.name, withdrawnReason: reason },
      event: { action: 'withdraw', note: reason, version: document.latestVersion },
    };
  };
}

/** A revision as the API shows it (the JSON text only when asked: lists stay small). */
export function revisionOut(slug: string, revision: RevisionRecord, withContent = false) {
  const { content, signature, documentId: _documentId, ...rest } = revision;
  return {
    ...rest,
    slug,
    stateLabel: REVISION_STATE_LABELS[revision.state],
    signed: signature !== null,
    issues: withContent || revision.state !== 'published' ? inspectQuietly(content) : [],
    ...(withContent ? { contentText: content } : {}),
  };
}

function inspectQuietly(text: string): IssueOut[] {
  try {
    return inspect(text).issues;
  } catch (error) {
    return error instanceof HttpError ? (error.issues ?? []) : [];
  }
}

/** `base`: the organisation's path prefix ("" or /t/<org>), for the public URL. */
export function documentOut(
  document: DocumentRecord & { openState?: RevisionState | null; openRevision?: number | null },
  base = '',
) {
  const state = document.withdrawnAt
    ? 'withdrawn'
    : (document.openState ?? (document.latestVersion !== null ? 'published' : 'draft'));
  return {
    slug: document.slug,
    kind: document.kind,
    title: document.title || document.slug,
    office: document.office,
    state,
    stateLabel: state === 'withdrawn' ? '已撤回' : REVISION_STATE_LABELS[state as RevisionState],
    openRevision: document.openRevision ?? null,
    latestVersion: document.latestVersion,
    publishedAt: document.firstPublishedAt,
    updatedAt: document.updatedAt,
    createdBy: document.createdBy,
    withdrawn: document.withdrawnAt
      ? { at: document.withdrawnAt, by: document.withdrawnBy, reason: document.withdrawnReason }
      : null,
    url: `${base}/d/${document.slug}.json`,
  };
}
