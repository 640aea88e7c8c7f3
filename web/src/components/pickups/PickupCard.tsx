import { useState } from 'preact/hooks';
import { cancelPickup, markPickupReady, type Pickup, type PickupStatus } from '../../api';
import { formatDate, formatDateTime } from '../../datetime';
import { formErrors } from '../../forms';
import { displayPhone } from '../../phone';
import { Link } from '../../router';
import { useSession } from '../../session';
import { Alert } from '../Alert';
import { StatusBadge, type BadgeTone } from '../StatusBadge';

export const PICKUP_STATUS_LABELS: Record<PickupStatus, string> = {
  waiting: 'To set aside',
  ready: 'Ready',
  collected: 'Collected',
  cancelled: 'Cancelled',
};

const PICKUP_STATUS_TONES: Record<PickupStatus, BadgeTone> = {
  waiting: 'pending',
  ready: 'ok',
  collected: 'closed',
  cancelled: 'closed',
};

const CHANNEL_WORDS: Record<Pickup['channel'], string> = { whatsapp: 'WhatsApp', sms: 'SMS' };

interface PickupCardProps {
  pickup: Pickup;
  onChange: (p: Pickup) => void;
}

/** One medicine to keep ready: who, what, since when; Ready once it is set aside, or Cancel. */
export function PickupCard({ pickup: p, onChange }: PickupCardProps) {
  const { shop } = useSession();
  const [busy, setBusy] = useState<'ready' | 'cancel' | null>(null);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const who = p.customer_name?.trim() || displayPhone(p.customer_phone);
  const open = p.status === 'waiting' || p.status === 'ready';

  const act = async (what: 'ready' | 'cancel') => {
    setBusy(what);
    setError(null);
    try {
      onChange(await (what === 'ready' ? markPickupReady(p.id) : cancelPickup(p.id)));
    } catch (err) {
      setError(formErrors(err, []).message);
    } finally {
      setBusy(null);
      setAsking(false);
    }
  };

  return (
    <article class="refill pickup" aria-label={`${p.medicine} for ${who}`} data-testid="pickup">
      <div class="refill__head">
        <Link href={`/customers/${p.customer_id}`} class="refill__who">
          {who}
        </Link>
        <StatusBadge kind="pickup-status" status={p.status} labels={PICKUP_STATUS_LABELS} tones={PICKUP_STATUS_TONES} />
      </div>
      {p.customer_name?.trim() && <p class="mono refill__phone">{displayPhone(p.customer_phone)}</p>}
      <p class="refill__medicine">{p.medicine}</p>
      <p class="muted refill__line">
        Asked on {CHANNEL_WORDS[p.channel]} {formatDateTime(p.created_at, shop?.time_zone)} · runs out {formatDate(p.runs_out_on)}
      </p>
      {p.ready_at && <p class="muted refill__line">Set aside {formatDateTime(p.ready_at, shop?.time_zone)}</p>}
      {p.status === 'collected' && <p class="muted refill__line">Collected with bill #{p.bill_id}.</p>}
      {error && <Alert>{error}</Alert>}
      {open && !asking && (
        <div class="pickup__actions">
          {p.status === 'waiting' && (
            <button type="button" class="btn btn--small btn--primary" onClick={() => void act('ready')} disabled={busy !== null}>
              {busy === 'ready' ? 'Saving…' : 'Ready'}
            </button>
          )}
          <button type="button" class="btn btn--small btn--quiet" onClick={() => setAsking(true)} disabled={busy !== null}>
            Cancel
          </button>
        </div>
      )}
      {open && asking && (
        <div class="confirm" role="group" aria-label={`Cancel: ${p.medicine} for ${who}?`}>
          <p class="confirm__text">Take {p.medicine} off the Keep ready list?</p>
          <button type="button" class="btn btn--small btn--danger" onClick={() => void act('cancel')} disabled={busy !== null}>
            {busy === 'cancel' ? 'Cancelling…' : 'Yes, cancel it'}
          </button>
          <button type="button" class="btn btn--small" onClick={() => setAsking(false)} disabled={busy !== null}>
            Keep it
          </button>
        </div>
      )}
    </article>
  );
}
