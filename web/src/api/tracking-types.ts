// Names for the customer-tracking API (`/api/customer-tracking`): contact sheets, contacts,
// interactions and follow-ups. The shapes come from docs/openapi.yaml (see schema.ts).

import type { Schemas } from './schema';

export type ContactStatus = Schemas['ContactStatus'];
export const CONTACT_STATUSES: readonly ContactStatus[] = ['pending', 'contacted', 'converted', 'yellow'];

export type WhatsAppStatus = Schemas['WhatsappStatus'];
export const WHATSAPP_STATUSES: readonly WhatsAppStatus[] = ['unknown', 'active', 'inactive'];

export type InteractionKind = Schemas['InteractionKind'];
export const INTERACTION_KINDS: readonly InteractionKind[] = ['call', 'whatsapp', 'sms', 'visit'];

/** Outcomes a person may log (the server also writes `visited_no_purchase` when marking yellow). */
export type Outcome = Schemas['InteractionOutcome'];
export const OUTCOMES: readonly Outcome[] = [
  'answered',
  'no_answer',
  'busy',
  'switched_off',
  'wrong_number',
  'not_interested',
  'interested',
  'callback_requested',
  'do_not_call',
];

export type Upload = Schemas['Upload'];
export type UploadError = Schemas['UploadError'];
/** The first problem rows, in row order; `errors_total` counts them all (errors.csv has every one). */
export type UploadDetail = Schemas['UploadWithErrors'];
/** An import's answer: the upload, and how its new contacts were shared out (auto-assign). */
export type UploadImported = Schemas['UploadImported'];
/** One assignment in a contact's history; `automatic` when rxtrack did it. */
export type ContactAssignment = Schemas['ContactAssignment'];
export type Contact = Schemas['Contact'];
export type Interaction = Schemas['Interaction'];
export type FollowUp = Schemas['FollowUp'];
export type ContactDetail = Schemas['ContactDetail'];

/** The contact list's filters; every value as the query string carries it (the app's own, not JSON). */
export interface ContactFilter {
  status?: string;
  whatsapp_status?: string;
  /** A staff id, or `unassigned`. */
  assigned_staff_id?: string;
  upload_id?: string;
  q?: string;
  follow_up?: string;
  /** `unreachable`, `do_not_contact` or `all`; absent: only contacts that may be called. */
  reach?: string;
}

export type ContactChanges = Schemas['ContactUpdate'];
export type NewInteraction = Schemas['NewInteraction'];
export type NewFollowUp = Schemas['NewFollowUp'];

/** By ids, or by the list's filter (sent as the query string carries it). */
export type AssignRequest =
  | { staff_ids: number[]; contact_ids: number[]; reassign?: boolean }
  | { staff_ids: number[]; filter: ContactFilter; limit?: number; reassign?: boolean };

export type AssignAnswer = Schemas['AssignResult'];

export type FollowUpDue = 'today' | 'overdue' | 'upcoming' | 'all';
