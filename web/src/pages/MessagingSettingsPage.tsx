import { useEffect, useState } from 'preact/hooks';
import {
  getMessagingSettings,
  rotateWebhookKey,
  updateMessagingSettings,
  type MessageChannel,
  type MessagingSecret,
  type MessagingSettings,
} from '../api';
import { Alert } from '../components/Alert';
import { CheckboxField } from '../components/CheckboxField';
import { Loading } from '../components/Loading';
import { TextField } from '../components/TextField';
import { SecretField, type SecretEdit } from '../components/messaging/SecretField';
import { TestMessageForm } from '../components/messaging/TestMessageForm';
import { WebhookAddress } from '../components/messaging/WebhookAddress';
import { DRAFT_FIELDS, checkDraft, draftFrom, type SettingsDraft } from '../components/messaging/settingsDraft';
import { useFieldErrors } from '../useFieldErrors';
import { formatDateTime } from '../datetime';
import { Link } from '../router';
import { useSession } from '../session';
import { FormActions } from '../components/FormActions';

type TextKey = Exclude<keyof SettingsDraft, 'include_medicine_names' | 'secrets'>;

function Ready({ ready, what }: { ready: boolean; what: string }) {
  return <span class={ready ? 'badge badge--ok' : 'badge badge--off'}>{ready ? `${what} ready` : `${what} not set up`}</span>;
}

const SECRET_LABELS: Record<MessagingSecret, string> = {
  whatsapp_access_token: 'WhatsApp access token',
  whatsapp_app_secret: 'WhatsApp app secret',
  whatsapp_verify_token: 'WhatsApp verify token',
  sms_auth_key: 'SMS auth key',
};

interface ChannelWebhook {
  path: (s: MessagingSettings) => string | undefined;
  previousExpiresAt: (s: MessagingSettings) => string | null | undefined;
  label: string;
  hint: string;
  testId: string;
}

/** Each channel's webhook address: where it stands in the settings and how it is shown. */
const WEBHOOKS: Record<MessageChannel, ChannelWebhook> = {
  whatsapp: {
    path: (s) => s.webhook_url_path,
    previousExpiresAt: (s) => s.webhook_previous_key_expires_at,
    label: 'Webhook address (callback URL for Meta)',
    hint: 'Meta sends delivery statuses and replies here; it checks the verify token once.',
    testId: 'webhook-url',
  },
  sms: {
    path: (s) => s.sms_webhook_url_path,
    previousExpiresAt: (s) => s.sms_webhook_previous_key_expires_at,
    label: 'Inbound SMS address (MSG91 callback URL)',
    hint: 'MSG91 forwards customers’ SMS replies here: STOP opts them out of every channel.',
    testId: 'sms-webhook-url',
  },
};

interface RotatableWebhookProps {
  channel: MessageChannel;
  settings: MessagingSettings;
  zone: string | null | undefined;
  onRotated: (s: MessagingSettings) => void;
}

/** The owner's webhook address for one channel with a button that gives it a fresh key;
 * nothing while the settings carry no address for it. */
function RotatableWebhook({ channel, settings, zone, onRotated }: RotatableWebhookProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rotate = async () => {
    if (!window.confirm('Make a new address? The current one keeps working for 24 hours: give the new one to the provider before then.')) return;
    setBusy(true);
    setError(null);
    try {
      onRotated(await rotateWebhookKey(channel));
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not make a new address.');
    } finally {
      setBusy(false);
    }
  };
  const { label, hint, testId } = WEBHOOKS[channel];
  const path = WEBHOOKS[channel].path(settings);
  const previousExpiresAt = WEBHOOKS[channel].previousExpiresAt(settings);
  if (!path) return null;
  return (
    <div class="webhook-rotatable">
      <WebhookAddress path={path} label={label} hint={hint} testId={testId} />
      {previousExpiresAt && (
        <p class="field__hint" data-testid={`${testId}-previous`}>
          The previous address still works until {formatDateTime(previousExpiresAt, zone)}.
        </p>
      )}
      {error && <Alert>{error}</Alert>}
      <button type="button" class="btn btn--small" onClick={rotate} disabled={busy} data-testid={`${testId}-rotate`}>
        {busy ? 'Making a new address…' : 'New address (rotate key)'}
      </button>
    </div>
  );
}

/** WhatsApp Cloud API and SMS provider settings: the owner edits (and sees the webhook
 * addresses), a manager reads. */
