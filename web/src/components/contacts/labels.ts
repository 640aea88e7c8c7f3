// Words shown for the customer-tracking codes.

import type { ContactStatus, WhatsAppStatus } from '../../api';

export const STATUS_LABELS: Record<ContactStatus, string> = {
  pending: 'Pending',
  contacted: 'Contacted',
  converted: 'Converted',
  yellow: 'Yellow',
};

export const WHATSAPP_LABELS: Record<WhatsAppStatus, string> = {
  unknown: 'Unknown',
  active: 'Active',
  inactive: 'Not on WhatsApp',
};

export const KIND_LABELS: Record<string, string> = {
  call: 'Call',
  whatsapp: 'WhatsApp',
  sms: 'SMS',
  visit: 'Visit',
};

export const OUTCOME_LABELS: Record<string, string> = {
  answered: 'Answered',
  no_answer: 'No answer',
  busy: 'Busy',
  switched_off: 'Switched off',
  wrong_number: 'Wrong number',
  not_interested: 'Not interested',
  interested: 'Interested',
  callback_requested: 'Asked to call back',
  visited_no_purchase: 'Visited, did not buy',
  do_not_call: 'Do not call',
};

/** The contact list's choice of contacts by whether they may be called (absent: callable). */
export const REACH_CODES = ['unreachable', 'do_not_contact', 'all'] as const;
export const REACH_LABELS: Record<string, string> = {
  unreachable: 'Unreachable',
  do_not_contact: 'Do not call',
  all: 'Everyone',
};

/** A code's label, or the code with underscores as spaces when it is new to us. */
export function labelOf(labels: Record<string, string>, code: string): string {
  return labels[code] ?? code.replace(/_/g, ' ');
}
