// Messaging (`/api/shop/messaging`, `/api/messages`, consent on a customer): the shop's provider
// settings, the outbox of WhatsApp / SMS messages, its counts per day, a retry, a test message,
// and consent / opt-out. Prices are integer paise; secrets are never read back, only "set".

import { TRACKING } from './contacts';
import type { Customer } from './customer-types';
import { request } from './http';
import { queryString } from './query';

export type MessageChannel = 'whatsapp' | 'sms';
export const MESSAGE_CHANNELS: readonly MessageChannel[] = ['whatsapp', 'sms'];

export type MessageStatus = 'queued' | 'sending' | 'sent' | 'delivered' | 'read' | 'failed';
export const MESSAGE_STATUSES: readonly MessageStatus[] = ['queued', 'sending', 'sent', 'delivered', 'read', 'failed'];

export interface MessagingSettings {
  whatsapp_base_url: string;
  whatsapp_api_version: string;
  whatsapp_phone_number_id: string | null;
  whatsapp_access_token_set: boolean;
  whatsapp_app_secret_set: boolean;
  whatsapp_verify_token_set: boolean;
  whatsapp_template_refill: string | null;
  whatsapp_template_language: string | null;
  sms_base_url: string | null;
  sms_auth_key_set: boolean;
  sms_template_id: string | null;
  sms_sender: string | null;
  /** Shop-local `HH:MM`. */
  send_window_start: string;
  send_window_end: string;
  include_medicine_names: boolean;
  opt_out_keywords: string[];
  whatsapp_price_paise: number | null;
  sms_price_paise: number | null;
  /** `unreadable`: stored secrets this server's key cannot open (named below); nothing is sent. */
  secrets_status: 'readable' | 'unreadable';
  unreadable_secrets: MessagingSecret[];
  /** The webhook keys and addresses are in the owner's answer only. */
  webhook_key?: string;
  /** e.g. `/api/webhooks/whatsapp/<key>`; the full address is the site's origin plus this. */
  webhook_url_path?: string;
  /** When the WhatsApp key replaced by a rotation stops working (null: no old key works). */
  webhook_previous_key_expires_at?: string | null;
  sms_webhook_key?: string;
  /** e.g. `/api/webhooks/sms/<sms key>`: where MSG91 forwards inbound SMS. */
  sms_webhook_url_path?: string;
  sms_webhook_previous_key_expires_at?: string | null;
  whatsapp_ready: boolean;
  sms_ready: boolean;
}

/** The secrets a PUT may write: a string sets, null clears, absent keeps. */
export type MessagingSecret = 'whatsapp_access_token' | 'whatsapp_app_secret' | 'whatsapp_verify_token' | 'sms_auth_key';
export const MESSAGING_SECRETS: readonly MessagingSecret[] = [
  'whatsapp_access_token',
  'whatsapp_app_secret',
  'whatsapp_verify_token',
  'sms_auth_key',
];

/** A partial update: the plain fields as read, plus the secrets. */
export type MessagingChanges = Partial<
  Omit<
    MessagingSettings,
    | 'whatsapp_access_token_set'
    | 'whatsapp_app_secret_set'
    | 'whatsapp_verify_token_set'
    | 'sms_auth_key_set'
    | 'secrets_status'
    | 'unreadable_secrets'
    | 'webhook_key'
    | 'webhook_url_path'
    | 'webhook_previous_key_expires_at'
    | 'sms_webhook_key'
    | 'sms_webhook_url_path'
    | 'sms_webhook_previous_key_expires_at'
    | 'whatsapp_ready'
    | 'sms_ready'
  >
> &
  Partial<Record<MessagingSecret, string | null>>;

export interface Message {
  id: number;
  /** null for a test message. */
  customer_id: number | null;
  customer_name: string | null;
  refill_reminder_id: number | null;
  channel: MessageChannel;
  to_phone: string;
  template: string | null;
  status: MessageStatus;
  attempts: number;
  provider_message_id: string | null;
  error_code: string | null;
  error_message: string | null;
  created_at: string;
  sent_at: string | null;
  delivered_at: string | null;
  read_at: string | null;
  failed_at: string | null;
  next_attempt_at: string | null;
}

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

export interface MessagePage {
  items: Message[];
  total: number;
}

export interface MessageDay {
  date: string;
  queued: number;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  total: number;
}

export interface MessageDaily {
  from: string;
  to: string;
  days: MessageDay[];
}

export type ConsentMethod = 'counter' | 'form' | 'staff';

export interface ConsentEvent {
  /** `whatsapp`, `sms`, or `all` for an opt-out. */
  channel: string;
  granted: boolean;
  /** counter, form, staff, reply… */
  method: string;
  staff_id: number | null;
  staff_name: string | null;
  note: string | null;
  at: string;
}

export interface CustomerWithConsent extends Customer {
  consent_history: ConsentEvent[];
}

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

const withNote = (note: string) => (note.trim() ? { note: note.trim() } : {});

export const recordConsent = (customerId: number, channel: MessageChannel, granted: boolean, method: ConsentMethod = 'counter', note = '') =>
  request<CustomerWithConsent>('POST', `${TRACKING}/customers/${customerId}/consent`, { channel, granted, method, ...withNote(note) });

/** Withdraws consent on every channel from now on; the history stays. */
export const optOutCustomer = (customerId: number, note = '') =>
  request<CustomerWithConsent>('POST', `${TRACKING}/customers/${customerId}/opt-out`, withNote(note));
