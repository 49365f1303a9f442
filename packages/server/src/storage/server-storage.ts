/** What a server runs on: the citizens' side (types.ts) and the staff side (staff-types.ts) of one database. */
import type { StaffStorage } from './staff-types.js';
import type { Storage } from './types.js';

export type ServerStorage = Storage & StaffStorage;
