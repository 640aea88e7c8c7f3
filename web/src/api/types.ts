// Names for the JSON the rxtrack server sends and accepts (staff, shop, sessions, errors).
// The shapes come from docs/openapi.yaml (see schema.ts).

import type { Schemas } from './schema';

export type Role = Schemas['Role'];

export const ROLES: readonly Role[] = ['owner', 'manager', 'staff'];

/** The signed-in person (`GET /api/me`, and `staff` in login/setup answers). */
export type Me = Schemas['StaffIdentity'];
export type StaffMember = Schemas['StaffMember'];
export type Shop = Schemas['Shop'];

/** Every list answer: one page of items and the count of all of them. */
export interface ItemList<T> {
  items: T[];
  total: number;
}

export type SessionAnswer = Schemas['Session'];
export type SetupRequest = Schemas['Setup'];
export type NewStaff = Schemas['NewStaff'];
export type StaffChanges = Schemas['StaffChanges'];
export type ShopChanges = Schemas['ShopChanges'];

/** Error body: `{"error":{"code","message","details"}}`. */
export type ErrorBody = Schemas['Error'];
