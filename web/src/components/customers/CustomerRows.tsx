import type { CustomerSummary } from '../../api';
import { formatDay, plural } from '../../datetime';
import { formatRupees } from '../../money';
import { displayPhone } from '../../phone';
import { Link } from '../../router';
import { useSession } from '../../session';
import { CategoryBadge } from './CategoryBadge';

export function customerName(c: Pick<CustomerSummary, 'name' | 'phone'>): string {
  return c.name?.trim() || displayPhone(c.phone);
}

/** One row per customer: name (a link), phone, category, visits, total spent, last visit. */
export function CustomerRows({ items }: { items: CustomerSummary[] }) {
  const { shop } = useSession();
  return (
    <ul class="contact-rows" aria-label="Customers">
      {items.map((c) => (
        <li key={c.id} class="contact-row">
          <div class="contact-row__body">
            <div class="contact-row__head">
              <Link href={`/customers/${c.id}`} class="contact-row__name">
                {customerName(c)}
              </Link>
              <CategoryBadge category={c.category} />
            </div>
            <p class="contact-row__meta">
              {c.name?.trim() && <span class="mono">{displayPhone(c.phone)}</span>}
              <span>{plural(c.visit_count, 'visit')}</span>
              <span>{formatRupees(c.total_spent_paise)} spent</span>
              <span>Last visit: {formatDay(c.last_visit_at, shop?.time_zone)}</span>
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
