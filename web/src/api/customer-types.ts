// Shapes of customers, bills and refill reminders (`/api/bills`, `/api/customer-tracking/customers`,
// `/api/customer-tracking/refill-reminders`). Money is integer paise throughout.

import type { ConsentEvent } from './messaging';
import type { Contact, ContactStatus, WhatsAppStatus } from './tracking-types';

export type CustomerCategory = 'contact_sheet' | 'first_time_prescription' | 'regular_branded' | 'generic_informed';
export const CUSTOMER_CATEGORIES: readonly CustomerCategory[] = [
  'contact_sheet',
  'first_time_prescription',
  'regular_branded',
  'generic_informed',
];

/** A customer as lists show them: no medical, contact or personal details (those come with the
 * customer's own page, which the shop's audit log records). */
export interface CustomerSummary {
  id: number;
  /** E.164, e.g. +919845227441. */
  phone: string;
  name: string | null;
  category: CustomerCategory;
  visit_count: number;
  first_visit_at: string | null;
  last_visit_at: string | null;
  total_spent_paise: number;
  whatsapp_status: WhatsAppStatus;
  opted_out_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface Customer extends CustomerSummary {
  age: number | null;
  birth_year: number | null;
  gender: string | null;
  address: string | null;
  email: string | null;
  chronic_conditions: string[];
  allergies: string | null;
  primary_doctor: string | null;
  prefers_generic: boolean;
  notes: string | null;
  whatsapp_consent: boolean;
  sms_consent: boolean;
}

/** What a bill or an edit may set on a customer; null clears a field. */
export interface CustomerFields {
  phone?: string;
  name?: string | null;
  category?: CustomerCategory;
  age?: number | null;
  birth_year?: number | null;
  gender?: string | null;
  address?: string | null;
  email?: string | null;
  chronic_conditions?: string[];
  allergies?: string | null;
  primary_doctor?: string | null;
  prefers_generic?: boolean;
  notes?: string | null;
  whatsapp_consent?: boolean;
  sms_consent?: boolean;
}

export interface BillItem {
  id: number;
  line_no: number;
  medicine: string;
  quantity: number;
  unit_price_paise: number;
  amount_paise: number;
  duration_days: number | null;
  is_generic: boolean;
  /** `YYYY-MM-DD`, when the duration is known. */
  runs_out_on: string | null;
  /** Saved without a duration after the counter asked for one. */
  duration_skipped: boolean;
}

export interface Bill {
  id: number;
  customer_id: number;
  customer_name: string | null;
  customer_phone: string;
  staff_id: number;
  billed_at: string;
  bill_date: string;
  customer_category: CustomerCategory;
  was_contacted_before: boolean;
  visited_but_no_purchase: boolean;
  total_paise: number;
  notes: string | null;
  item_count: number;
}

export interface BillWithItems extends Bill {
  items: BillItem[];
}

export interface NewBillItem {
  medicine: string;
  quantity: number;
  unit_price_paise: number;
  duration_days?: number;
  is_generic?: boolean;
  /** Only without `duration_days`: asked "How many days will this last?", skipped. */
  duration_skipped?: boolean;
}

export interface NewBill {
  customer: CustomerFields & { phone: string };
  customer_category?: CustomerCategory;
  was_contacted_before: boolean;
  items: NewBillItem[];
  /** Shop-local `YYYY-MM-DDTHH:MM` or ISO; owners and managers only. */
  billed_at?: string;
  notes?: string;
  visited_but_no_purchase?: boolean;
}

export interface Conversion {
  contact_id: number;
  conversion_value_paise: number;
  converted_at: string;
}

export type RefillStatus = 'pending' | 'sent' | 'responded' | 'refilled' | 'cancelled';
export const REFILL_STATUSES: readonly RefillStatus[] = ['pending', 'sent', 'responded', 'refilled', 'cancelled'];

export type RefillChannel = 'whatsapp' | 'call' | 'sms';
export const REFILL_CHANNELS: readonly RefillChannel[] = ['whatsapp', 'call', 'sms'];

export type RefillResponse = 'will_visit' | 'refilled_elsewhere' | 'stopped_medicine' | 'not_reachable' | 'call_back' | 'other';
export const REFILL_RESPONSES: readonly RefillResponse[] = [
  'will_visit',
  'refilled_elsewhere',
  'stopped_medicine',
  'not_reachable',
  'call_back',
  'other',
];

export interface RefillReminder {
  id: number;
  customer_id: number;
  customer_name: string | null;
  customer_phone: string;
  whatsapp_status: WhatsAppStatus;
  purchase_id: number;
  bill_id: number;
  medicine: string;
  runs_out_on: string;
  remind_on: string;
  days_overdue: number;
  status: RefillStatus;
  sent_channel: RefillChannel | null;
  sent_at: string | null;
  sent_by: number | null;
  response: RefillResponse | null;
  response_note: string | null;
  responded_at: string | null;
  refilled_bill_id: number | null;
  closed_at: string | null;
  created_at: string;
}

export interface BillAnswer {
  bill: BillWithItems;
  total_paise: number;
  customer: Customer;
  customer_created: boolean;
  conversion: Conversion | null;
  yellow_contact_id: number | null;
  reminders: RefillReminder[];
  refilled_reminder_ids: number[];
}

export interface Purchase {
  id: number;
  bill_id: number;
  medicine: string;
  quantity: number;
  amount_paise: number;
  is_generic: boolean;
  purchased_on: string;
  duration_days: number | null;
  runs_out_on: string | null;
}

export interface CustomerDetail extends Customer {
  purchases: Purchase[];
  bills: Bill[];
  refill_reminders: RefillReminder[];
  /** The contact-sheet record with the same phone; only its status for a staff member it is not
   * assigned to. */
  contact: Contact | LimitedContact | null;
  /** Newest first: consent given or withdrawn per channel, and opt-outs (channel `all`). */
  consent_history: ConsentEvent[];
}

/** What a staff member sees of a contact-sheet record assigned to someone else. */
export interface LimitedContact {
  status: ContactStatus;
  limited: true;
}

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

export interface RefillPage {
  items: RefillReminder[];
  total: number;
  /** The shop's today, `YYYY-MM-DD`. */
  today: string;
}
