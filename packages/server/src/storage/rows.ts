/**
 * Rows as both storages read them, turned into the records the server uses. SQLite
 * answers flags as 0/1, ids as numbers and JSON as text; PostgreSQL (as postgres.ts
 * selects them) flags as booleans, ids as bigint text and json already parsed. Times
 * and days are already the same ISO text on both.
 */
import type { Role, StaffUser, SubmissionPatch, SubmissionRecord } from './staff-types.js';
import type { StatusRow } from './types.js';

type Flag = number | boolean;
type Json<T> = string | T;

export interface UserRow {
  id: string | number;
  name: string;
  office: string;
  role: Role;
  password_hash: string;
  disabled: Flag;
  created_at: string;
}

export interface SubmissionRow {
  id: string | number;
  tracking_code: string;
  form: string;
  kind: string;
  data: Json<Record<string, unknown>>;
  received_at: string;
  received_on: string;
  deadline: string;
  step: StatusRow['step'];
  replied_on: string | null;
  outcome: string | null;
  outcome_detail: string | null;
  reason: string | null;
  office: string | null;
  reply: string | null;
  publish: Flag;
  adoption: SubmissionRecord['adoption'];
  adoption_reason: string | null;
  extended: Flag;
  updated_at: string | null;
}

/** A JSON column: text (SQLite, PostgreSQL's text columns) or already parsed (PostgreSQL's json). */
export function jsonValue<T>(value: Json<T> | null): T | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

export function toUser(row: UserRow): StaffUser {
  return { id: Number(row.id), name: row.name, office: row.office, role: row.role, disabled: Boolean(row.disabled), createdAt: row.created_at };
}

export function toRecord(row: SubmissionRow): SubmissionRecord {
  return {
    id: Number(row.id),
    trackingCode: row.tracking_code,
    form: row.form,
    kind: row.kind,
    data: jsonValue(row.data) ?? {},
    receivedAt: row.received_at,
    receivedOn: row.received_on,
    deadline: row.deadline,
    step: row.step,
    repliedOn: row.replied_on,
    outcome: row.outcome,
    outcomeDetail: row.outcome_detail,
    reason: row.reason,
    office: row.office,
    reply: row.reply,
    publish: Boolean(row.publish),
    adoption: row.adoption,
    adoptionReason: row.adoption_reason,
    extended: Boolean(row.extended),
    updatedAt: row.updated_at,
  };
}

/** An event row with its `detail` JSON parsed. */
export function withDetail<R extends { detail: string | Record<string, unknown> | null }>(row: R): Omit<R, 'detail'> & { detail: Record<string, unknown> | null } {
  return { ...row, detail: jsonValue(row.detail) };
}

/** The fields a patch sets (undefined ones stay as they are). */
export function definedOnly(patch: SubmissionPatch): Partial<SubmissionRecord> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<SubmissionRecord>;
}
