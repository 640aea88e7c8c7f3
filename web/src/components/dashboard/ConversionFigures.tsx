import type { ConversionReport } from '../../api';
import { formatCount, formatPercent } from '../../datetime';
import { formatRupees } from '../../money';
import { FigureGrid, type Figure } from './FigureGrid';

/** Every figure of the conversion report, labelled as the project's brief names them. */
export function ConversionFigures({ report: r }: { report: ConversionReport }) {
  const items: Figure[] = [
    { label: 'Total contacts uploaded', value: formatCount(r.uploaded_contacts) },
    { label: 'Contacts from inbound messages', value: formatCount(r.inbound_contacts), note: 'WhatsApp or SMS from a new number' },
    { label: 'Pending', value: formatCount(r.pending) },
    { label: 'Contacted', value: formatCount(r.contacted) },
    { label: 'Converted', value: formatCount(r.converted) },
    { label: 'Yellow status count', value: formatCount(r.yellow), note: 'Came in, did not buy' },
    { label: 'Conversion rate (%)', value: formatPercent(r.conversion_rate), note: `${formatCount(r.converted)} of ${formatCount(r.total_contacts)} contacts` },
    { label: 'Total conversion value', value: formatRupees(r.total_conversion_value_paise) },
    { label: 'Average conversion value', value: r.converted ? formatRupees(r.average_conversion_value_paise) : '—', note: r.converted ? 'Per converted contact' : 'No conversions yet' },
  ];
  return <FigureGrid label="Conversion report" items={items} small />;
}
