import { useState } from 'preact/hooks';
import { ApiError, approveMessages, listMessages } from '../../api';
import { formatDateTime } from '../../datetime';
import { displayPhone } from '../../phone';
import { useSession } from '../../session';
import { useLoaded } from '../../useLoaded';
import { Alert } from '../Alert';
import { CHANNEL_LABELS } from './labels';

/** The most the panel lists; the API approves at most 500 ids at once. */
const MAX_LISTED = 500;

/**
 * Look before sending: the messages a reminder pass holds for approval (a shop in review mode),
 * each with a checkbox, all ticked. Untick the ones to leave out and approve the rest; the next
 * pass sends them. What is not approved by the end of the send window expires onto the call list.
 * Nothing is shown when nothing awaits.
 */
export function AwaitingApprovalPanel({ reload, onApproved }: { reload: number; onApproved: () => void }) {
  const { shop } = useSession();
  const zone = shop?.time_zone;
  const loaded = useLoaded(() => listMessages({ status: 'awaiting_approval', limit: MAX_LISTED }), String(reload), {
    failure: 'Could not load the messages awaiting approval.',
    keep: true,
  });
  const [left, setLeft] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const items = loaded.data?.items ?? [];
  if (!loaded.error && items.length === 0 && !done) return null;
  const chosen = items.filter((m) => !left.has(m.id)).map((m) => m.id);

  const toggle = (id: number, on: boolean) =>
    setLeft((s) => {
      const next = new Set(s);
      if (on) next.delete(id);
      else next.add(id);
      return next;
    });

  const approve = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const result = await approveMessages({ ids: chosen });
      setDone(`${result.approved} approved; they go out with the next send.`);
      setLeft(new Set());
      loaded.reload();
      onApproved();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setError('Some of these expired or were approved meanwhile. The list is fresh now; check it and approve again.');
        loaded.reload();
      } else {
        setError(err instanceof Error ? err.message : 'Could not approve the messages.');
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel approval" aria-labelledby="messages-approval-title">
      <h2 id="messages-approval-title">Awaiting approval</h2>
      <p class="muted">
        Reminders held for a look before sending. Untick any to leave out; those not approved by the end of the send window go to the
        call list instead.
      </p>
      {loaded.error && <Alert>{loaded.error}</Alert>}
      {error && <Alert>{error}</Alert>}
      {done && <Alert kind="success">{done}</Alert>}
      {items.length > 0 && (
        <>
          <ul class="approval__list" aria-label="Messages awaiting approval">
            {items.map((m) => (
              <li key={m.id}>
                <label class="approval__item">
                  <input type="checkbox" checked={!left.has(m.id)} onChange={(e) => toggle(m.id, e.currentTarget.checked)} />
                  <span class="approval__who">{m.customer_name || displayPhone(m.to_phone)}</span>
                  <span class="muted">
                    {CHANNEL_LABELS[m.channel]} · {displayPhone(m.to_phone)} · {formatDateTime(m.created_at, zone)}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <div class="approval__actions">
            <button type="button" class="btn btn--primary" onClick={approve} disabled={busy || chosen.length === 0}>
              {busy ? 'Approving…' : `Approve ${chosen.length} of ${items.length}`}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
