import { describe, expect, it } from 'vitest';
import type { MessagingSettings } from '../../api';
import { checkDraft, draftFrom } from './settingsDraft';

const SETTINGS = {
  whatsapp_base_url: 'https://graph.facebook.com',
  whatsapp_api_version: 'v23.0',
  whatsapp_phone_number_id: null,
  whatsapp_template_refill: null,
  whatsapp_template_language: null,
  sms_base_url: null,
  sms_template_id: null,
  sms_sender: null,
  send_window_start: '09:00',
  send_window_end: '20:00',
  include_medicine_names: false,
  opt_out_keywords: [],
  whatsapp_price_paise: null,
  sms_price_paise: null,
  reply_payload_keep_ready: 'KEEP',
  reply_payload_already_bought: null,
  reply_payload_stop: null,
} as unknown as MessagingSettings;

describe('the reply button payloads', () => {
  it('read back, are sent trimmed, and an empty one clears', () => {
    const d = { ...draftFrom(SETTINGS), reply_payload_already_bought: '  BOUGHT ', reply_payload_keep_ready: '' };
    const checked = checkDraft(d);
    expect('changes' in checked && checked.changes).toMatchObject({
      reply_payload_keep_ready: null,
      reply_payload_already_bought: 'BOUGHT',
      reply_payload_stop: null,
    });
    expect(draftFrom(SETTINGS).reply_payload_keep_ready).toBe('KEEP');
  });

  it('must differ from one another', () => {
    const checked = checkDraft({ ...draftFrom(SETTINGS), reply_payload_stop: 'KEEP' });
    expect(checked).toEqual({ fields: { reply_payload_stop: 'Each button needs its own payload.' } });
  });
});
