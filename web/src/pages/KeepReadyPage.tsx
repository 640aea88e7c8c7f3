import { listPickups, type Pickup } from '../api';
import { Alert } from '../components/Alert';
import { Loading } from '../components/Loading';
import { Pager } from '../components/Pager';
import { offsetFromQuery } from '../components/contacts/filters';
import { PickupCard } from '../components/pickups/PickupCard';
import { plural } from '../datetime';
import { navigate, useLocation } from '../router';
import { useLoaded } from '../useLoaded';

const PAGE_SIZE = 50;

/** The counter's Keep ready list: medicines customers asked, by replying to a refill reminder,
 * to be set aside. A bill for the customer collects them. */
export function KeepReadyPage() {
  const loc = useLocation();
  const offset = offsetFromQuery(loc.query);
  const { data: page, error, update } = useLoaded(() => listPickups({ limit: PAGE_SIZE, offset }), `keep-ready:${offset}`, {
    failure: 'Could not load the Keep ready list.',
    keep: true,
  });

  // A worked pickup keeps its place (with its new status) until the list is loaded again.
  const replace = (p: Pickup) => update((pg) => ({ ...pg, items: pg.items.map((x) => (x.id === p.id ? p : x)) }));

  return (
    <section class="page">
      <div class="page__head">
        <h1>Keep ready</h1>
        <p class="muted page__sub">Customers who answered a refill reminder “keep it ready”. Their next bill marks it collected.</p>
      </div>
      {error && <Alert>{error}</Alert>}
      {!page && !error && <Loading />}
      {page && (
        <>
          <h2 class="list-bar__total" aria-live="polite">
            {plural(page.total, 'medicine')} to keep ready
          </h2>
          {page.items.length === 0 ? (
            <p class="muted">Nothing to keep ready.</p>
          ) : (
            <ul class="refills" aria-label="Keep ready">
              {page.items.map((p) => (
                <li key={p.id}>
                  <PickupCard pickup={p} onChange={replace} />
                </li>
              ))}
            </ul>
          )}
          <Pager
            offset={offset}
            limit={PAGE_SIZE}
            total={page.total}
            onOffset={(o) => {
              navigate(o > 0 ? `/keep-ready?offset=${o}` : '/keep-ready');
              window.scrollTo(0, 0);
            }}
            label="Keep ready pages"
          />
        </>
      )}
    </section>
  );
}
