import type { ContactAssignment } from '../../api';
import { formatDateTime } from '../../datetime';
import { useSession } from '../../session';

const WHY: Record<ContactAssignment['why'], string> = {
  upload: 'shared out on upload',
  manual: 'assigned by hand',
  stale: 'nobody worked it',
  away: 'the holder was away',
  deactivated: 'the holder was deactivated',
};

/** Who held the contact, newest first: from, to, who did it (or "Automatic") and why. */
export function AssignmentList({ items }: { items: ContactAssignment[] }) {
  const { shop } = useSession();
  if (items.length === 0) return <p class="muted">Never assigned.</p>;
  return (
    <ol class="history" aria-label="Assignments">
      {items.map((a) => (
        <li key={a.id} class="history__item">
          <p class="history__what">
            {a.from_staff_id === null ? 'To ' : `From ${a.from_staff_name ?? `#${a.from_staff_id}`} to `}
            <strong>{a.to_staff_name ?? `#${a.to_staff_id}`}</strong>: {WHY[a.why]}
          </p>
          <p class="muted">
            {formatDateTime(a.at, shop?.time_zone)} · {a.automatic ? 'Automatic' : `by ${a.by_staff_name ?? `#${a.by_staff_id}`}`}
          </p>
        </li>
      ))}
    </ol>
  );
}
