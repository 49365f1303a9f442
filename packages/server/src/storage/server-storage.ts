/** What a server runs on: the citizens' side (types.ts), the staff side (staff-types.ts) and the published documents (document-types.ts) of one database. */
import type { DocumentStorage } from './document-types.js';
import type { StaffStorage } from './staff-types.js';
import type { Storage } from './types.js';

export type ServerStorage = Storage & StaffStorage & { readonly documents: DocumentStorage };
