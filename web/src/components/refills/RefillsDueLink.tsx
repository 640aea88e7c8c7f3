import { useEffect, useState } from 'preact/hooks';
import { listRefills } from '../../api';
import { plural } from '../../datetime';
import { Link } from '../../router';

/** "3 refill reminders due today" → the daily refill list. The link shows even if counting fails. */
export function RefillsDueLink() {
  const [due, setDue] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    listRefills({ limit: 1 }).then(
      (r) => live && setDue(r.total),
      () => live && setDue(null),
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <p class="refills-due">
      <Link href="/refills" class="btn btn--block">
        Today’s refills{due === null ? '' : `: ${plural(due, 'reminder')} due`}
      </Link>
    </p>
  );
}
