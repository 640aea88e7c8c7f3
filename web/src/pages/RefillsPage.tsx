import { useMemo } from 'preact/hooks';
import { listRefills, type RefillReminder } from '../api';
import { Alert } from '../components/Alert';
import { Loading } from '../components/Loading';
import { Pager } from '../components/Pager';
import { offsetFromQuery } from '../components/contacts/filters';
import { RefillCard } from '../components/refills/RefillCard';
import { RefillFilters } from '../components/refills/RefillFilters';
import { OrderSelect } from '../components/OrderSelect';
import { REFILL_ORDERS, REFILL_PAGE_SIZE, isDailyList, refillFilterFromQuery, refillOrderFromQuery, refillsHref } from '../components/refills/filters';
import { formatDate, plural } from '../datetime';
import { navigate, useLocation } from '../router';
import { useLoaded } from '../useLoaded';

/** The daily refill list: who to remind today (and who is overdue); filters look back or ahead; due first or most at risk first. */
export function RefillsPage() {
  const loc = useLocation();
  const filter = useMemo(() => refillFilterFromQuery(loc.query), [loc.query.toString()]);
  const offset = offsetFromQuery(loc.query);
  const order = refillOrderFromQuery(loc.query);
  const key = refillsHref(filter, offset, order);
  const daily = isDailyList(filter);

  const {
    data: page,
    error,
    update,
  } = useLoaded(() => listRefills({ ...filter, ...(order === 'risk' ? { sort: order } : {}), limit: REFILL_PAGE_SIZE, offset }), key, {
    failure: 'Could not load the refill list.',
    keep: true,
  });

  // A worked reminder stays where it is (with its new status) until the list is loaded again.
  const replace = (r: RefillReminder) => update((p) => ({ ...p, items: p.items.map((x) => (x.id === r.id ? r : x)) }));

  return (
    <section class="page">
      <div class="page__head">
        <h1>Refills</h1>
        {page && <p class="muted page__sub">Today: {formatDate(page.today)}</p>}
      </div>
      <RefillFilters filter={filter} today={page?.today ?? null} onChange={(f) => navigate(refillsHref(f, 0, order), { replace: true })} />
      <OrderSelect value={order} options={REFILL_ORDERS} onValue={(o) => navigate(refillsHref(filter, 0, o), { replace: true })} />
      {error && <Alert>{error}</Alert>}
      {!page && !error && <Loading />}
      {page && (
        <>
          <h2 class="list-bar__total" aria-live="polite">
            {daily ? `${plural(page.total, 'reminder')} due today or overdue` : `${plural(page.total, 'reminder')}`}
          </h2>
          {page.items.length === 0 ? (
            <p class="muted">{daily ? 'Nobody to remind today.' : 'No reminders match.'}</p>
          ) : (
            <ul class="refills" aria-label="Refill reminders">
              {page.items.map((r) => (
                <li key={r.id}>
                  <RefillCard reminder={r} today={page.today} onChange={replace} />
                </li>
              ))}
            </ul>
          )}
          <Pager
            offset={offset}
            limit={REFILL_PAGE_SIZE}
            total={page.total}
            onOffset={(o) => {
              navigate(refillsHref(filter, o, order));
              window.scrollTo(0, 0);
            }}
            label="Refill pages"
          />
        </>
      )}
    </section>
  );
}
