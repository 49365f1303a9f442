/**
 * Staff passwords: node:crypto scrypt with a per-user random salt, stored as
 * `scrypt$N$r$p$salt$hash` (base64url), compared in constant time. The
 * parameters travel with the hash, so they can be raised later.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
export const MIN_PASSWORD_LENGTH = 10;

function derive(password: string, salt: Buffer, options: ScryptOptions, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, length, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N, r: R, p: P }, KEY_LENGTH);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** True when `password` matches `stored`; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4]!, 'base64url');
  const expected = Buffer.from(parts[5]!, 'base64url');
  if (!n || !r || !p || expected.length === 0) return false;
  const key = await derive(password, salt, { N: n, r, p }, expected.length);
  return timingSafeEqual(key, expected);
}

/** A hash of a random password: checked against when the account does not exist, so that case takes as long. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  return (dummy ??= hashPassword(randomBytes(18).toString('base64url')));
}

/** A problem with a new password, in both languages, or undefined. */
export function passwordProblem(password: string): { zh: string; en: string } | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return {
      zh: `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`,
      en: `the password must have at least ${MIN_PASSWORD_LENGTH} characters`,
    };
  if (password.length > 1024) return { zh: '密码过长', en: 'the password is too long' };
  if (/^\s|\s$/.test(password))
    return { zh: '密码首尾不能是空格', en: 'the password must not begin or end with a space' };
  return undefined;
}
