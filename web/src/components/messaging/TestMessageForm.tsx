import { useState } from 'preact/hooks';
import { ApiError, sendTestMessage, type Message, type MessageChannel } from '../../api';
import { Alert } from '../Alert';
import { SelectField } from '../SelectField';
import { TextField } from '../TextField';
import { CHANNEL_LABELS } from '../messages/labels';
import { FormActions } from '../FormActions';

type Answer = { kind: 'sent'; message: Message } | { kind: 'error'; text: string; code: string | null };

function providerCode(err: ApiError): string | null {
  const d = err.details as { provider_code?: unknown } | null;
  return d && d.provider_code !== undefined && d.provider_code !== null ? String(d.provider_code) : null;
}

/** Sends one real message through the configured provider and shows what it answered. */
export function TestMessageForm({ ready }: { ready: Record<MessageChannel, boolean> }) {
  const [channel, setChannel] = useState<MessageChannel>('whatsapp');
  const [phone, setPhone] = useState('');
  const [phoneError, setPhoneError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    setAnswer(null);
    if (!phone.trim()) {
      setPhoneError('Enter the phone number to send to.');
      return;
    }
    setPhoneError(undefined);
    setBusy(true);
    try {
      const { message } = await sendTestMessage(channel, phone.trim());
      setAnswer({ kind: 'sent', message });
    } catch (err) {
      if (err instanceof ApiError && err.fields.phone) setPhoneError(err.fields.phone);
      else if (err instanceof ApiError) setAnswer({ kind: 'error', text: err.fields.channel ? `${CHANNEL_LABELS[channel]}: ${err.fields.channel}` : err.message, code: providerCode(err) });
      else setAnswer({ kind: 'error', text: 'Could not send the test message.', code: null });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form panel" onSubmit={onSubmit} noValidate aria-labelledby="test-message-title">
      <h2 id="test-message-title">Send a test message</h2>
      <p class="muted">One real message goes out now, through the provider set above (save first). It is listed on the Messages page.</p>
      <SelectField label="Channel" name="test_channel" value={channel} onValue={(v) => setChannel(v as MessageChannel)}>
        {(['whatsapp', 'sms'] as const).map((c) => (
          <option key={c} value={c}>
            {CHANNEL_LABELS[c]}
            {ready[c] ? '' : ' (not set up)'}
          </option>
        ))}
      </SelectField>
      <TextField label="Phone number" name="test_phone" type="tel" inputMode="tel" autoComplete="off" value={phone} onValue={setPhone} error={phoneError} required />
      {answer?.kind === 'sent' && (
        <Alert kind="success">
          Sent. The provider accepted it
          {answer.message.provider_message_id ? (
            <>
              {' '}
              as <span class="mono">{answer.message.provider_message_id}</span>
            </>
          ) : null}
          .
        </Alert>
      )}
      {answer?.kind === 'error' && (
        <Alert>
          Not sent: {answer.text}
          {answer.code && <> (provider code <span class="mono">{answer.code}</span>)</>}
        </Alert>
      )}
      <FormActions label="Send test message" busyLabel="Sending…" busy={busy} />
    </form>
  );
}
