import { formatDay, plural } from '../../datetime';
import { formatRupees } from '../../money';
import { Link } from '../../router';
import { useSession } from '../../session';
import { CategoryBadge } from '../customers/CategoryBadge';
import { CustomerCare } from './CustomerCare';
import type { Lookup } from './useCustomerLookup';

/** What the phone lookup found: a returning customer's summary with their care notes, or "new customer". */
export function CustomerLookup({ lookup }: { lookup: Lookup }) {
  const { shop } = useSession();
  let body = null;
  switch (lookup.kind) {
    case 'idle':
      break;
    case 'loading':
      body = <p class="muted">Looking up the number…</p>;
      break;
    case 'new':
      body = (
        <p class="lookup__new">
          <strong>New customer.</strong> Choose a category below; their profile can be filled in too.
        </p>
      );
      break;
    case 'invalid':
      body = <p class="field__hint">{lookup.message}</p>;
      break;
    case 'error':
      body = <p class="field__error">{lookup.message}</p>;
      break;
    case 'found': {
      const c = lookup.customer;
      body = (
        <div class="lookup__found">
          <p class="lookup__name">
            <span class="visually-hidden">Returning customer: </span>
            <Link href={`/customers/${c.id}`}>{c.name?.trim() || 'No name yet'}</Link> <CategoryBadge category={c.category} />
          </p>
          <p class="muted lookup__meta">
            {c.last_visit_at ? `Last visit ${formatDay(c.last_visit_at, shop?.time_zone)}` : 'No visits yet'} · {plural(c.visit_count, 'visit')} ·{' '}
            {formatRupees(c.total_spent_paise)} spent
          </p>
          <CustomerCare view={lookup.view} />
        </div>
      );
      break;
    }
  }
  return (
    <div class="lookup" aria-live="polite">
      {body}
    </div>
  );
}
