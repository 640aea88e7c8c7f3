// Messaging (`/api/shop/messaging`, `/api/messages`, consent on a customer): the shop's provider
// settings, the outbox of WhatsApp / SMS messages, its counts per day, a retry, a test message,
// and consent / opt-out. Prices are integer paise; secrets are never read back, only "set".

import { TRACKING } from './contacts';
import { request } from './http';
import { queryString } from './query';
import type { Schemas } from './schema';

export type MessageChannel = Schemas['MessageChannel'];
export const MESSAGE_CHANNELS: readonly MessageChannel[] = ['whatsapp', 'sms'];

export type MessageStatus = Schemas['MessageStatus'];
export const MESSAGE_STATUSES: readonly MessageStatus[] = [
  'awaiting_approval',
  'queued',
  'sending',
  'sent',
  'delivered',
  'read',
  'failed',
  'expired',
];

export type MessagingSettings = Schemas['MessagingSettings'];

/** The secrets a PUT may write: a string sets, null clears, absent keeps. */
export type MessagingSecret = MessagingSettings['unreadable_secrets'][number];
export const MESSAGING_SECRETS: readonly MessagingSecret[] = [
  'whatsapp_access_token',
  'whatsapp_app_secret',
  'whatsapp_verify_token',
  'sms_auth_key',
];

/** A partial update: the plain fields as read, plus the secrets (a string sets, null clears). */
export type MessagingChanges = Schemas['MessagingSettingsChanges'];

export type Message = Schemas['Message'];

export interface MessageFilter {
  status?: string;
  channel?: string;
  customer_id?: number;
  reminder_id?: number;
  from?: string;
  to?: string;
}

export interface MessageQuery extends MessageFilter {
  limit?: number;
  offset?: number;
}

export type MessagePage = Schemas['MessageList'];
export type MessageDaily = Schemas['DailyMessageCounts'];
export type MessageDay = MessageDaily['days'][number];

export type ConsentMethod = 'counter' | 'form' | 'staff';

/** Consent given or withdrawn per channel, and opt-outs (channel `all`). */
export type ConsentEvent = Schemas['ConsentEvent'];
export type CustomerWithConsent = Schemas['CustomerConsent'];

export const getMessagingSettings = () => request<MessagingSettings>('GET', '/api/shop/messaging');

export const updateMessagingSettings = (changes: MessagingChanges) =>
  request<MessagingSettings>('PUT', '/api/shop/messaging', changes);

/** A fresh key for one webhook address (owner only); the old key works for 24 more hours. */
export const rotateWebhookKey = (channel: MessageChannel) =>
  request<MessagingSettings>('POST', '/api/shop/webhook-keys/rotate', { channel });

/** Sends one real message now through the configured provider (owner only). */
export const sendTestMessage = (channel: MessageChannel, phone: string) =>
  request<{ message: Message }>('POST', '/api/shop/messaging/test', { channel, phone });

export const listMessages = (query: MessageQuery = {}) => request<MessagePage>('GET', `/api/messages${queryString({ ...query })}`);

/** Counts by shop-local day; without dates the server gives the last 14 days. */
export const getMessageDaily = (window: { from?: string; to?: string } = {}) =>
  request<MessageDaily>('GET', `/api/messages/daily${queryString({ ...window })}`);

/** A failed message back to the queue (409 when it is not failed or consent is gone). */
export const retryMessage = (id: number) => request<Message>('POST', `/api/messages/${id}/retry`, {});

export type ApprovedMessages = Schemas['ApprovedMessages'];

/** Look before sending: messages awaiting approval go to the queue (the next pass sends them).
 * A list is all or nothing: 409 names the ones that expired or were approved meanwhile. */
export const approveMessages = (which: { ids: number[] } | { all: true }) =>
  request<ApprovedMessages>('POST', '/api/messages/approve', which);

const withNote = (note: string) => (note.trim() ? { note: note.trim() } : {});

export const recordConsent = (customerId: number, channel: MessageChannel, granted: boolean, method: ConsentMethod = 'counter', note = '') =>
  request<CustomerWithConsent>('POST', `${TRACKING}/customers/${customerId}/consent`, { channel, granted, method, ...withNote(note) });

/** Withdraws consent on every channel from now on; the history stays. */
export const optOutCustomer = (customerId: number, note = '') =>
  request<CustomerWithConsent>('POST', `${TRACKING}/customers/${customerId}/opt-out`, withNote(note));
