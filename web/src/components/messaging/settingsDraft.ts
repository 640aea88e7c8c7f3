// The messaging settings form: its text values, their checks, and the PUT they make.

import type { MessagingChanges, MessagingSecret, MessagingSettings } from '../../api';
import { formatRupees, parseRupees } from '../../money';
import { KEEP_SECRET, secretChange, type SecretEdit } from './SecretField';

export interface SettingsDraft {
  whatsapp_base_url: string;
  whatsapp_api_version: string;
  whatsapp_phone_number_id: string;
  whatsapp_template_refill: string;
  whatsapp_template_language: string;
  sms_base_url: string;
  sms_template_id: string;
  sms_sender: string;
  send_window_start: string;
  send_window_end: string;
  include_medicine_names: boolean;
  /** Comma-separated. */
  opt_out_keywords: string;
  /** Rupees as typed. */
  whatsapp_price: string;
  sms_price: string;
  /** The refill template's quick-reply button payloads, in button order. */
  reply_payload_keep_ready: string;
  reply_payload_already_bought: string;
  reply_payload_stop: string;
  secrets: Record<MessagingSecret, SecretEdit>;
}

export const DRAFT_FIELDS = [
  'whatsapp_base_url',
  'whatsapp_api_version',
  'whatsapp_phone_number_id',
  'whatsapp_template_refill',
  'whatsapp_template_language',
  'sms_base_url',
  'sms_template_id',
  'sms_sender',
  'send_window_start',
  'send_window_end',
  'opt_out_keywords',
  'whatsapp_price_paise',
  'sms_price_paise',
  'reply_payload_keep_ready',
  'reply_payload_already_bought',
  'reply_payload_stop',
  'whatsapp_access_token',
  'whatsapp_app_secret',
  'whatsapp_verify_token',
  'sms_auth_key',
] as const;

/** "12.50" for 1250 paise; empty when unset. */
const rupeeText = (paise: number | null) => (paise === null ? '' : formatRupees(paise).replace(/[₹,\s]/g, ''));

export function draftFrom(s: MessagingSettings): SettingsDraft {
  return {
    whatsapp_base_url: s.whatsapp_base_url,
    whatsapp_api_version: s.whatsapp_api_version,
    whatsapp_phone_number_id: s.whatsapp_phone_number_id ?? '',
    whatsapp_template_refill: s.whatsapp_template_refill ?? '',
    whatsapp_template_language: s.whatsapp_template_language ?? '',
    sms_base_url: s.sms_base_url ?? '',
    sms_template_id: s.sms_template_id ?? '',
    sms_sender: s.sms_sender ?? '',
    send_window_start: s.send_window_start,
    send_window_end: s.send_window_end,
    include_medicine_names: s.include_medicine_names,
    opt_out_keywords: s.opt_out_keywords.join(', '),
    whatsapp_price: rupeeText(s.whatsapp_price_paise),
    sms_price: rupeeText(s.sms_price_paise),
    reply_payload_keep_ready: s.reply_payload_keep_ready ?? '',
    reply_payload_already_bought: s.reply_payload_already_bought ?? '',
    reply_payload_stop: s.reply_payload_stop ?? '',
    secrets: {
      whatsapp_access_token: KEEP_SECRET,
      whatsapp_app_secret: KEEP_SECRET,
      whatsapp_verify_token: KEEP_SECRET,
      sms_auth_key: KEEP_SECRET,
    },
  };
}

const URL_RE = /^https?:\/\/[^\s/]+/i;
const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
const orNull = (t: string) => (t.trim() ? t.trim() : null);

/** Field errors (keyed by the API's names), or the PUT body. */
export function checkDraft(d: SettingsDraft): { fields: Record<string, string> } | { changes: MessagingChanges } {
  const f: Record<string, string> = {};
  if (!URL_RE.test(d.whatsapp_base_url.trim())) f.whatsapp_base_url = 'Enter an address starting with http:// or https://.';
  if (!d.whatsapp_api_version.trim()) f.whatsapp_api_version = 'Enter the API version, e.g. v23.0.';
  if (d.sms_base_url.trim() && !URL_RE.test(d.sms_base_url.trim())) f.sms_base_url = 'Enter an address starting with http:// or https://.';
  if (!TIME_RE.test(d.send_window_start)) f.send_window_start = 'Enter a time such as 09:00.';
  if (!TIME_RE.test(d.send_window_end)) f.send_window_end = 'Enter a time such as 20:00.';
  const whatsappPrice = d.whatsapp_price.trim() ? parseRupees(d.whatsapp_price) : null;
  const smsPrice = d.sms_price.trim() ? parseRupees(d.sms_price) : null;
  if (d.whatsapp_price.trim() && whatsappPrice === null) f.whatsapp_price_paise = 'Enter rupees, e.g. 0.80.';
  if (d.sms_price.trim() && smsPrice === null) f.sms_price_paise = 'Enter rupees, e.g. 0.25.';
  const payloads = [
    ['reply_payload_keep_ready', d.reply_payload_keep_ready.trim()],
    ['reply_payload_already_bought', d.reply_payload_already_bought.trim()],
    ['reply_payload_stop', d.reply_payload_stop.trim()],
  ] as const;
  payloads.forEach(([name, value], i) => {
    if (value && payloads.slice(0, i).some(([, earlier]) => earlier === value)) f[name] = 'Each button needs its own payload.';
  });
  if (Object.keys(f).length) return { fields: f };

  const changes: MessagingChanges = {
    whatsapp_base_url: d.whatsapp_base_url.trim(),
    whatsapp_api_version: d.whatsapp_api_version.trim(),
    whatsapp_phone_number_id: orNull(d.whatsapp_phone_number_id),
    whatsapp_template_refill: orNull(d.whatsapp_template_refill),
    whatsapp_template_language: orNull(d.whatsapp_template_language),
    sms_base_url: orNull(d.sms_base_url),
    sms_template_id: orNull(d.sms_template_id),
    sms_sender: orNull(d.sms_sender),
    send_window_start: d.send_window_start,
    send_window_end: d.send_window_end,
    include_medicine_names: d.include_medicine_names,
    opt_out_keywords: d.opt_out_keywords
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    whatsapp_price_paise: whatsappPrice,
    sms_price_paise: smsPrice,
    reply_payload_keep_ready: orNull(d.reply_payload_keep_ready),
    reply_payload_already_bought: orNull(d.reply_payload_already_bought),
    reply_payload_stop: orNull(d.reply_payload_stop),
  };
  for (const [name, edit] of Object.entries(d.secrets) as [MessagingSecret, SecretEdit][]) {
    const v = secretChange(edit);
    if (v !== undefined) changes[name] = v;
  }
  return { changes };
}
