import { useMemo } from 'preact/hooks';
import { getAdherenceReport, getConversionReport, getCustomerReport, getRefillReport } from '../api';
import { AdherencePanel } from '../components/dashboard/AdherencePanel';
import { ConversionPanel } from '../components/dashboard/ConversionPanel';
import { CustomerPanel } from '../components/dashboard/CustomerPanel';
import { DateFilter } from '../components/dashboard/DateFilter';
import { KeyFigures } from '../components/dashboard/KeyFigures';
import { RefillPanel } from '../components/dashboard/RefillPanel';
import { dashboardHref, windowFromQuery } from '../components/dashboard/reportWindow';
import { useReport } from '../components/dashboard/useReport';
import { InsightsPanel } from '../components/insights/InsightsPanel';
import { RefillsDueLink } from '../components/refills/RefillsDueLink';
import { navigate, useLocation } from '../router';
import { useSession } from '../session';

/** The owner's and manager's home: the shop's reports at a glance, dates in the address. */
export function DashboardPage() {
  const { shop } = useSession();
  const loc = useLocation();
  const dates = useMemo(() => windowFromQuery(loc.query), [loc.query.toString()]);
  const key = dashboardHref(dates);

  const conversion = useReport(() => getConversionReport(dates), key);
  const refills = useReport(() => getRefillReport(dates), key);
  const adherence = useReport(() => getAdherenceReport('risk'), 'adherence');
  const customers = useReport(() => getCustomerReport(dates), key);

  return (
    <section class="page page--wide">
      <h1>Dashboard</h1>
      <DateFilter value={dates} zone={shop?.time_zone} onChange={(w) => navigate(dashboardHref(w), { replace: true })} />
      <KeyFigures conversion={conversion.data} refills={refills.data} adherence={adherence.data} />
      <RefillsDueLink />
      <div class="dashboard">
        <ConversionPanel loaded={conversion} dates={dates} />
        <RefillPanel loaded={refills} dates={dates} />
        <AdherencePanel loaded={adherence} />
        <CustomerPanel loaded={customers} dates={dates} />
        <InsightsPanel />
      </div>
    </section>
  );
}
