// Words shown for refill reminder codes.

import type { RefillChannel, RefillResponse, RefillStatus } from '../../api';

export const REFILL_STATUS_LABELS: Record<RefillStatus, string> = {
  pending: 'To remind',
  sent: 'Reminded',
  responded: 'Responded',
  refilled: 'Refilled',
  cancelled: 'Cancelled',
};

export const CHANNEL_LABELS: Record<RefillChannel, string> = {
  whatsapp: 'WhatsApp',
  call: 'Call',
  sms: 'SMS',
};

export const RESPONSE_LABELS: Record<RefillResponse, string> = {
  will_visit: 'Will visit',
  refilled_elsewhere: 'Refilled elsewhere',
  stopped_medicine: 'Stopped the medicine',
  not_reachable: 'Not reachable',
  call_back: 'Call back later',
  other: 'Other',
};

/** Pending, sent and responded reminders can still be worked. */
export function isOpen(status: RefillStatus): boolean {
  return status === 'pending' || status === 'sent' || status === 'responded';
}
