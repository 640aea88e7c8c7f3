import { ComingSoon } from '../components/ComingSoon';

export function RefillsPage() {
  return <ComingSoon title="Refills" blurb="See which customers are due for a refill and remind them." />;
}
