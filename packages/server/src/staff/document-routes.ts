/**
 * The staff API for documents (信息审核发布), under /staff/api/documents — the contract
 * the studio builds on (docs: packages/server/README.md, "Documents"):
 *
 *   GET  documents?state&office&kind&q&page&pageSize      the documents within the account's office (admin: all)
 *   GET  documents/review                                 submitted revisions this account may approve (never its own)
 *   GET  documents/audit?action&slug&limit                every step; action=publish.unreviewed lists publishes without review
 *   POST documents {slug, contentText|content, office?, changeNote?, major?}     a new document and its draft
 *   GET  documents/:slug                                  the document, its revisions, its history, the steps open now
 *   GET  documents/:slug/revisions/:id                    one revision with its JSON text
 *   POST documents/:slug/revisions {contentText|content, changeNote?, major?}   a new draft
 *   PUT  documents/:slug/revisions/:id {…}                edit a draft or returned revision (its author)
 *   POST documents/:slug/revisions/:id/(submit|approve|return|publish)
 *   POST documents/:slug/withdraw {reason}
 *
 * The rules are in documents/workflow.ts; every step and its audit entry is one transaction.
 */
import type { IncomingMessage } from 'node:http';
import { HttpError } from '../errors.js';
import { sendJson } from '../http-common.js';
import type { StaffHandler } from './routes.js';
import type { DocumentHandlerName } from './route-table.js';
import type { DocumentStorage, DecideDocument } from '../storage/document-types.js';
import type { StaffUser } from '../storage/staff-types.js';
import type { KeyRing } from '../documents/signing.js';
import {
  canReview,
  canWrite,
  contentOf,
  decideApprove,
  decidePublishUnreviewed,
  decideReturn,
  decideRevise,
  decideSave,
  decideSubmit,
  decideWithdraw,
  documentActions,
  documentOut,
  documentScope,
  inspect,
  majorOf,
  newRevision,
  openRevision,
  revisionOut,
  SLUG,
  textField,
  DOCUMENT_EVENT_LABELS,
} from '../documents/workflow.js';
import { publicHistory } from '../documents/history.js';
import { pageOf } from './views.js';
import { documentActionForms } from './document-views.js';

export interface DocumentRouteDeps {
  documents: DocumentStorage;
  keys: KeyRing;
  now: () => Date;
  publisher?: string;
  /** The path the organisation's /d/ URLs are under ("" or /t/<org>). */
  base?: string;
  /** A state-changing request's JSON body (same origin, JSON, within the documents' body limit). */
  jsonBody: (req: IncomingMessage) => Promise<Record<string, unknown>>;
}

const STATES = new Set(['draft', 'submitted', 'returned', 'published', 'withdrawn']);

