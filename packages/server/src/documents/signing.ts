/**
 * The keys that sign published documents, and the signatures (可核查).
 *
 * Each published version is signed once, when it is published. What is signed is a
 * publication statement (core's published.ts, PublicationStatement): the slug, the
 * version, the SHA-256 of the exact bytes served, the publishing body and office, the
 * reviewing office (or "published without review" and the reason), the time, major or
 * minor and the change note — everything a page shows as 已核验, bound to the bytes. The
 * envelope carries the statement as the exact JSON text signed and names its algorithm
 * (`alg`), so another (SM2, where a county's 密评 asks for it) can be added later without
 * touching the old envelopes. The public keys, retired ones too (old versions stay
 * verifiable), are published at /.well-known/gongkai-keys.json.
 *
 * A key folder holds keys.json (the public half and dates of every key) and one
 * `<keyId>.pem` (PKCS#8, mode 0600) per private key. `gongkai-server key generate`
 * makes the first key and `key rotate` a new one, retiring the old; nothing else writes
 * there. Private keys are never committed: tests make theirs in a temporary folder.
 */
import { createHash, createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StartupError } from '../errors.js';
import { STATEMENT_SIGNATURE, type PublicationStatement } from '../../../core/src/published.js';

export interface PublicKeyEntry {
  keyId: string;
  alg: 'Ed25519';
  /** The raw 32-byte public key, base64 (what WebCrypto's importKey('raw') takes). */
  publicKey: string;
  created: string;
  /** No longer signs; kept so that what it signed can still be checked. */
  retired: string | null;
}

export interface SignatureEnvelope {
  format: typeof STATEMENT_SIGNATURE;
  alg: 'Ed25519';
  keyId: string;
  /** The publication statement, the exact JSON text signed. */
  statement: string;
  /** The signature over the statement's UTF-8 bytes, base64. */
  signature: string;
}

export const sha256Hex = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** The key folder's manifest. */
function readManifest(dir: string): PublicKeyEntry[] {
  const file = join(dir, 'keys.json');
  if (!existsSync(file)) return [];
  try {
    const keys = (JSON.parse(readFileSync(file, 'utf8')) as { keys?: PublicKeyEntry[] }).keys;
    if (!Array.isArray(keys)) throw new Error('no "keys" list');
    return keys;
  } catch (error) {
    throw new StartupError(
      `签名密钥清单 ${file} 无法读取：${(error as Error).message}`,
      `cannot read the signing keys ${file}: ${(error as Error).message}`,
    );
  }
}

/** The signing keys a server runs with: one current private key (if any) and every public key. */
export class KeyRing {
  private constructor(
    readonly keys: readonly PublicKeyEntry[],
    private readonly current: { entry: PublicKeyEntry; privateKey: KeyObject } | undefined,
  ) {}

  /** No folder configured: documents are published unsigned, and the elements say so. */
  static none(): KeyRing {
    return new KeyRing([], undefined);
  }

  static load(dir: string | undefined): KeyRing {
    if (!dir) return KeyRing.none();
    const keys = readManifest(dir);
    const entry = keys.filter((k) => !k.retired).at(-1);
    if (!entry) {
      throw new StartupError(
        `签名密钥文件夹 ${dir} 中没有可用的密钥：请先运行 gongkai-server key generate`,
        `the signing key folder ${dir} has no current key: run gongkai-server key generate first`,
      );
    }
    let privateKey: KeyObject;
    try {
      privateKey = createPrivateKey(readFileSync(join(dir, `${entry.keyId}.pem`), 'utf8'));
    } catch (error) {
      throw new StartupError(
        `无法读取签名私钥 ${entry.keyId}：${(error as Error).message}`,
        `cannot read the signing key ${entry.keyId}: ${(error as Error).message}`,
      );
    }
    return new KeyRing(keys, { entry, privateKey });
  }

  get currentKeyId(): string | undefined {
    return this.current?.entry.keyId;
  }

  /** The signed envelope of a publication statement; null without a key. */
  sign(statement: PublicationStatement): SignatureEnvelope | null {
    if (!this.current) return null;
    const text = JSON.stringify(statement);
    return {
      format: STATEMENT_SIGNATURE,
      alg: 'Ed25519',
      keyId: this.current.entry.keyId,
      statement: text,
      signature: sign(null, Buffer.from(text, 'utf8'), this.current.privateKey).toString('base64'),
    };
  }

  /** What /.well-known/gongkai-keys.json answers. */
  publicDocument(): { keys: PublicKeyEntry[] } {
    return { keys: [...this.keys] };
  }
}

/** A new Ed25519 key in `dir`, the current one from now on; `rotate` retires the keys before it. */
export function generateKey(dir: string, now = new Date(), rotate = false): PublicKeyEntry {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const keys = readManifest(dir);
  if (keys.some((k) => !k.retired) && !rotate) {
    throw new StartupError(
      `${dir} 中已有密钥：更换密钥请用 gongkai-server key rotate`,
      `${dir} has a key already: use gongkai-server key rotate to replace it`,
    );
  }
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const entry: PublicKeyEntry = {
    keyId: `ed25519-${sha256Hex(raw).slice(0, 16)}`,
    alg: 'Ed25519',
    publicKey: raw.toString('base64'),
    created: now.toISOString(),
    retired: null,
  };
  writeFileSync(join(dir, `${entry.keyId}.pem`), privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  const at = now.toISOString();
  const next = [...keys.map((k) => (k.retired ? k : { ...k, retired: at })), entry];
  writeFileSync(join(dir, 'keys.json'), `${JSON.stringify({ keys: next }, null, 2)}\n`);
  return entry;
}

export function listKeys(dir: string): PublicKeyEntry[] {
  return readManifest(dir);
}
