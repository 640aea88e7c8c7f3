import type { AdherenceReport, ConversionReport, RefillReport } from '../../api';
import { formatCount, formatPercent } from '../../datetime';
import { formatRupees } from '../../money';
import { FigureGrid, type Figure } from './FigureGrid';

interface KeyFiguresProps {
  conversion: ConversionReport | null;
  refills: RefillReport | null;
  adherence: AdherenceReport | null;
}

/** A figure from a report, or "—" while (or if) the report is not there. */
function from<T>(report: T | null, label: string, value: (r: T) => string, note?: (r: T) => string): Figure {
  if (!report) return { label, value: '—' };
  return { label, value: value(report), note: note?.(report) };
}

/** The figures at a glance. */
export function KeyFigures({ conversion, refills, adherence }: KeyFiguresProps) {
  const items = [
    from(conversion, 'Contacts', (c) => formatCount(c.total_contacts)),
    from(conversion, 'Conversion rate', (c) => formatPercent(c.conversion_rate), (c) => `${formatCount(c.converted)} converted`),
    from(
      conversion,
      'Conversion value',
      (c) => formatRupees(c.total_conversion_value_paise),
      (c) => (c.converted ? `${formatRupees(c.average_conversion_value_paise)} each on average` : 'No conversions yet'),
    ),
    from(
      refills,
      'Refill rate',
      (r) => formatPercent(r.refill_rate),
      (r) => `${formatCount(r.refilled_within_7_days)} of ${formatCount(r.due)} due refilled in 7 days`,
    ),
    from(
      adherence,
      'Adherent (PDC ≥ 80%)',
      (a) => formatPercent(a.adherent_share),
      (a) => `${formatCount(a.adherent)} of ${formatCount(a.customers)} chronic customers`,
    ),
  ];
  return <FigureGrid label="Figures at a glance" items={items} />;
}
