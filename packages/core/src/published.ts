/**
 * Documents published by gongkai-server's review-and-publish workflow, as a page reads
 * them: where a published document's history is (from its address), the history itself,
 * and whether what the page shows is what the publisher signed. Framework-free; the
 * check uses WebCrypto (browsers, Node 20), nothing else.
 *
 * What is signed (gongkai-signature/2) is a publication statement: the slug, the version
 * number, the SHA-256 of the exact bytes served, the publishing body and office, the
 * reviewing office (or "published without review" and its reason), the time, major or
 * minor and the change note. A page that checks it knows who published and who reviewed
 * *these* bytes as *this* version: history.json around it is not signed, so nothing a
 * page calls verified comes from there. The first format (gongkai-signature/1) signed the
 * document bytes alone; it stays readable, and is reported as such (no names, no version).
 *
 * The envelope names its algorithm (`alg`). Only Ed25519 is checked today; an envelope
 * with another (SM2, for a county whose 密评 asks for it) or a format this page does not
 * know is reported as "cannot verify", never as verified, so old pages keep working when
 * one is added.
 */

export * from './published-address.js';

/** The envelope of a publication statement's signature (gongkai-server signs every version it publishes). */
export const STATEMENT_SIGNATURE = 'gongkai-signature/2';
/** The first envelope: a signature over the document bytes alone (read, never written now). */
export const BYTES_SIGNATURE = 'gongkai-signature/1';
export const STATEMENT_TYPE = 'gongkai-publication/1';

export interface SignatureEnvelope {
  format: string;
  alg: string;
  keyId: string;
  /** Base64. gongkai-signature/2: over the UTF-8 bytes of `statement`; /1: over the document bytes. */
  signature: string;
  /** gongkai-signature/2: the publication statement, the exact JSON text signed. */
  statement?: string;
  /** gongkai-signature/1: SHA-256 of the signed document bytes, hex. */
  sha256?: string;
}

/** What gongkai-server signs when it publishes a version: all that a page calls 已核验. */
export interface PublicationStatement {
  type: typeof STATEMENT_TYPE;
  slug: string;
  version: number;
  /** SHA-256 of the exact bytes served for this version, lowercase hex. */
  sha256: string;
  kind: string;
  /** The publishing body (发布单位), e.g. 平罗县卫生健康局. */
  publisher: string;
  /** The owning office (科室). */
  office: string;
  /** Approved by a second account: `reviewer` is its office. Otherwise an admin published it without review, for `unreviewedReason`. */
  reviewed: boolean;
  reviewer: string | null;
  unreviewedReason: string | null;
  publishedAt: string;
  major: boolean;
  changeNote: string | null;
}

export interface PublishedVersion {
  version: number;
  publishedAt: string;
  major: boolean;
  changeNote: string | null;
  sha256: string;
  reviewed: boolean;
  reviewer: string | null;
  unreviewedReason: string | null;
  signature: SignatureEnvelope | null;
}

export interface PublishedHistory {
  slug: string;
  title: string;
  office: string;
  publisher: string;
  firstPublished: string | null;
  updated: string | null;
  latest: number | null;
  versions: PublishedVersion[];
}

const str = (v: unknown): v is string => typeof v === 'string';
const strOrNull = (v: unknown) => (str(v) ? v : null);

function envelope(value: unknown): SignatureEnvelope | null {
  if (!value || typeof value !== 'object') return null;
  const e = value as Record<string, unknown>;
  if (!str(e.alg) || !str(e.keyId) || !str(e.signature)) return null;
  return {
    format: str(e.format) ? e.format : '',
    alg: e.alg,
    keyId: e.keyId,
    signature: e.signature,
    ...(str(e.statement) ? { statement: e.statement } : {}),
    ...(str(e.sha256) ? { sha256: e.sha256.toLowerCase() } : {}),
  };
}

/** A statement's JSON text as the server writes it; undefined for anything else. */
export function parseStatement(text: string): PublicationStatement | undefined {
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (!v || typeof v !== 'object' || v.type !== STATEMENT_TYPE) return undefined;
  const ok =
    str(v.slug) &&
    typeof v.version === 'number' &&
    str(v.sha256) &&
    str(v.kind) &&
    str(v.publisher) &&
    str(v.office) &&
    typeof v.reviewed === 'boolean' &&
    (v.reviewed ? str(v.reviewer) : v.reviewer === null) &&
    (v.unreviewedReason === null || str(v.unreviewedReason)) &&
    str(v.publishedAt) &&
    typeof v.major === 'boolean' &&
    (v.changeNote === null || str(v.changeNote));
  return ok ? (v as unknown as PublicationStatement) : undefined;
}

