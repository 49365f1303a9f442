/**
 * Documents published by gongkai-server's review-and-publish workflow, as a page reads
 * them: where a published document's history is (from its address), the history itself,
 * and whether the bytes the page received are the bytes the publisher signed.
 * Framework-free; the check uses WebCrypto (browsers, Node 20), nothing else.
 *
 * The signature envelope names its algorithm (`alg`). Only Ed25519 is checked today;
 * an envelope with another (SM2, for a county whose 密评 asks for it) is reported as
 * "cannot verify", never as verified, so old pages keep working when one is added.
 */

export * from './published-address.js';
import type { PublishedAddress } from './published-address.js';

export interface SignatureEnvelope {
  format: string;
  alg: string;
  keyId: string;
  sha256: string;
  signature: string;
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
  return str(e.alg) && str(e.keyId) && str(e.sha256) && str(e.signature) ? { format: str(e.format) ? e.format : '', alg: e.alg, keyId: e.keyId, sha256: e.sha256, signature: e.signature } : null;
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
  return keys.filter((k): k is PublicKey => !!k && typeof k === 'object' && str((k as PublicKey).keyId) && str((k as PublicKey).alg) && str((k as PublicKey).publicKey));
}

/**
 * What the check found:
 * - verified: the bytes are those signed, by the pinned key or one the publisher publishes;
 * - tampered: their SHA-256 is not that of any published version (a changed byte);
 * - wrong-key: the signature is not by the pinned key (or by no key the publisher publishes);
 * - bad-signature: the digest matches but the signature does not verify;
 * - unsigned: the version carries no signature;
 * - unsupported: this browser cannot check Ed25519; unsupported-alg: an algorithm we do not check.
 */
export type VerdictStatus = 'verified' | 'tampered' | 'wrong-key' | 'bad-signature' | 'unsigned' | 'unsupported' | 'unsupported-alg';

export interface Verdict {
  status: VerdictStatus;
  /** The version the bytes are (by digest), when one matched. */
  version?: PublishedVersion;
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
  /** The version the address named (else: the one whose digest matches, else the latest). */
  expected?: number;
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

/**
 * Checks the bytes against the history's digest and signature. Never throws; never
 * answers "verified" on a doubt. The digest is checked first, with SHA-256 alone, so a
 * changed byte is named even where the browser cannot check Ed25519.
 */
export async function verifyPublished({ bytes, history, expected, pinnedKey, loadKeys }: VerifyInput): Promise<Verdict> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return { status: 'unsupported' };
  try {
    const digest = await sha256Hex(bytes);
    const byDigest = history.versions.find((v) => v.sha256 === digest);
    if (!byDigest) return { status: 'tampered', version: history.versions.find((v) => v.version === (expected ?? history.latest)) };
    const version = byDigest;
    const envelope = version.signature;
    if (!envelope) return { status: 'unsigned', version };
    if (envelope.alg !== 'Ed25519') return { status: 'unsupported-alg', version, alg: envelope.alg };
    if (envelope.sha256.toLowerCase() !== digest) return { status: 'bad-signature', version, keyId: envelope.keyId };
    const pinned = !!pinnedKey;
    let raw: Uint8Array<ArrayBuffer> | undefined;
    if (pinnedKey) {
      try {
        raw = base64Bytes(pinnedKey.trim());
      } catch {
        raw = undefined;
      }
      if (!raw || raw.length !== 32 || (await keyIdOf(raw)) !== envelope.keyId) return { status: 'wrong-key', version, keyId: envelope.keyId, pinned };
    } else {
      const published = (await loadKeys()).find((k) => k.keyId === envelope.keyId && k.alg === 'Ed25519');
      if (!published) return { status: 'wrong-key', version, keyId: envelope.keyId, pinned };
      raw = base64Bytes(published.publicKey);
    }
    // Feature detection: a browser without Ed25519 refuses the import.
    const key = await importEd25519(raw);
    if (!key) return { status: 'unsupported', version, keyId: envelope.keyId, pinned };
    const ok = await subtle.verify({ name: 'Ed25519' }, key, base64Bytes(envelope.signature), bytes);
    return { status: ok ? 'verified' : 'bad-signature', version, keyId: envelope.keyId, pinned };
  } catch {
    return { status: 'unsupported' };
  }
}
