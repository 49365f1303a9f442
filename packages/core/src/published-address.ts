/**
 * Where a document published by gongkai-server lives, from its address alone: small on
 * purpose, since every element checks its `src` with it; the rest (the history, the
 * signature check) is published.ts, loaded only for such an address.
 */

/** `/d/<slug>.json` or `/d/<slug>/v<n>.json` under any prefix (a tenant's `/t/<org>` too). */
const PUBLISHED_PATH = /^(.*)\/d\/([a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)(?:\/v([1-9]\d{0,8}))?\.json$/;

export interface PublishedAddress {
  /** The address of the history, resolved against the document's. */
  history: string;
  /** `/prefix` before /d/, to build the other addresses. */
  base: string;
  origin: string;
  slug: string;
  /** The version the address names; undefined for the latest. */
  version?: number;
}

/** Where a document's history is, when `src` (resolved against `baseUrl`) is a published document's address. */
export function publishedAddress(src: string, baseUrl: string): PublishedAddress | undefined {
  let url: URL;
  try {
    url = new URL(src, baseUrl);
  } catch {
    return undefined;
  }
  const match = PUBLISHED_PATH.exec(url.pathname);
  if (!match || (url.protocol !== 'https:' && url.protocol !== 'http:')) return undefined;
  const [, base = '', slug = '', version] = match;
  return {
    history: `${url.origin}${base}/d/${slug}/history.json`,
    base,
    origin: url.origin,
    slug,
    ...(version ? { version: Number(version) } : {}),
  };
}

/** The address of version `n` of a published document. */
export function versionAddress(address: PublishedAddress, version: number): string {
  return `${address.origin}${address.base}/d/${address.slug}/v${version}.json`;
}

export function keysAddress(address: PublishedAddress): string {
  return `${address.origin}${address.base}/.well-known/gongkai-keys.json`;
}
