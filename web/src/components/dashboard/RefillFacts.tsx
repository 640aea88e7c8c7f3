import type { RefillReport } from '../../api';
import { formatCount, formatPercent } from '../../datetime';
import { formatRupees } from '../../money';
import { FigureGrid, type Figure } from './FigureGrid';

/** The refill report's counts: due, sent, answered, refilled, messages, and bills saved without a duration (for coaching staff to ask). */
export function RefillFacts({ report: r }: { report: RefillReport }) {
  const items: Figure[] = [
    { label: 'Reminders due', value: formatCount(r.due) },
    { label: 'Sent', value: formatCount(r.sent.total), note: `WhatsApp ${formatCount(r.sent.whatsapp)} · SMS ${formatCount(r.sent.sms)} · call ${formatCount(r.sent.call)}` },
    { label: 'Answered', value: formatCount(r.responded.total), note: `${formatCount(r.responded.will_visit)} will visit` },
    { label: 'Refilled in 7 days', value: formatCount(r.refilled_within_7_days), note: `${formatPercent(r.refill_rate)} of those due` },
    { label: 'Cancelled', value: formatCount(r.cancelled) },
    {
      label: 'Messages',
      value: formatCount(r.messages.total),
      note: `${formatCount(r.messages.delivered + r.messages.read)} delivered · ${formatCount(r.messages.failed)} failed`,
    },
  ];
  const d = r.bill_durations;
  items.push({
    label: 'Bills without a duration',
    value: formatCount(d.without_duration),
    note: `of ${formatCount(d.bills)} bills · ${formatCount(d.skipped)} skipped when asked`,
  });
  if (r.estimated_cost_paise) items.push({ label: 'Messaging cost (est.)', value: formatRupees(r.estimated_cost_paise.total) });
  return <FigureGrid label="Refill reminders" items={items} small />;
}
