import { ComingSoon } from '../components/ComingSoon';

export function BillingPage() {
  return <ComingSoon title="Billing" blurb="Record bills and link them to customers." />;
}
