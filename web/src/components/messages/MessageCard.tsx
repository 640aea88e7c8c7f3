import { useState } from 'preact/hooks';
import { retryMessage, type Message } from '../../api';
import { formatDateTime } from '../../datetime';
import { displayPhone } from '../../phone';
import { Link } from '../../router';
import { useSession } from '../../session';
import { labelOf } from '../contacts/labels';
import { MessageStatusBadge } from './MessageStatusBadge';
import { CHANNEL_LABELS } from './labels';

interface MessageCardProps {
  message: Message;
  onChange: (m: Message) => void;
}

/** The latest moment that says where the message is, with its word. */
function lastStep(m: Message): [string, string | null] | null {
  if (m.status === 'failed') return ['Failed', m.failed_at];
  if (m.read_at) return ['Read', m.read_at];
  if (m.delivered_at) return ['Delivered', m.delivered_at];
  if (m.sent_at) return ['Sent', m.sent_at];
  if (m.next_attempt_at) return ['Next try', m.next_attempt_at];
  return null;
}

/** One outbox message: who, how, status, error and times; a failed one can be retried. */
export function MessageCard({ message: m, onChange }: MessageCardProps) {
  const { shop } = useSession();
  const zone = shop?.time_zone;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const step = lastStep(m);

  const retry = async () => {
    setBusy(true);
    setError(null);
    try {
      onChange(await retryMessage(m.id));
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not retry the message.');
    } finally {
      setBusy(false);
    }
  };

  const who = m.customer_id ? (
    <Link href={`/customers/${m.customer_id}`}>{m.customer_name || displayPhone(m.to_phone)}</Link>
  ) : (
    <span>Test message</span>
  );

  return (
    <article class={`message message--${m.status}`} aria-label={`Message ${m.id}`}>
      <div class="message__head">
        <span class="message__who">{who}</span>
        <MessageStatusBadge status={m.status} />
      </div>
      <dl class="message__facts">
        <div>
          <dt>Channel</dt>
          <dd>{labelOf(CHANNEL_LABELS, m.channel)}</dd>
        </div>
        <div>
          <dt>To</dt>
          <dd class="mono">{displayPhone(m.to_phone)}</dd>
        </div>
        <div>
          <dt>Template</dt>
          <dd class="mono">{m.template ?? '—'}</dd>
        </div>
        <div>
          <dt>Attempts</dt>
          <dd>{m.attempts}</dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{formatDateTime(m.created_at, zone)}</dd>
        </div>
        {step && (
          <div>
            <dt>{step[0]}</dt>
            <dd>{formatDateTime(step[1], zone)}</dd>
          </div>
        )}
      </dl>
      {(m.error_code || m.error_message) && (
        <p class="message__error">
          <span class="visually-hidden">Error: </span>
          {m.error_code && <span class="mono message__code">{m.error_code}</span>} {m.error_message}
        </p>
      )}
      {error && (
        <p class="field__error" role="alert">
          {error}
        </p>
      )}
      {m.status === 'failed' && (
        <div class="message__actions">
          <button type="button" class="btn btn--small" onClick={retry} disabled={busy}>
            {busy ? 'Retrying…' : 'Retry'}
          </button>
        </div>
      )}
    </article>
  );
}