export function MessagingSettingsPage() {
  const { me, shop } = useSession();
  const owner = me.role === 'owner';
  const [loaded, setLoaded] = useState<MessagingSettings | null>(null);
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { errors, invalid, send } = useFieldErrors(DRAFT_FIELDS);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const fill = (s: MessagingSettings) => {
    setLoaded(s);
    setDraft(draftFrom(s));
  };

  useEffect(() => {
    getMessagingSettings().then(fill, (err: unknown) => setLoadError(err instanceof Error ? err.message : 'Could not load the messaging settings.'));
  }, []);

  if (loadError) {
    return (
      <section class="page">
        <h1>Messaging settings</h1>
        <Alert>{loadError}</Alert>
      </section>
    );
  }
  if (!loaded || !draft) return <Loading />;

  const set = (key: TextKey) => (value: string) => setDraft((d) => (d ? { ...d, [key]: value } : d));
  const setSecret = (name: MessagingSecret) => (edit: SecretEdit) =>
    setDraft((d) => (d ? { ...d, secrets: { ...d.secrets, [name]: edit } } : d));
  const text = (key: TextKey, label: string, extra: { hint?: string; type?: 'text' | 'url' | 'time'; required?: boolean; apiName?: string } = {}) => (
    <TextField
      label={label}
      name={key}
      type={extra.type ?? 'text'}
      value={draft[key]}
      onValue={set(key)}
      error={errors.fields[extra.apiName ?? key]}
      hint={extra.hint}
      required={extra.required}
      disabled={!owner}
      autoComplete="off"
    />
  );
  const secret = (name: MessagingSecret, label: string, isSet: boolean) => (
    <SecretField label={label} name={name} isSet={isSet} edit={draft.secrets[name]} onEdit={setSecret(name)} readOnly={!owner} error={errors.fields[name]} />
  );

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget;
    setSaved(false);
    const checked = checkDraft(draft);
    if ('fields' in checked) {
      invalid(checked.fields, form);
      return;
    }
    await send(form, setBusy, async () => {
      fill(await updateMessagingSettings(checked.changes));
      setSaved(true);
    });
  };

  return (
    <section class="page">
      {owner && (
        <p class="crumbs">
          <Link href="/settings">← Settings</Link>
        </p>
      )}
      <h1>Messaging settings</h1>
      <p class="ready-badges">
        <Ready ready={loaded.whatsapp_ready} what="WhatsApp" /> <Ready ready={loaded.sms_ready} what="SMS" />
      </p>
      {!owner && <Alert kind="info">Only the owner can change these settings.</Alert>}
      {loaded.secrets_status === 'unreadable' && (
        <Alert>
          Secrets unreadable: this server’s secret key cannot open the saved{' '}
          {loaded.unreadable_secrets.map((s) => SECRET_LABELS[s]).join(', ')} (the database was probably moved or restored without
          its key file). No messages are sent until {owner ? 'you enter them' : 'the owner enters them'} again.
        </Alert>
      )}
      <form class="form messaging-settings" onSubmit={onSubmit} noValidate aria-label="Messaging settings">
        {saved && <Alert kind="success">Messaging settings saved.</Alert>}
        {errors.message && <Alert>{errors.message}</Alert>}

        <fieldset class="panel">
          <legend>WhatsApp Cloud API</legend>
          {text('whatsapp_base_url', 'API base URL', { type: 'url', required: true, hint: 'Normally https://graph.facebook.com.' })}
          {text('whatsapp_api_version', 'API version', { required: true, hint: 'e.g. v23.0' })}
          {text('whatsapp_phone_number_id', 'Phone number ID', { hint: 'From WhatsApp Manager, API setup.' })}
          {secret('whatsapp_access_token', 'Access token', loaded.whatsapp_access_token_set)}
          {secret('whatsapp_app_secret', 'App secret', loaded.whatsapp_app_secret_set)}
          {secret('whatsapp_verify_token', 'Verify token', loaded.whatsapp_verify_token_set)}
          {text('whatsapp_template_refill', 'Refill reminder template', { hint: 'The approved template’s name.' })}
          {text('whatsapp_template_language', 'Template language', { hint: 'e.g. en or hi' })}
          {text('whatsapp_price', 'Price per WhatsApp message (₹)', { apiName: 'whatsapp_price_paise', hint: 'For the cost estimate on the dashboard.' })}
          {owner && <RotatableWebhook channel="whatsapp" settings={loaded} zone={shop?.time_zone} onRotated={setLoaded} />}
        </fieldset>

        <fieldset class="panel">
          <legend>Reply buttons</legend>
          <p class="field__hint">
            If the refill template has quick-reply buttons, enter each button’s payload in the template’s order. A tap then acts: “keep it
            ready” puts the medicine on the Keep ready list, “already bought” stops that reminder, “stop” opts the customer out. An SMS reply
            of 1 or 2 counts as the first two. Leave a field empty for a button the template does not have.
          </p>
          {text('reply_payload_keep_ready', 'Button 1: keep it ready', { hint: 'e.g. KEEP_READY' })}
          {text('reply_payload_already_bought', 'Button 2: already bought', { hint: 'e.g. ALREADY_BOUGHT' })}
          {text('reply_payload_stop', 'Button 3: stop', { hint: 'e.g. STOP_REMINDERS' })}
        </fieldset>

        <fieldset class="panel">
          <legend>SMS (MSG91 Flow API)</legend>
          {text('sms_base_url', 'API base URL', { type: 'url' })}
          {secret('sms_auth_key', 'Auth key', loaded.sms_auth_key_set)}
          {text('sms_template_id', 'Flow template ID')}
          {text('sms_sender', 'Sender ID')}
          {text('sms_price', 'Price per SMS (₹)', { apiName: 'sms_price_paise' })}
          {owner && <RotatableWebhook channel="sms" settings={loaded} zone={shop?.time_zone} onRotated={setLoaded} />}
        </fieldset>

        <fieldset class="panel">
          <legend>When and what</legend>
          <div class="field-pair">
            {text('send_window_start', 'Send from', { type: 'time', required: true })}
            {text('send_window_end', 'Send until', { type: 'time', required: true })}
          </div>
          <p class="field__hint">Reminders go out only in this window, in the shop’s time zone.</p>
          <CheckboxField
            label="Name the medicine in reminders"
            name="include_medicine_names"
            checked={draft.include_medicine_names}
            onChecked={(v) => setDraft((d) => (d ? { ...d, include_medicine_names: v } : d))}
            disabled={!owner}
          />
          <p class="field__hint">
            Off by default: health details stay out of messages unless you choose this. Anyone who sees the customer’s phone could read them.
          </p>
          {text('opt_out_keywords', 'Opt-out words', {
            hint: 'Comma-separated. A reply with one of these (or STOP) stops all messages to that customer.',
          })}
        </fieldset>

        {owner && (
          <FormActions label="Save messaging settings" busy={busy} />
        )}
      </form>
      {owner && <TestMessageForm ready={{ whatsapp: loaded.whatsapp_ready, sms: loaded.sms_ready }} />}
    </section>
  );
}
