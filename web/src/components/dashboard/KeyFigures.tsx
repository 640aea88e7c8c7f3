import type { AdherenceReport, ConversionReport, RefillReport } from '../../api';
import { formatCount, formatPercent } from '../../datetime';
import { formatRupees } from '../../money';

interface KeyFiguresProps {
  conversion: ConversionReport | null;
  refills: RefillReport | null;
  adherence: AdherenceReport | null;
}

/** The figures at a glance; "—" while (or if) a report is not there. */
export function KeyFigures({ conversion, refills, adherence }: KeyFiguresProps) {
  const figure = <T,>(r: T | null, fn: (r: T) => string) => (r ? fn(r) : '—');
  const items: { label: string; value: string; note?: string }[] = [
    { label: 'Contacts', value: figure(conversion, (c) => formatCount(c.total_contacts)) },
    { label: 'Conversion rate', value: figure(conversion, (c) => formatPercent(c.conversion_rate)) },
    {
      label: 'Conversion value',
      value: figure(conversion, (c) => formatRupees(c.total_conversion_value_paise)),
      note: figure(conversion, (c) => (c.converted ? `${formatRupees(c.average_conversion_value_paise)} each on average` : 'No conversions yet')),
    },
    {
      label: 'Refill rate',
      value: figure(refills, (r) => formatPercent(r.refill_rate)),
      note: figure(refills, (r) => `${formatCount(r.refilled_within_7_days)} of ${formatCount(r.due)} due refilled in 7 days`),
    },
    {
      label: 'Adherent (PDC ≥ 80%)',
      value: figure(adherence, (a) => formatPercent(a.adherent_share)),
      note: figure(adherence, (a) => `${formatCount(a.adherent)} of ${formatCount(a.customers)} chronic customers`),
    },
  ];
  return (
    <dl class="figures" aria-label="Figures at a glance">
      {items.map((it) => (
        <div class="figures__item" key={it.label}>
          <dt>{it.label}</dt>
          <dd>
            <span class="figures__value">{it.value}</span>
            {it.note && it.note !== '—' && <span class="figures__note">{it.note}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
