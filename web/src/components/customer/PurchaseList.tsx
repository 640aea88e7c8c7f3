import type { Purchase } from '../../api';
import { formatCount, formatDate, plural } from '../../datetime';
import { formatRupees } from '../../money';

/** What the customer bought, newest first (as the server sends it); a list, to fit a phone. */
export function PurchaseList({ items }: { items: Purchase[] }) {
  if (items.length === 0) return <p class="muted">No purchases yet.</p>;
  return (
    <ol class="history" aria-label="Purchases">
      {items.map((p) => (
        <li key={p.id} class="history__item">
          <p class="history__what">
            <strong>{p.medicine}</strong>
            {p.is_generic && <span class="badge badge--ok purchase__generic">Generic</span>}
          </p>
          <p class="purchase__meta">
            <span>{formatDate(p.purchased_on)}</span>
            <span>Qty {formatCount(p.quantity)}</span>
            <span>{formatRupees(p.amount_paise)}</span>
            {p.duration_days !== null && <span>{plural(p.duration_days, 'day')}</span>}
            {p.runs_out_on && <span>Runs out {formatDate(p.runs_out_on)}</span>}
          </p>
        </li>
      ))}
    </ol>
  );
}