/** The history as the server writes it; undefined for anything else (a CMS's page, a broken file). */
export function parseHistory(value: unknown): PublishedHistory | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const h = value as Record<string, unknown>;
  if (!str(h.slug) || !Array.isArray(h.versions)) return undefined;
  const versions: PublishedVersion[] = [];
  for (const raw of h.versions) {
    if (!raw || typeof raw !== 'object') return undefined;
    const v = raw as Record<string, unknown>;
    if (typeof v.version !== 'number' || !str(v.publishedAt) || !str(v.sha256)) return undefined;
    versions.push({
      version: v.version,
      publishedAt: v.publishedAt,
      major: v.major !== false,
      changeNote: strOrNull(v.changeNote),
      sha256: v.sha256.toLowerCase(),
      reviewed: v.reviewed === true,
      reviewer: strOrNull(v.reviewer),
      unreviewedReason: strOrNull(v.unreviewedReason),
      signature: envelope(v.signature),
    });
  }
  versions.sort((a, b) => b.version - a.version);
  return {
    slug: h.slug,
    title: str(h.title) ? h.title : h.slug,
    office: str(h.office) ? h.office : '',
    publisher: str(h.publisher) ? h.publisher : str(h.office) ? h.office : '',
    firstPublished: strOrNull(h.firstPublished),
    updated: strOrNull(h.updated),
    latest: typeof h.latest === 'number' ? h.latest : (versions[0]?.version ?? null),
    versions,
  };
}

export interface PublicKey {
  keyId: string;
  alg: string;
  /** Raw public key, base64. */
  publicKey: string;
}

export function parseKeys(value: unknown): PublicKey[] {
  const keys = value && typeof value === 'object' ? (value as { keys?: unknown }).keys : undefined;
  if (!Array.isArray(keys)) return [];
  return keys.filter(
    (k): k is PublicKey =>
      !!k &&
      typeof k === 'object' &&
      str((k as PublicKey).keyId) &&
      str((k as PublicKey).alg) &&
      str((k as PublicKey).publicKey),
  );
}

/**
 * What the check found:
 * - verified: a statement signed by the pinned key (or one the publisher publishes) names
 *   this slug and version and the SHA-256 of these bytes: its publisher and reviewer may be shown;
 * - verified-bytes: an old envelope (gongkai-signature/1) over these exact bytes, which names
 *   no version, publisher or reviewer;
 * - tampered: the bytes' SHA-256 is not the one published or signed for this version (a changed byte);
 * - mismatch: the signed statement is for another document or version than the page loaded
 *   (an old version served as the new one), or the history has no such version;
 * - wrong-key: the signature is not by the pinned key (or by no key the publisher publishes);
 * - bad-signature: the signature does not verify (or the statement cannot be read);
 * - unsigned: the version carries no signature;
 * - unsupported: this browser cannot check Ed25519; unsupported-alg: an algorithm or format we do not check.
 */
export type VerdictStatus =
  | 'verified'
  | 'verified-bytes'
  | 'tampered'
  | 'mismatch'
  | 'wrong-key'
  | 'bad-signature'
  | 'unsigned'
  | 'unsupported'
  | 'unsupported-alg';

export interface Verdict {
  status: VerdictStatus;
  /** The history's entry for the version the page loaded. */
  version?: PublishedVersion;
  /** The signed statement, only when it verified: the one source of what a page shows as verified. */
  statement?: PublicationStatement;
  /** mismatch: what the statement says it is for (unverified: for the message only). */
  claimed?: { slug: string; version: number };
  keyId?: string;
  pinned?: boolean;
  alg?: string;
}

const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

function base64Bytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** SHA-256 of bytes as lowercase hex; undefined where WebCrypto is missing (an http:// page). */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  return hex(await subtle.digest('SHA-256', bytes));
}

