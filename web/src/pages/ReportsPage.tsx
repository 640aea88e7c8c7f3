import { ComingSoon } from '../components/ComingSoon';

export function ReportsPage() {
  return <ComingSoon title="Reports" blurb="Sales, refills and follow-up reports for the shop." />;
}
