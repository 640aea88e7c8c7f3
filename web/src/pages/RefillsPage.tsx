import { useEffect, useMemo, useState } from 'preact/hooks';
import { listRefills, type RefillPage, type RefillReminder } from '../api';
import { Alert } from '../components/Alert';
import { Loading } from '../components/Loading';
import { Pager } from '../components/Pager';
import { offsetFromQuery } from '../components/contacts/filters';
import { RefillCard } from '../components/refills/RefillCard';
import { RefillFilters } from '../components/refills/RefillFilters';
import { REFILL_PAGE_SIZE, isDailyList, refillFilterFromQuery, refillsHref } from '../components/refills/filters';
import { formatDate, plural } from '../datetime';
import { navigate, useLocation } from '../router';

/** The daily refill list: who to remind today (and who is overdue); filters look back or ahead. */
export function RefillsPage() {
  const loc = useLocation();
  const filter = useMemo(() => refillFilterFromQuery(loc.query), [loc.query.toString()]);
  const offset = offsetFromQuery(loc.query);
  const key = refillsHref(filter, offset);
  const daily = isDailyList(filter);

  const [page, setPage] = useState<RefillPage | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    listRefills({ ...filter, limit: REFILL_PAGE_SIZE, offset }).then(
      (r) => live && setPage(r),
      (err: unknown) => live && setError(err instanceof Error ? err.message : 'Could not load the refill list.'),
    );
    return () => {
      live = false;
    };
  }, [key]);

  // A worked reminder stays where it is (with its new status) until the list is loaded again.
  const replace = (r: RefillReminder) =>
    setPage((p) => (p ? { ...p, items: p.items.map((x) => (x.id === r.id ? r : x)) } : p));

  return (
    <section class="page">
      <div class="page__head">
        <h1>Refills</h1>
        {page && <p class="muted page__sub">Today: {formatDate(page.today)}</p>}
      </div>
      <RefillFilters filter={filter} today={page?.today ?? null} onChange={(f) => navigate(refillsHref(f, 0), { replace: true })} />
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
              navigate(refillsHref(filter, o));
              window.scrollTo(0, 0);
            }}
            label="Refill pages"
          />
        </>
      )}
    </section>
  );
}