/** An Ed25519 public key for verify(), or undefined where the browser has no Ed25519. */
async function importEd25519(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey | undefined> {
  try {
    return await globalThis.crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
  } catch {
    return undefined;
  }
}

export interface VerifyInput {
  /** The exact bytes the page received. */
  bytes: Uint8Array<ArrayBuffer>;
  history: PublishedHistory;
  /** The slug of the address the page loaded. */
  slug: string;
  /** The version the page loaded (its address's, or the one the server said it served); default: the history's latest. */
  version?: number;
  /** The page's pinned public key (base64, raw 32 bytes), when it pins one. */
  pinnedKey?: string;
  /** Loads the publisher's public keys (only called without a pin). */
  loadKeys: () => Promise<PublicKey[]>;
}

/** The key id gongkai-server gives a raw Ed25519 public key: "ed25519-" and the first 16 hex digits of its SHA-256. */
export async function keyIdOf(raw: Uint8Array<ArrayBuffer>): Promise<string | undefined> {
  const digest = await sha256Hex(raw);
  return digest ? `ed25519-${digest.slice(0, 16)}` : undefined;
}

/** The public key to check `keyId` with: the pinned one (only if it is that key), or one the publisher publishes. */
async function publicKeyFor(
  keyId: string,
  pinnedKey: string | undefined,
  loadKeys: () => Promise<PublicKey[]>,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (pinnedKey) {
    let raw: Uint8Array<ArrayBuffer>;
    try {
      raw = base64Bytes(pinnedKey.trim());
    } catch {
      return undefined;
    }
    return raw.length === 32 && (await keyIdOf(raw)) === keyId ? raw : undefined;
  }
  const published = (await loadKeys()).find((k) => k.keyId === keyId && k.alg === 'Ed25519');
  return published ? base64Bytes(published.publicKey) : undefined;
}

/**
 * Checks the bytes the page received against the signed statement of the version it
 * loaded. Never throws; never answers "verified" on a doubt. The digest is compared
 * first, with SHA-256 alone, so a changed byte is named even where the browser cannot
 * check Ed25519; then which document and version the statement is for; then the key and
 * the signature.
 */
export async function verifyPublished({
  bytes,
  history,
  slug,
  version: loaded,
  pinnedKey,
  loadKeys,
}: VerifyInput): Promise<Verdict> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return { status: 'unsupported' };
  try {
    const digest = await sha256Hex(bytes);
    const number = loaded ?? history.latest;
    const version = history.versions.find((v) => v.version === number);
    if (!version || history.slug !== slug) return { status: 'mismatch' };
    if (version.sha256 !== digest) return { status: 'tampered', version };
    const envelope = version.signature;
    if (!envelope) return { status: 'unsigned', version };
    const keyId = envelope.keyId;
    if (envelope.alg !== 'Ed25519') return { status: 'unsupported-alg', version, alg: envelope.alg };
    let signed: Uint8Array<ArrayBuffer>;
    let statement: PublicationStatement | undefined;
    if (envelope.format === STATEMENT_SIGNATURE && envelope.statement !== undefined) {
      statement = parseStatement(envelope.statement);
      if (!statement) return { status: 'bad-signature', version, keyId };
      if (statement.slug !== slug || statement.version !== number)
        return { status: 'mismatch', version, keyId, claimed: { slug: statement.slug, version: statement.version } };
      if (statement.sha256.toLowerCase() !== digest) return { status: 'tampered', version, keyId };
      signed = new TextEncoder().encode(envelope.statement);
    } else if (envelope.format === BYTES_SIGNATURE && envelope.sha256 !== undefined) {
      if (envelope.sha256 !== digest) return { status: 'bad-signature', version, keyId };
      signed = bytes;
    } else {
      return { status: 'unsupported-alg', version, alg: envelope.format || envelope.alg };
    }
    const pinned = !!pinnedKey;
    const raw = await publicKeyFor(keyId, pinnedKey, loadKeys);
    if (!raw) return { status: 'wrong-key', version, keyId, pinned };
    // Feature detection: a browser without Ed25519 refuses the import.
    const key = await importEd25519(raw);
    if (!key) return { status: 'unsupported', version, keyId, pinned };
    if (!(await subtle.verify({ name: 'Ed25519' }, key, base64Bytes(envelope.signature), signed)))
      return { status: 'bad-signature', version, keyId, pinned };
    return statement
      ? { status: 'verified', version, statement, keyId, pinned }
      : { status: 'verified-bytes', version, keyId, pinned };
  } catch {
    return { status: 'unsupported' };
  }
}
