import type { RefillReport } from '../../api';
import { formatCount, formatPercent } from '../../datetime';
import { formatRupees } from '../../money';

/** The refill report's counts: due, sent, answered, refilled, messages. */
export function RefillFacts({ report: r }: { report: RefillReport }) {
  const rows: [string, string][] = [
    ['Reminders due', formatCount(r.due)],
    ['Sent (WhatsApp / SMS / call)', `${formatCount(r.sent.total)} (${formatCount(r.sent.whatsapp)} / ${formatCount(r.sent.sms)} / ${formatCount(r.sent.call)})`],
    ['Answered', formatCount(r.responded.total)],
    ['Refilled within 7 days', `${formatCount(r.refilled_within_7_days)} (${formatPercent(r.refill_rate)})`],
    ['Cancelled', formatCount(r.cancelled)],
    ['Messages delivered or read', `${formatCount(r.messages.delivered + r.messages.read)} of ${formatCount(r.messages.total)}`],
    ['Messages failed', formatCount(r.messages.failed)],
  ];
  if (r.estimated_cost_paise) rows.push(['Estimated messaging cost', formatRupees(r.estimated_cost_paise.total)]);
  return (
    <table class="table table--facts">
      <caption class="visually-hidden">Refill reminders</caption>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td class="num">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
