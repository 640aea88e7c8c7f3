// Shapes of the customer-tracking API (`/api/customer-tracking`): contact sheets,
// contacts, interactions and follow-ups.

export type ContactStatus = 'pending' | 'contacted' | 'converted' | 'yellow';
export const CONTACT_STATUSES: readonly ContactStatus[] = ['pending', 'contacted', 'converted', 'yellow'];

export type WhatsAppStatus = 'unknown' | 'active' | 'inactive';
export const WHATSAPP_STATUSES: readonly WhatsAppStatus[] = ['unknown', 'active', 'inactive'];

export type InteractionKind = 'call' | 'whatsapp' | 'sms' | 'visit';
export const INTERACTION_KINDS: readonly InteractionKind[] = ['call', 'whatsapp', 'sms', 'visit'];

/** Outcomes a person may log (the server also writes `visited_no_purchase` when marking yellow). */
export const OUTCOMES = [
  'answered',
  'no_answer',
  'busy',
  'switched_off',
  'wrong_number',
  'not_interested',
  'interested',
  'callback_requested',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Upload {
  id: number;
  upload_id: number;
  file_name: string;
  file_format: string;
  uploaded_by: number;
  uploaded_by_name: string;
  total_rows: number;
  imported: number;
  duplicates: number;
  invalid: number;
  created_at: string;
}

export interface UploadError {
  row: number;
  value: string;
  reason: string;
}

export interface UploadDetail extends Upload {
  /** The first problem rows, in row order; `errors_total` counts them all (errors.csv has every one). */
  errors: UploadError[];
  errors_total: number;
}

export interface Contact {
  id: number;
  /** E.164, e.g. +919845227441. */
  phone: string;
  phone_type: string;
  name: string | null;
  status: ContactStatus;
  whatsapp_status: WhatsAppStatus;
  whatsapp_status_source: string | null;
  whatsapp_status_at: string | null;
  wrong_number: boolean;
  assigned_staff_id: number | null;
  assigned_at: string | null;
  upload_id: number | null;
  source_row: number | null;
  notes: string | null;
  customer_id: number | null;
  contacted_at: string | null;
  yellow_at: string | null;
  converted_at: string | null;
  conversion_bill_id: number | null;
  conversion_value_paise: number | null;
  created_at: string;
  updated_at: string;
}

export interface Interaction {
  id: number;
  contact_id: number;
  staff_id: number | null;
  staff_name: string | null;
  kind: string;
  outcome: string;
  notes: string | null;
  created_at: string;
}

export interface FollowUp {
  id: number;
  contact_id: number;
  /** Null, like the name and note, when `reassigned`. */
  contact_phone: string | null;
  contact_name: string | null;
  staff_id: number | null;
  staff_name: string | null;
  created_by: number | null;
  due_at: string;
  note: string | null;
  done: boolean;
  done_at: string | null;
  /** For a staff member: the contact is no longer assigned to them. */
  reassigned: boolean;
  created_at: string;
}

export interface ContactDetail extends Contact {
  extra: Record<string, string>;
  /** The newest interactions; `interactions_total` counts them all (page with listInteractions). */
  interactions: Interaction[];
  interactions_total: number;
  reminders: FollowUp[];
}

/** The contact list's filters; every value as the query string carries it. */
export interface ContactFilter {
  status?: string;
  whatsapp_status?: string;
  /** A staff id, or `unassigned`. */
  assigned_staff_id?: string;
  upload_id?: string;
  q?: string;
  follow_up?: string;
}

export interface ContactChanges {
  name?: string;
  notes?: string;
  status?: ContactStatus;
  whatsapp_status?: WhatsAppStatus;
}

export interface NewInteraction {
  kind: InteractionKind;
  outcome: Outcome;
  notes?: string;
}

export interface NewFollowUp {
  /** Shop-local `YYYY-MM-DDTHH:MM`. */
  due_at: string;
  note?: string;
  staff_id?: number;
}

export type AssignRequest =
  | { staff_ids: number[]; contact_ids: number[]; reassign?: boolean }
  | { staff_ids: number[]; filter: ContactFilter; limit?: number; reassign?: boolean };

export interface AssignAnswer {
  /** staff id → how many contacts they were given. */
  assigned: Record<string, number>;
}

export type FollowUpDue = 'today' | 'overdue' | 'upcoming' | 'all';
