import { useEffect, useRef } from 'preact/hooks';
import type { BillAnswer } from '../../api';
import { formatDate, formatDateTime, plural } from '../../datetime';
import { formatRupees } from '../../money';
import { displayPhone } from '../../phone';
import { Link } from '../../router';
import { useSession } from '../../session';

/** After saving: the total, a conversion from the contact sheet, and the refill reminders made. */
export function BillConfirmation({ answer }: { answer: BillAnswer }) {
  const { shop } = useSession();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [answer]);
  const { bill, customer, conversion, reminders } = answer;
  const who = customer.name?.trim() || displayPhone(customer.phone);
  const visit = bill.visited_but_no_purchase;

  return (
    <section class="alert alert--success bill-done" role="status" aria-labelledby="bill-done-title">
      <h2 id="bill-done-title" tabIndex={-1} ref={ref}>
        {visit ? 'Visit recorded' : `Bill saved: ${formatRupees(answer.total_paise)}`}
      </h2>
      <p>
        <Link href={`/customers/${customer.id}`}>{who}</Link>
        {answer.customer_created ? ' (new customer)' : ''} · {formatDateTime(bill.billed_at, shop?.time_zone)}
        {visit ? ' · did not buy' : ` · ${plural(bill.item_count, 'item')}`}
      </p>
      {conversion && (
        <p class="bill-done__conversion">
          <strong>Converted from the contact sheet: {formatRupees(conversion.conversion_value_paise)}</strong>{' '}
          <Link href={`/contacts/${conversion.contact_id}`}>Open the contact</Link>
        </p>
      )}
      {answer.yellow_contact_id !== null && (
        <p>
          Contact sheet: marked yellow (visited, did not buy). <Link href={`/contacts/${answer.yellow_contact_id}`}>Open the contact</Link>
        </p>
      )}
      {answer.refilled_reminder_ids.length > 0 && <p>{plural(answer.refilled_reminder_ids.length, 'refill reminder')} closed: bought again.</p>}
      {reminders.length > 0 && (
        <>
          <h3>Refill reminders</h3>
          <ul class="bill-done__reminders" aria-label="Refill reminders created">
            {reminders.map((r) => (
              <li key={r.id}>
                {r.medicine}: remind on <strong>{formatDate(r.remind_on)}</strong>
                <span class="muted"> (runs out {formatDate(r.runs_out_on)})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
