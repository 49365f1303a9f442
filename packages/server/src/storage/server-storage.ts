/**
 * What a server runs on: one database holding many organisations' data.
 *
 * The database as a whole (`Storage`: migrations, the group-committed writes of
 * submissions, health, the shared rate-limit counters) and, through `forOrg`, one
 * organisation's view of it: accounts, sessions, submissions, audit logs and documents.
 * Every query of a view is limited to the organisation it was made for: that is where
 * organisations are kept apart. A request gets the view of the organisation it is for
 * (tenants.ts), never another's, so no route can reach another organisation's rows.
 * The storage's own view is the default organisation's (a single-organisation server).
 */
import type { DocumentStorage } from './document-types.js';
import type { LimitStore } from '../limits.js';
import type { TransferAccess } from './org-transfer.js';
import type { StaffStorage } from './staff-types.js';
import type { Storage } from './types.js';

export interface ServerStorage extends Storage, StaffStorage {
  /** The organisation whose rows this view reads and writes (config.ts ORG_ID). */
  readonly org: string;
  readonly documents: DocumentStorage;
  /** Counters every instance shares (rate limits, failed sign-ins), in the database. */
  readonly limits: LimitStore;
  /** The same database, limited to `org`. */
  forOrg(org: string): ServerStorage;
  /** Raw access for `export` and `import` of one organisation's rows (org-transfer.ts). */
  transfer(): TransferAccess;
}
