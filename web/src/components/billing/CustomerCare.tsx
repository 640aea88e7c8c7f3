import type { CounterView } from '../../api';
import { formatDate, plural } from '../../datetime';
import { formatRupees } from '../../money';

/**
 * What the counter must see before selling (training point 7, "use customer notes for better
 * service"): allergies, chronic conditions and notes in a highlighted box, then the open refill
 * reminders and the last purchases. One column, so it reads on a 360 px phone.
 */
export function CustomerCare({ view }: { view: CounterView }) {
  const c = view.customer;
  const notes: [string, string][] = [];
  if (c.allergies?.trim()) notes.push(['Allergies', c.allergies.trim()]);
  if (c.chronic_conditions.length) notes.push(['Chronic conditions', c.chronic_conditions.join(', ')]);
  if (c.notes?.trim()) notes.push(['Notes', c.notes.trim()]);
  return (
    <div class="care">
      {notes.length > 0 ? (
        <section class="care__alert" role="region" aria-label="Check before selling">
          <h3 class="care__title">Check before selling</h3>
          <dl class="care__notes">
            {notes.map(([label, text]) => (
              <div key={label} class={label === 'Allergies' ? 'care__note care__note--allergy' : 'care__note'}>
                <dt>{label}</dt>
                <dd>{text}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : (
        <p class="muted care__none">No allergies, conditions or notes recorded.</p>
      )}
      {view.open_refill_reminders.length > 0 && (
        <section class="care__list" aria-label="Open refill reminders">
          <h3>Open refill reminders</h3>
          <ul>
            {view.open_refill_reminders.map((r) => (
              <li key={r.id}>
                <strong>{r.medicine}</strong> runs out {formatDate(r.runs_out_on)}
                {r.days_overdue > 0 ? ` · ${plural(r.days_overdue, 'day')} overdue` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      {view.last_purchases.length > 0 && (
        <section class="care__list" aria-label="Last purchases">
          <h3>Last purchases</h3>
          <ul>
            {view.last_purchases.map((p) => (
              <li key={p.id}>
                {formatDate(p.purchased_on)}: <strong>{p.medicine}</strong> × {p.quantity}, {formatRupees(p.amount_paise)}
                {p.duration_days ? ` · ${plural(p.duration_days, 'day')}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
