import { ComingSoon } from '../components/ComingSoon';

export function CustomersPage() {
  return <ComingSoon title="Customers" blurb="Find customers, their medicines and their history." />;
}
