import { listContacts, listFollowUps, type Contact, type FollowUp, type ItemList } from '../api';
import { Alert } from '../components/Alert';
import { FollowUpList } from '../components/FollowUpList';
import { Loading } from '../components/Loading';
import { ContactRows } from '../components/contacts/ContactRows';
import { RefillsDueLink } from '../components/refills/RefillsDueLink';
import { contactsHref } from '../components/contacts/filters';
import { formatCount, plural } from '../datetime';
import { Link } from '../router';
import { useSession } from '../session';
import { useLoaded } from '../useLoaded';

const SHOWN = 50;

interface Work {
  overdue: ItemList<FollowUp>;
  today: ItemList<FollowUp>;
  /** From tomorrow on: set by oneself or by a manager for this staff member. */
  upcoming: ItemList<FollowUp>;
  pending: ItemList<Contact>;
  contacted: ItemList<Contact>;
}

/** A staff member's day: follow-ups due and coming up, contacts still to call, and those already reached. */
export function MyWorkPage() {
  const { me } = useSession();
  // Staff see only their own contacts; owners and managers see the ones assigned to them.
  const mine = me.role === 'staff' ? {} : { assigned_staff_id: String(me.id) };
  const {
    data: work,
    error,
    reload: load,
  } = useLoaded(
    async (): Promise<Work> => {
      const [overdue, today, upcoming, pending, contacted] = await Promise.all([
        listFollowUps('overdue', { limit: SHOWN }),
        listFollowUps('today', { limit: SHOWN }),
        listFollowUps('upcoming', { limit: SHOWN }),
        listContacts({ ...mine, status: 'pending', sort: 'score', limit: SHOWN }),
        listContacts({ ...mine, status: 'contacted', sort: 'updated', limit: SHOWN }),
      ]);
      return { overdue, today, upcoming, pending, contacted };
    },
    `${me.id}:${me.role}`,
    { failure: 'Could not load your work.' },
  );

  if (error) {
    return (
      <section class="page">
        <h1>My work</h1>
        <Alert>{error}</Alert>
      </section>
    );
  }
  if (!work) {
    return (
      <section class="page">
        <h1>My work</h1>
        <Loading />
      </section>
    );
  }

  const mineFilter = me.role === 'staff' ? {} : { assigned_staff_id: String(me.id) };
  // "today" also lists today's ones already past, which "overdue" has: show those once, as overdue.
  const overdueIds = new Set(work.overdue.items.map((f) => f.id));
  const laterToday = work.today.items.filter((f) => !overdueIds.has(f.id));
  const dueCount = work.overdue.total + laterToday.length;
  return (
    <section class="page">
      <h1>My work</h1>
      <p class="summary">
        {plural(dueCount, 'follow-up')} due · {formatCount(work.pending.total)} to call · {formatCount(work.contacted.total)} contacted
      </p>
      <RefillsDueLink />

      <section class="panel" aria-labelledby="due-title">
        <h2 id="due-title">Follow-ups due</h2>
        {dueCount === 0 && <p class="muted">Nothing due today.</p>}
        {work.overdue.total > 0 && (
          <>
            <h3 class="overdue">Overdue ({formatCount(work.overdue.total)})</h3>
            <FollowUpList items={work.overdue.items} label="Overdue follow-ups" showContact onDone={load} />
          </>
        )}
        {laterToday.length > 0 && (
          <>
            <h3>Later today ({formatCount(laterToday.length)})</h3>
            <FollowUpList items={laterToday} label="Follow-ups due later today" showContact onDone={load} />
          </>
        )}
      </section>

      {work.upcoming.total > 0 && (
        <section class="panel" aria-labelledby="upcoming-title">
          <h2 id="upcoming-title">Coming up ({formatCount(work.upcoming.total)})</h2>
          <FollowUpList items={work.upcoming.items} label="Upcoming follow-ups" showContact onDone={load} />
        </section>
      )}

      <section class="panel" aria-labelledby="pending-title">
        <h2 id="pending-title">To call ({formatCount(work.pending.total)})</h2>
        {work.pending.total === 0 ? (
          <p class="muted">No pending contacts.</p>
        ) : (
          <ContactRows items={work.pending.items} label="Pending contacts" showBestTime />
        )}
        {work.pending.total > work.pending.items.length && (
          <p>
            <Link href={contactsHref({ ...mineFilter, status: 'pending' })}>All {plural(work.pending.total, 'pending contact')}</Link>
          </p>
        )}
      </section>

      <section class="panel" aria-labelledby="contacted-title">
        <h2 id="contacted-title">Contacted ({formatCount(work.contacted.total)})</h2>
        {work.contacted.total === 0 ? (
          <p class="muted">No one contacted yet.</p>
        ) : (
          <ContactRows items={work.contacted.items} label="Contacted contacts" showBestTime />
        )}
        {work.contacted.total > work.contacted.items.length && (
          <p>
            <Link href={contactsHref({ ...mineFilter, status: 'contacted' })}>All {plural(work.contacted.total, 'contacted contact')}</Link>
          </p>
        )}
      </section>
    </section>
  );
}
