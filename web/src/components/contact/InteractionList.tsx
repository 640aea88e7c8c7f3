import type { Interaction } from '../../api';
import { formatDateTime } from '../../datetime';
import { useSession } from '../../session';
import { KIND_LABELS, OUTCOME_LABELS, labelOf } from '../contacts/labels';

/** Calls, messages and visits, newest first (as the server sends them). */
export function InteractionList({ items }: { items: Interaction[] }) {
  const { shop } = useSession();
  if (items.length === 0) return <p class="muted">Nothing logged yet.</p>;
  return (
    <ol class="history" aria-label="Interactions">
      {items.map((i) => (
        <li key={i.id} class="history__item">
          <p class="history__what">
            <strong>{labelOf(KIND_LABELS, i.kind)}</strong>: {labelOf(OUTCOME_LABELS, i.outcome)}
          </p>
          <p class="muted">
            {formatDateTime(i.created_at, shop?.time_zone)}
            {i.staff_name ? ` · ${i.staff_name}` : ''}
          </p>
          {i.notes && <p class="history__notes">{i.notes}</p>}
        </li>
      ))}
    </ol>
  );
}
