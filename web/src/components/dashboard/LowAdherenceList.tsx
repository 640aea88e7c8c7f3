import type { LowAdherence } from '../../api';
import { formatDate, formatPercent, plural } from '../../datetime';
import { displayPhone } from '../../phone';
import { Link } from '../../router';
import { ScoreLine } from '../insights/ScoreLine';

/** The call list: customers below 80% PDC, most at risk of lapsing first (as the report orders them), each linking to their page. */
export function LowAdherenceList({ rows }: { rows: LowAdherence[] }) {
  if (rows.length === 0) return <p class="muted">No chronic customer is below 80%.</p>;
  return (
    <ul class="card-list" aria-label="Customers below 80% adherence">
      {rows.map((r) => (
        <li class="card" key={r.customer_id}>
          <div class="card__head">
            <Link href={`/customers/${r.customer_id}`} class="card__title">
              {r.name?.trim() || displayPhone(r.phone)}
            </Link>
            <span class="badge badge--off">PDC {formatPercent(r.pdc)}</span>
          </div>
          <p class="card__meta">
            <span class="mono">{displayPhone(r.phone)}</span>
            <span>Last bought {formatDate(r.last_purchase_on)}</span>
            <span class={r.days_without_supply > 0 ? 'overdue' : undefined}>
              {r.days_without_supply > 0 ? `${plural(r.days_without_supply, 'day')} without medicine` : 'Still covered'}
            </span>
          </p>
          <p class="card__meta muted">{r.medicines.map((m) => `${m.medicine} ${formatPercent(m.pdc)}`).join(' · ')}</p>
          {r.lapse_risk && <ScoreLine score={r.lapse_risk} kind="lapse" />}
        </li>
      ))}
    </ul>
  );
}
