// Names for customers, bills and refill reminders (`/api/bills`, `/api/customer-tracking/customers`,
// `/api/customer-tracking/refill-reminders`). Money is integer paise throughout. The shapes come
// from docs/openapi.yaml (see schema.ts).

import type { Schemas } from './schema';

export type CustomerCategory = Schemas['CustomerCategory'];
export const CUSTOMER_CATEGORIES: readonly CustomerCategory[] = [
  'contact_sheet',
  'first_time_prescription',
  'regular_branded',
  'generic_informed',
];

/** A customer as lists show them: no medical, contact or personal details (those come with the
 * customer's own page, which the shop's audit log records). */
export type CustomerSummary = Schemas['CustomerSummary'];
export type Customer = Schemas['Customer'];
/** What a bill or an edit may set on a customer; null clears a field. */
export type CustomerFields = Schemas['CustomerFields'];
export type BillItem = Schemas['BillItem'];
export type Bill = Schemas['Bill'];
export type BillWithItems = Schemas['BillWithItems'];
export type NewBillItem = Schemas['BillItemRequest'];
export type NewBill = Schemas['BillRequest'];
export type Conversion = Schemas['Conversion'];

export type RefillStatus = Schemas['RefillStatus'];
export const REFILL_STATUSES: readonly RefillStatus[] = ['pending', 'sent', 'responded', 'refilled', 'cancelled'];

export type RefillChannel = Schemas['RefillChannel'];
export const REFILL_CHANNELS: readonly RefillChannel[] = ['whatsapp', 'call', 'sms'];

export type RefillResponse = Schemas['RefillAnswer'];
export const REFILL_RESPONSES: readonly RefillResponse[] = [
  'will_visit',
  'refilled_elsewhere',
  'stopped_medicine',
  'not_reachable',
  'call_back',
  'other',
];

export type RefillReminder = Schemas['RefillReminder'];
export type BillAnswer = Schemas['BillResult'];
export type Purchase = Schemas['Purchase'];
export type CustomerDetail = Schemas['CustomerDetail'];
/** What a staff member sees of a contact-sheet record assigned to someone else. */
export type LimitedContact = Schemas['LimitedContact'];

/** The customer list's filters, as the query string carries them. */
export interface CustomerFilter {
  q?: string;
  category?: string;
  chronic_condition?: string;
  /** `true` / `false`. */
  prefers_generic?: string;
  /** `true` / `false`. */
  has_due_refill?: string;
}

/** The refill list's filters; none = pending reminders due today or earlier. */
export interface RefillFilter {
  from?: string;
  to?: string;
  status?: string;
  medicine?: string;
}

export type RefillPage = Schemas['RefillList'];
