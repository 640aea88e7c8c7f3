import { useState } from 'preact/hooks';
import { optOutCustomer, recordConsent, type CustomerWithConsent, type MessageChannel } from '../../api';
import { formatDateTime } from '../../datetime';
import { formErrors } from '../../forms';
import { useSession } from '../../session';
import { Alert } from '../Alert';
import { CHANNEL_LABELS, consentChannelLabel } from '../messages/labels';

const METHOD_LABELS: Record<string, string> = {
  counter: 'at the counter',
  form: 'on a form',
  staff: 'by staff',
  reply: 'by a reply',
  bill: 'on a bill',
};

interface ConsentPanelProps {
  customer: CustomerWithConsent;
  onChange: (c: CustomerWithConsent) => void;
}

/** WhatsApp and SMS consent (recorded at the counter), opting out of everything, and the history. */
export function ConsentPanel({ customer, onChange }: ConsentPanelProps) {
  const { shop } = useSession();
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (call: () => Promise<CustomerWithConsent>) => {
    setBusy(true);
    setError(null);
    try {
      onChange(await call());
    } catch (err) {
      setError(formErrors(err, []).message);
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };

  const row = (channel: MessageChannel, consent: boolean) => {
    const name = CHANNEL_LABELS[channel];
    return (
      <li class="consent__row" key={channel}>
        <span class="consent__channel">{name}</span>
        <span class={consent ? 'badge badge--ok' : 'badge badge--off'} data-consent={channel}>
          {consent ? 'Consent given' : 'No consent'}
        </span>
        <button type="button" class="btn btn--small" disabled={busy} onClick={() => void run(() => recordConsent(customer.id, channel, !consent, 'counter'))}>
          {consent ? `Withdraw ${name} consent` : `Record ${name} consent`}
        </button>
      </li>
    );
  };

  return (
    <section class="panel consent" aria-labelledby="customer-consent-title">
      <h2 id="customer-consent-title">Messages and consent</h2>
      {customer.opted_out_at && (
        <p class="consent__opted-out">
          <span class="badge badge--off">Opted out</span> on {formatDateTime(customer.opted_out_at, shop?.time_zone)}. No reminders are sent until consent is recorded again.
        </p>
      )}
      {error && <Alert>{error}</Alert>}
      <ul class="consent__rows" aria-label="Consent by channel">
        {row('whatsapp', customer.whatsapp_consent)}
        {row('sms', customer.sms_consent)}
      </ul>
      {customer.opted_out_at ? null : !asking ? (
        <button type="button" class="btn btn--small btn--quiet" disabled={busy} onClick={() => setAsking(true)}>
          Opt out of all messages
        </button>
      ) : (
        <div class="confirm" role="group" aria-label="Opt out of all messages?">
          <p class="confirm__text">Stop all WhatsApp and SMS messages to this customer?</p>
          <button type="button" class="btn btn--small btn--danger" onClick={() => void run(() => optOutCustomer(customer.id))} disabled={busy}>
            {busy ? 'Opting out…' : 'Yes, opt out'}
          </button>
          <button type="button" class="btn btn--small" onClick={() => setAsking(false)} disabled={busy}>
            Keep messages
          </button>
        </div>
      )}
      <h3 class="consent__history-title">Consent history</h3>
      {customer.consent_history.length === 0 ? (
        <p class="muted">Nothing recorded yet.</p>
      ) : (
        <ol class="consent__history" aria-label="Consent history">
          {customer.consent_history.map((e, i) => (
            <li key={`${e.at}-${i}`}>
              <span class="consent__when">{formatDateTime(e.at, shop?.time_zone)}</span>{' '}
              <span>
                {consentChannelLabel(e.channel)}: {e.channel === 'all' && !e.granted ? 'opted out' : e.granted ? 'consent given' : 'consent withdrawn'}{' '}
                {METHOD_LABELS[e.method] ?? `(${e.method})`}
                {e.staff_name ? `, ${e.staff_name}` : ''}
                {e.note ? ` — ${e.note}` : ''}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