export function createDocumentRoutes({
  documents,
  keys,
  now,
  publisher,
  base = '',
  jsonBody,
}: DocumentRouteDeps): Record<DocumentHandlerName, StaffHandler> {
  async function documentOr404(slug: string) {
    const document = await documents.bySlug(slug);
    if (!document) throw new HttpError(404, 'unknown_document', { slug: slug.slice(0, 80) });
    return document;
  }

  /** Applies a step; a refused self-review is logged before it is answered. */
  async function step(user: StaffUser, slug: string, decide: DecideDocument, revisionId: number | null = null) {
    const at = now().toISOString();
    try {
      const done = await documents.change(slug, user.name, at, decide);
      if (!done) throw new HttpError(404, 'unknown_document', { slug: slug.slice(0, 80) });
      return done;
    } catch (error) {
      if (error instanceof HttpError && error.code === 'self_review') {
        const document = await documents.bySlug(slug);
        if (document)
          await documents.logEvent(document.id, revisionId, at, user.name, {
            action: 'approve.refused',
            note: '审核人与撰写人或提交人为同一账号',
          });
      }
      throw error;
    }
  }

  function events(list: Awaited<ReturnType<DocumentStorage['events']>>) {
    return list.map((event) => ({ ...event, label: DOCUMENT_EVENT_LABELS[event.action] ?? event.action }));
  }

  const handlers: Record<DocumentHandlerName, StaffHandler> = {
    'documents.create': async ({ req, res, user: who }) => {
      const user = who!;
      const body = await jsonBody(req);
      const slug = typeof body.slug === 'string' ? body.slug.trim() : '';
      if (!SLUG.test(slug)) {
        throw new HttpError(422, 'invalid_request', { count: 1 }, {}, [
          {
            path: 'slug',
            message: '地址名应为 1–64 个小写字母、数字或连字符，如 budget-2018',
            messageEn: 'the slug must be 1 to 64 lowercase letters, digits or hyphens, like budget-2018',
          },
        ]);
      }
      const office = textField(body, 'office', '所属科室', { max: 64 }) ?? user.office;
      if (office !== user.office && user.role !== 'admin') throw new HttpError(403, 'forbidden');
      const text = contentOf(body);
      const found = inspect(text);
      const at = now().toISOString();
      const created = await documents.create(
        {
          slug,
          kind: found.kind,
          office,
          title: found.title || slug,
          createdAt: at,
          createdBy: user.name,
          updatedAt: at,
        },
        newRevision(text, user.name, at, textField(body, 'changeNote', '修改说明') ?? '首次发布', majorOf(body)),
        { action: 'create', detail: { kind: found.kind, office } },
      );
      if (!created) throw new HttpError(409, 'slug_taken', { slug });
      sendJson(res, 201, {
        document: documentOut(created.document, base),
        revision: revisionOut(slug, created.revision, true),
      });
    },
    'documents.list': async ({ res, url, user }) => {
      const p = url.searchParams;
      const state = p.get('state') ?? undefined;
      const issues =
        state && !STATES.has(state)
          ? [
              {
                path: 'state',
                message: `state 应为 ${[...STATES].join('、')}`,
                messageEn: `state must be one of ${[...STATES].join(', ')}`,
              },
            ]
          : [];
      const page = pageOf(p, 100, 50, issues);
      const office = documentScope(user!) ?? (p.get('office') || undefined);
      const list = await documents.list({
        ...page,
        office,
        state,
        kind: p.get('kind') || undefined,
        text: p.get('q')?.trim().slice(0, 100) || undefined,
      });
      sendJson(res, 200, { total: list.total, ...page, items: list.items.map((d) => documentOut(d, base)) });
    },
    'documents.review': async ({ res, user: who }) => {
      const user = who!;
      const queue = user.role === 'editor' ? [] : await documents.submitted(documentScope(user));
      sendJson(res, 200, {
        items: queue
          .filter(
            ({ document, revision }) =>
              canReview(user, document) && revision.author !== user.name && revision.submittedBy !== user.name,
          )
          .map(({ document, revision }) => ({
            document: documentOut(document, base),
            revision: revisionOut(document.slug, revision),
          })),
      });
    },
    'documents.audit': async ({ res, url, user }) => {
      if (user!.role === 'editor') throw new HttpError(403, 'forbidden');
      const slug = url.searchParams.get('slug');
      const document = slug ? await documentOr404(slug) : undefined;
      const limit = Math.min(1000, Math.max(1, Number(url.searchParams.get('limit') ?? 200) || 200));
      sendJson(res, 200, {
        events: events(
          await documents.events({
            documentId: document?.id,
            action: url.searchParams.get('action') || undefined,
            office: documentScope(user!),
            limit,
          }),
        ),
      });
    },
    'documents.show': async ({ res, params, user: who }) => {
      const user = who!;
      const slug = params.slug!;
      const scope = documentScope(user);
      const document = await documentOr404(slug);
      if (scope !== undefined && document.office !== scope) throw new HttpError(404, 'unknown_document', { slug });
      const revisions = await documents.revisions(document.id);
      const open = openRevision(revisions);
      const actions = documentActions(user, document, revisions);
      sendJson(res, 200, {
        document: documentOut({ ...document, openState: open?.state ?? null, openRevision: open?.id ?? null }, base),
        revisions: revisions.map((r) => revisionOut(slug, r)).reverse(),
        open: open ? revisionOut(slug, open, true) : null,
        history:
          document.latestVersion === null
            ? null
            : publicHistory(
                document,
                revisions.filter((r) => r.state === 'published'),
                publisher,
                base,
              ),
        events: events(await documents.events({ documentId: document.id, limit: 500 })),
        actions,
        forms: documentActionForms(slug, open, actions),
      });
    },
    'documents.withdraw': async ({ req, res, params, user }) => {
      const body = await jsonBody(req);
      const reason = textField(body, 'reason', '撤回理由', { required: true, max: 500 })!;
      const done = await step(user!, params.slug!, decideWithdraw(user!, reason, now().toISOString()));
      sendJson(res, 200, { document: documentOut(done.document, base) });
    },
    'documents.revise': async ({ req, res, params, user }) => {
      const body = await jsonBody(req);
      const done = await step(
        user!,
        params.slug!,
        decideRevise(
          user!,
          contentOf(body),
          textField(body, 'changeNote', '修改说明'),
          majorOf(body),
          now().toISOString(),
        ),
      );
      sendJson(res, 201, { revision: revisionOut(params.slug!, done.revision!, true) });
    },
    'documents.save': async ({ req, res, params, user }) => {
      const id = Number(params.id);
      const body = await jsonBody(req);
      const done = await step(
        user!,
        params.slug!,
        decideSave(user!, id, contentOf(body), textField(body, 'changeNote', '修改说明'), majorOf(body)),
        id,
      );
      sendJson(res, 200, { revision: revisionOut(params.slug!, done.revision!, true) });
    },
    'documents.revision': async ({ res, params, user: who }) => {
      const user = who!;
      const slug = params.slug!;
      const id = Number(params.id);
      const document = await documentOr404(slug);
      if (!canWrite(user, document) && !canReview(user, document))
        throw new HttpError(404, 'unknown_document', { slug });
      const revision = (await documents.revisions(document.id)).find((r) => r.id === id);
      if (!revision) throw new HttpError(404, 'unknown_revision', { slug, id });
      sendJson(res, 200, { revision: revisionOut(slug, revision, true) });
    },
    'documents.step': async ({ req, res, params, user: who }) => {
      const user = who!;
      const slug = params.slug!;
      const id = Number(params.id);
      const body = await jsonBody(req);
      const at = now().toISOString();
      let decide: DecideDocument;
      switch (params.action) {
        case 'submit':
          decide = decideSubmit(user, id, at);
          break;
        case 'approve':
          decide = decideApprove(user, id, textField(body, 'note', '审核意见'), at, { keys, publisher });
          break;
        case 'return':
          decide = decideReturn(user, id, textField(body, 'reason', '退回理由', { required: true })!, at);
          break;
        default:
          decide = decidePublishUnreviewed(
            user,
            id,
            textField(body, 'reason', '未经审核发布的理由', { required: true, max: 500 })!,
            at,
            { keys, publisher },
          );
      }
      const done = await step(user, slug, decide, id);
      sendJson(res, 200, {
        document: documentOut(done.document, base),
        revision: revisionOut(slug, done.revision!),
        version: done.revision?.version ?? null,
      });
    },
  };
  return handlers;
}
