import type { CustomerReport, ReportWindow } from '../../api';
import { formatCount, formatDate, formatPercent, plural } from '../../datetime';
import { CategoryChart } from './CategoryChart';
import { DownloadLinks } from './DownloadLinks';
import { ReportPanel } from './ReportPanel';
import type { Loaded } from './useReport';

/** Customers by category, and how far generics have come. */
export function CustomerPanel({ loaded, dates }: { loaded: Loaded<CustomerReport>; dates: ReportWindow }) {
  return (
    <ReportPanel id="customers-title" title="Customers" loaded={loaded} actions={<DownloadLinks report="customers" params={{ ...dates }} what="customer report" />}>
      {(r) => (
        <>
          <CategoryChart report={r} />
          <p>
            Generics {formatDate(r.from)} to {formatDate(r.to)}: {formatPercent(r.generic.generic_share)} of {plural(r.generic.items, 'item')} sold;{' '}
            {formatCount(r.generic.customers_preferring_generic)} customers prefer generics.
          </p>
        </>
      )}
    </ReportPanel>
  );
}
