import type { MessageChannel, MessageStatus } from '../../api';

export const MESSAGE_STATUS_LABELS: Record<MessageStatus, string> = {
  queued: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  failed: 'Failed',
  awaiting_approval: 'Awaiting approval',
  expired: 'Expired',
};

export const CHANNEL_LABELS: Record<MessageChannel, string> = {
  whatsapp: 'WhatsApp',
  sms: 'SMS',
};

/** A consent history channel: whatsapp, sms, or `all` (an opt-out). */
export function consentChannelLabel(channel: string): string {
  if (channel === 'all') return 'All channels';
  return CHANNEL_LABELS[channel as MessageChannel] ?? channel;
}
