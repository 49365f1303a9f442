/**
 * /d/<slug>/history.json: what a citizen's page shows under a published document —
 * when it was first published and last updated, each version with its change note,
 * major or minor, its SHA-256 and its signature envelope — and where the public keys
 * are. Built from stored records only (pure).
 */
import type { DocumentRecord, RevisionRecord } from '../storage/document-types.js';
import type { PublishedVersion } from '../../../core/src/published.js';
import type { SignatureEnvelope } from './signing.js';

/** A version as core's published.ts reads it (the one definition of the contract), with its address. */
export type HistoryVersion = PublishedVersion & { url: string; signature: SignatureEnvelope | null };

export interface PublicHistory {
  slug: string;
  kind: string;
  title: string;
  /** The owning office (科室). */
  office: string;
  /** The publishing body (config staff.owner), or the office. */
  publisher: string;
  url: string;
  keys: string;
  firstPublished: string | null;
  /** When the latest major version was published (GOV.UK's "last updated": minor corrections do not count). */
  updated: string | null;
  latest: number | null;
  withdrawn: { at: string; reason: string | null } | null;
  versions: HistoryVersion[];
}

/** The publishing body a document names: the server's (config staff.owner), else its owning office. */
export function publisherOf(document: Pick<DocumentRecord, 'office'>, publisher: string | undefined): string {
  return publisher ?? document.office;
}

/** `base` is the path prefix the /d/ URLs live under ("" today; /t/<org> for a tenant later). */
export function publicHistory(
  document: DocumentRecord,
  published: readonly RevisionRecord[],
  publisher: string | undefined,
  base = '',
): PublicHistory {
  const versions = [...published].sort((a, b) => (b.version ?? 0) - (a.version ?? 0));
  const latestMajor = versions.find((v) => v.major) ?? versions.at(-1);
  return {
    slug: document.slug,
    kind: document.kind,
    title: document.title,
    office: document.office,
    publisher: publisherOf(document, publisher),
    url: `${base}/d/${document.slug}.json`,
    keys: `${base}/.well-known/gongkai-keys.json`,
    firstPublished: document.firstPublishedAt,
    updated: latestMajor?.publishedAt ?? null,
    latest: document.latestVersion,
    withdrawn: document.withdrawnAt ? { at: document.withdrawnAt, reason: document.withdrawnReason } : null,
    versions: versions.map((v) => ({
      version: v.version!,
      url: `${base}/d/${document.slug}/v${v.version}.json`,
      publishedAt: v.publishedAt!,
      major: v.major,
      changeNote: v.changeNote,
      sha256: v.sha256,
      reviewed: v.reviewer !== null,
      reviewer: v.reviewerOffice,
      unreviewedReason: v.unreviewedReason,
      signature: v.signature ? (JSON.parse(v.signature) as SignatureEnvelope) : null,
    })),
  };
}
