import type { Bill } from '../../api';
import { formatDateTime, plural } from '../../datetime';
import { formatRupees } from '../../money';
import { useSession } from '../../session';
import { labelOf } from '../contacts/labels';
import { CATEGORY_LABELS } from '../customers/labels';

/** The customer's bills and visits, newest first. */
export function BillList({ items }: { items: Bill[] }) {
  const { shop } = useSession();
  if (items.length === 0) return <p class="muted">No bills yet.</p>;
  return (
    <ol class="history" aria-label="Bills">
      {items.map((b) => (
        <li key={b.id} class="history__item">
          <p class="history__what">
            <strong>{b.visited_but_no_purchase ? 'Visited, did not buy' : formatRupees(b.total_paise)}</strong>
            {!b.visited_but_no_purchase && <span class="muted"> · {plural(b.item_count, 'item')}</span>}
            <span class="muted"> · bill #{b.id}</span>
          </p>
          <p class="muted">
            {formatDateTime(b.billed_at, shop?.time_zone)} · {(b.customer_category ? labelOf(CATEGORY_LABELS, b.customer_category) : '—')}
            {b.was_contacted_before ? ' · contacted before' : ''}
          </p>
          {b.notes && <p class="history__notes">{b.notes}</p>}
        </li>
      ))}
    </ol>
  );
}
