/**
 * Staff sign-in and sessions: the session cookie (only its SHA-256 is stored), the
 * per-address and per-account limits on sign-in, and the current user of a request.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Limit, ServerConfig } from '../config.js';
import { HttpError } from '../errors.js';
import { clientAddress, takeOrThrow } from '../http-common.js';
import { dummyHash, verifyPassword } from '../passwords.js';
import { RateLimiter } from '../rate-limit.js';
import type { StaffStorage, StaffUser } from '../storage/staff-types.js';

export const SESSION_COOKIE = 'gk_staff';

/** Failed sign-ins per account in a fixed window (only failures count; a success clears the account). */
export class FailureCounter {
  private entries = new Map<string, { start: number; count: number }>();
  constructor(private readonly limit: Limit) {}
  /** Seconds to wait, or 0. */
  blocked(key: string, now = Date.now()): number {
    const entry = this.entries.get(key);
    if (!entry) return 0;
    const windowMs = this.limit.windowSeconds * 1000;
    if (now - entry.start >= windowMs) {
      this.entries.delete(key);
      return 0;
    }
    return entry.count >= this.limit.max ? Math.max(1, Math.ceil((entry.start + windowMs - now) / 1000)) : 0;
  }
  fail(key: string, now = Date.now()): void {
    const entry = this.entries.get(key);
    if (!entry || now - entry.start >= this.limit.windowSeconds * 1000) this.entries.set(key, { start: now, count: 1 });
    else entry.count++;
    if (this.entries.size > 10_000) this.entries.delete(this.entries.keys().next().value!);
  }
  clear(key: string): void {
    this.entries.delete(key);
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function cookies(req: IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return out;
}

export function publicUser(user: StaffUser) {
  return { name: user.name, office: user.office, role: user.role };
}

export interface SignedIn {
  user: StaffUser;
  tokenHash: string;
}

export function createAuth({ config, store, now }: { config: ServerConfig; store: StaffStorage; now: () => Date }) {
  const addressLimit = config.staff.login.perAddress ? new RateLimiter(config.staff.login.perAddress) : undefined;
  const accountFailures = config.staff.login.perAccount ? new FailureCounter(config.staff.login.perAccount) : undefined;

  function isHttps(req: IncomingMessage): boolean {
    if ((req.socket as { encrypted?: boolean }).encrypted) return true;
    if (!config.trustProxy) return false;
    const proto = String(req.headers['x-forwarded-proto'] ?? '').split(',').map((s) => s.trim()).filter(Boolean).pop();
    return proto === 'https';
  }

  function sessionCookie(req: IncomingMessage, token: string, maxAge: number): string {
    return `${SESSION_COOKIE}=${token}; Path=/staff; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${isHttps(req) ? '; Secure' : ''}`;
  }

  async function currentUser(req: IncomingMessage): Promise<SignedIn | undefined> {
    const token = cookies(req).get(SESSION_COOKIE);
    if (!token || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
    const tokenHash = sha256(token);
    const user = await store.sessionUser(tokenHash, now().toISOString());
    return user ? { user, tokenHash } : undefined;
  }

  async function signedIn(req: IncomingMessage): Promise<SignedIn> {
    const found = await currentUser(req);
    if (!found) throw new HttpError(401, 'unauthorized');
    return found;
  }

  /** Counts a sign-in attempt from the request's address (429 over the limit). Before the body is read. */
  function countAttempt(req: IncomingMessage): void {
    takeOrThrow(addressLimit, clientAddress(req, config.trustProxy));
  }

  /** Checks a name and password: the user and the Set-Cookie of a new session, or 401 / 429 (each logged). */
  async function login(req: IncomingMessage, body: Record<string, unknown>): Promise<{ user: StaffUser; setCookie: string }> {
    const address = clientAddress(req, config.trustProxy);
    const name = typeof body.name === 'string' ? body.name.trim().slice(0, 64) : '';
    const password = typeof body.password === 'string' ? body.password.slice(0, 1024) : '';
    if (!name || !password) throw new HttpError(422, 'invalid_request', { count: 1 }, {}, [{ path: name ? 'password' : 'name', message: '请填写用户名和密码', messageEn: 'name and password are required' }]);
    const accountWait = accountFailures?.blocked(name) ?? 0;
    if (accountWait > 0) {
      await store.logStaffEvent({ at: now().toISOString(), actor: name, action: 'login.blocked', detail: { address } });
      throw new HttpError(429, 'rate_limited', { seconds: accountWait }, { 'Retry-After': String(accountWait) });
    }
    const user = await store.userByName(name);
    // The same scrypt work whether or not the account exists.
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
    if (!user || !ok || user.disabled) {
      accountFailures?.fail(name);
      await store.logStaffEvent({ at: now().toISOString(), actor: name, action: 'login.failed', detail: { address } });
      throw new HttpError(401, 'login_failed');
    }
    accountFailures?.clear(name);
    const token = randomBytes(32).toString('base64url');
    const maxAge = config.staff.sessionHours * 3600;
    const at = now();
    await store.createSession({ tokenHash: sha256(token), userId: user.id, createdAt: at.toISOString(), expiresAt: new Date(at.getTime() + maxAge * 1000).toISOString() });
    await store.logStaffEvent({ at: at.toISOString(), actor: user.name, action: 'login', detail: { address } });
    return { user, setCookie: sessionCookie(req, token, maxAge) };
  }

  /** Ends the request's session (if any); answers the Set-Cookie that clears it. */
  async function logout(req: IncomingMessage): Promise<string> {
    const found = await currentUser(req);
    if (found) {
      await store.deleteSession(found.tokenHash);
      await store.logStaffEvent({ at: now().toISOString(), actor: found.user.name, action: 'logout' });
    }
    return sessionCookie(req, '', 0);
  }

  return { currentUser, signedIn, countAttempt, login, logout };
}
