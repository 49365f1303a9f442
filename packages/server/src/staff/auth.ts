/**
 * Staff sign-in and sessions: the session cookie (only its SHA-256 is stored), the
 * per-address and per-account limits on sign-in, and the current user of a request.
 * Sessions and counters are in the database, so a sign-in made on one server instance
 * holds on the others, and the limits count across them (limits.ts). A session is its
 * organisation's: the store is that organisation's view (server-storage.ts), and the
 * cookie's Path is the organisation's /staff.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ServerConfig } from '../config.js';
import { HttpError } from '../errors.js';
import { clientAddress } from '../http-common.js';
import { takeOrThrow, type LimitStore } from '../limits.js';
import { dummyHash, verifyPassword } from '../passwords.js';
import type { StaffStorage, StaffUser } from '../storage/staff-types.js';

export const SESSION_COOKIE = 'gk_staff';

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

export function createAuth({
  config,
  store,
  limits,
  base = '',
  now,
}: {
  config: ServerConfig;
  store: StaffStorage & { readonly org: string };
  limits: LimitStore;
  base?: string;
  now: () => Date;
}) {
  const perAccount = config.staff.login.perAccount;
  /** Failed sign-ins are counted per account of this organisation. */
  const accountBucket = (name: string) => `login.failed:${store.org}:${name}`;

  function isHttps(req: IncomingMessage): boolean {
    if ((req.socket as { encrypted?: boolean }).encrypted) return true;
    if (!config.trustProxy) return false;
    const proto = String(req.headers['x-forwarded-proto'] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .pop();
    return proto === 'https';
  }

  function sessionCookie(req: IncomingMessage, token: string, maxAge: number): string {
    return `${SESSION_COOKIE}=${token}; Path=${base}/staff; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${isHttps(req) ? '; Secure' : ''}`;
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
  function countAttempt(req: IncomingMessage): Promise<void> {
    return takeOrThrow(limits, `login:${clientAddress(req, config.trustProxy)}`, config.staff.login.perAddress);
  }

  /** Checks a name and password: the user and the Set-Cookie of a new session, or 401 / 429 (each logged). */
  async function login(
    req: IncomingMessage,
    body: Record<string, unknown>,
  ): Promise<{ user: StaffUser; setCookie: string }> {
    const address = clientAddress(req, config.trustProxy);
    const name = typeof body.name === 'string' ? body.name.trim().slice(0, 64) : '';
    const password = typeof body.password === 'string' ? body.password.slice(0, 1024) : '';
    if (!name || !password)
      throw new HttpError(422, 'invalid_request', { count: 1 }, {}, [
        {
          path: name ? 'password' : 'name',
          message: '请填写用户名和密码',
          messageEn: 'name and password are required',
        },
      ]);
    const accountWait = perAccount ? await limits.wait(accountBucket(name), perAccount) : 0;
    if (accountWait > 0) {
      await store.logStaffEvent({ at: now().toISOString(), actor: name, action: 'login.blocked', detail: { address } });
      throw new HttpError(429, 'rate_limited', { seconds: accountWait }, { 'Retry-After': String(accountWait) });
    }
    const user = await store.userByName(name);
    // The same scrypt work whether or not the account exists.
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
    if (!user || !ok || user.disabled) {
      if (perAccount) await limits.take(accountBucket(name), perAccount);
      await store.logStaffEvent({ at: now().toISOString(), actor: name, action: 'login.failed', detail: { address } });
      throw new HttpError(401, 'login_failed');
    }
    if (perAccount) await limits.clear(accountBucket(name));
    const token = randomBytes(32).toString('base64url');
    const maxAge = config.staff.sessionHours * 3600;
    const at = now();
    await store.createSession({
      tokenHash: sha256(token),
      userId: user.id,
      createdAt: at.toISOString(),
      expiresAt: new Date(at.getTime() + maxAge * 1000).toISOString(),
    });
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
