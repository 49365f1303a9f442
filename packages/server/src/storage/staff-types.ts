/**
 * What the staff side (accounts, sessions, 受理、转办、反馈, publishing) needs from a
 * database, beside the citizens' `Storage`. Both storages implement it, with the
 * same semantics and the same tests (migration 3): SQLite (sqlite.ts) and
 * PostgreSQL (postgres.ts). Times are ISO strings (toISOString), days YYYY-MM-DD.
 * Every method may throw StorageUnavailableError (→ 503).
 */
import type { StatusRow } from './types.js';

/** editor: writes documents; reviewer: also reviews others' (never its own); admin: everything, every office (migration 4: the old `staff` is editor). */
export type Role = 'admin' | 'reviewer' | 'editor';
export const ROLES: readonly Role[] = ['editor', 'reviewer', 'admin'];

export interface StaffUser {
  id: number;
  name: string;
  office: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

export interface StaffUserWithHash extends StaffUser {
  /** scrypt$N$r$p$salt$hash (passwords.ts). */
  passwordHash: string;
}

export type Adoption = 'adopted' | 'partly' | 'not';

/** One submission as staff see it: personal data included. */
export interface SubmissionRecord {
  id: number;
  trackingCode: string;
  form: string;
  kind: string;
  data: Record<string, unknown>;
  receivedAt: string;
  receivedOn: string;
  deadline: string;
  step: StatusRow['step'];
  repliedOn: string | null;
  /** A disclosure application's outcome: one of core's REQUEST_OUTCOMES. */
  outcome: string | null;
  /** The annual report's sub-category of the outcome (workflow.ts OUTCOME_DETAILS). */
  outcomeDetail: string | null;
  /** The reason published with the outcome (no personal data). */
  reason: string | null;
  /** The office it was forwarded to (转办). */
  office: string | null;
  /** The reply (反馈, 答复) text. */
  reply: string | null;
  /** Staff marked the message and reply for the public board. */
  publish: boolean;
  /** A consultation comment's 采纳情况. */
  adoption: Adoption | null;
  adoptionReason: string | null;
  /** The deadline was extended once (延期, 条例第三十三条). */
  extended: boolean;
  updatedAt: string | null;
}

export interface SubmissionEvent {
  at: string;
  actor: string;
  action: string;
  note: string | null;
  detail: Record<string, unknown> | null;
}

export interface SubmissionQuery {
  form?: string;
  kind?: string;
  step?: string;
  /** Text anywhere in the citizen's values, the reply or the tracking code. */
  text?: string;
  /** received_on from / to, inclusive (YYYY-MM-DD). */
  from?: string;
  to?: string;
  /** Only what was forwarded (转办) to this office: a staff account's scope. */
  office?: string;
  /** 1-based. */
  page: number;
  pageSize: number;
}

export interface SubmissionPage {
  total: number;
  items: SubmissionRecord[];
}

/** What an action changes; undefined fields stay as they are. */
export interface SubmissionPatch {
  step?: StatusRow['step'];
  deadline?: string;
  repliedOn?: string | null;
  outcome?: string | null;
  outcomeDetail?: string | null;
  reason?: string | null;
  office?: string | null;
  reply?: string | null;
  publish?: boolean;
  adoption?: Adoption | null;
  adoptionReason?: string | null;
  extended?: boolean;
}

/** An action decided on the current record: the change and the audit entry. Throwing aborts it (nothing written). */
export type Decide = (current: SubmissionRecord) => {
  patch: SubmissionPatch;
  action: string;
  note?: string | null;
  detail?: Record<string, unknown> | null;
};

export interface StaffStorage {
  // Accounts.
  countUsers(): Promise<number>;
  createUser(user: { name: string; office: string; role: Role; passwordHash: string; at: string }): Promise<StaffUser>;
  userByName(name: string): Promise<StaffUserWithHash | undefined>;
  listUsers(): Promise<StaffUser[]>;
  /** false when there is no such user. */
  setPassword(name: string, passwordHash: string, at: string): Promise<boolean>;
  setDisabled(name: string, disabled: boolean, at: string): Promise<boolean>;

  // Sessions (the token is stored hashed).
  createSession(session: { tokenHash: string; userId: number; createdAt: string; expiresAt: string }): Promise<void>;
  /** The session's user when the session exists, has not expired at `now` and the user is not disabled. */
  sessionUser(tokenHash: string, now: string): Promise<StaffUser | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Every session of one user (password changed, account disabled). */
  deleteUserSessions(userId: number): Promise<void>;

  /** Account and session events (user add, login, failed login, logout): who, when, what. */
  logStaffEvent(event: {
    at: string;
    actor: string;
    action: string;
    detail?: Record<string, unknown> | null;
  }): Promise<void>;
  staffEvents(
    limit: number,
  ): Promise<Array<{ at: string; actor: string; action: string; detail: Record<string, unknown> | null }>>;

  // Submissions.
  searchSubmissions(query: SubmissionQuery): Promise<SubmissionPage>;
  submission(id: number): Promise<SubmissionRecord | undefined>;
  submissionEvents(id: number): Promise<SubmissionEvent[]>;
  /** Logs a look at a submission's personal data. */
  logSubmissionEvent(
    id: number,
    event: { at: string; actor: string; action: string; note?: string | null; detail?: Record<string, unknown> | null },
  ): Promise<void>;
  /**
   * Reads the submission and applies `decide`'s patch with its audit entry in one
   * transaction (no other action in between); undefined when there is no such submission.
   */
  act(id: number, actor: string, at: string, decide: Decide): Promise<SubmissionRecord | undefined>;

  // Publishing.
  /** Replied submissions of a form that staff marked publishable, newest reply first. */
  publishedReplies(form: string, limit: number): Promise<SubmissionRecord[]>;
  /** Every comment of a consultation, oldest first. */
  formSubmissions(form: string): Promise<SubmissionRecord[]>;
  /** Applications of a form received on or before `until` and not replied before `since` (the annual report's year). */
  openDuring(form: string, since: string, until: string): Promise<SubmissionRecord[]>;
}
