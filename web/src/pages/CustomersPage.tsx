import { useMemo } from 'preact/hooks';
import { listCustomers } from '../api';
import { Alert } from '../components/Alert';
import { Loading } from '../components/Loading';
import { Pager } from '../components/Pager';
import { offsetFromQuery } from '../components/contacts/filters';
import { CustomerFilters } from '../components/customers/CustomerFilters';
import { CustomerRows } from '../components/customers/CustomerRows';
import { CUSTOMER_PAGE_SIZE, customerFilterFromQuery, customersHref } from '../components/customers/filters';
import { plural } from '../datetime';
import { Link, navigate, useLocation } from '../router';
import { useLoaded } from '../useLoaded';

/** Customers: search, filters and pages (filters in the address). */
export function CustomersPage() {
  const loc = useLocation();
  const filter = useMemo(() => customerFilterFromQuery(loc.query), [loc.query.toString()]);
  const offset = offsetFromQuery(loc.query);
  const key = customersHref(filter, offset);
  const { data: page, error } = useLoaded(() => listCustomers({ ...filter, limit: CUSTOMER_PAGE_SIZE, offset }), key, {
    failure: 'Could not load customers.',
    keep: true,
  });

  return (
    <section class="page">
      <div class="page__head">
        <h1>Customers</h1>
        <Link href="/billing" class="btn">
          New bill
        </Link>
      </div>
      <CustomerFilters filter={filter} onChange={(f) => navigate(customersHref(f, 0), { replace: true })} />
      {error && <Alert>{error}</Alert>}
      {!page && !error && <Loading />}
      {page && (
        <>
          <p class="list-bar__total" aria-live="polite">
            {plural(page.total, 'customer')}
          </p>
          {page.items.length === 0 ? <p class="muted">No customers match.</p> : <CustomerRows items={page.items} />}
          <Pager
            offset={offset}
            limit={CUSTOMER_PAGE_SIZE}
            total={page.total}
            onOffset={(o) => {
              navigate(customersHref(filter, o));
              window.scrollTo(0, 0);
            }}
            label="Customer pages"
          />
        </>
      )}
    </section>
  );
}
