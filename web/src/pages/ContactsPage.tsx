import { useEffect, useMemo, useState } from 'preact/hooks';
import { listContacts, listStaff, listUploads, type AssignAnswer, type Contact, type StaffMember, type Upload } from '../api';
import { Alert } from '../components/Alert';
import { Loading } from '../components/Loading';
import { Pager } from '../components/Pager';
import { AssignDialog } from '../components/contacts/AssignDialog';
import { ContactFilters } from '../components/contacts/ContactFilters';
import { ContactRows } from '../components/contacts/ContactRows';
import { CONTACT_ORDERS, PAGE_SIZE, contactsHref, filterFromQuery, offsetFromQuery, orderFromQuery } from '../components/contacts/filters';
import { OrderSelect } from '../components/OrderSelect';
import { formatCount, plural } from '../datetime';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../session';
import { useLoaded } from '../useLoaded';

/** The contact list: filters, pages, and (for owners and managers) picking contacts to assign. */
export function ContactsPage() {
  const { me } = useSession();
  const manager = me.role === 'owner' || me.role === 'manager';
  const loc = useLocation();
  const filter = useMemo(() => filterFromQuery(loc.query), [loc.query.toString()]);
  const offset = offsetFromQuery(loc.query);
  const order = orderFromQuery(loc.query);
  const key = contactsHref(filter, offset, order);

  const [staff, setStaff] = useState<StaffMember[] | null>(null);
  const [uploads, setUploads] = useState<Upload[] | null>(null);
  const [picked, setPicked] = useState<Map<number, Contact>>(new Map());
  const [assigning, setAssigning] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const {
    data: page,
    error,
    reload,
  } = useLoaded(() => listContacts({ ...filter, sort: order, limit: PAGE_SIZE, offset }), key, { failure: 'Could not load contacts.', keep: true });

  useEffect(() => {
    if (!manager) return;
    listStaff().then(
      (r) => setStaff([...r.items].sort((a, b) => a.name.localeCompare(b.name))),
      () => setStaff([]),
    );
    listUploads(100, 0).then(
      (r) => setUploads(r.items),
      () => setUploads([]),
    );
  }, [manager]);

  const go = (href: string) => navigate(href, { replace: true });
  const nameOf = (id: number | null) => {
    if (id === null) return 'Unassigned';
    if (id === me.id) return me.name;
    return staff?.find((s) => s.id === id)?.name ?? `Staff #${id}`;
  };
  const toggle = (c: Contact, on: boolean) =>
    setPicked((m) => {
      const next = new Map(m);
      if (on) next.set(c.id, c);
      else next.delete(c.id);
      return next;
    });
  const items = page?.items ?? [];
  const allOnPage = items.length > 0 && items.every((c) => picked.has(c.id));
  const pickPage = (on: boolean) =>
    setPicked((m) => {
      const next = new Map(m);
      for (const c of items) {
        if (on) next.set(c.id, c);
        else next.delete(c.id);
      }
      return next;
    });
  const onAssigned = (a: AssignAnswer) => {
    const parts = Object.entries(a.assigned).map(([sid, n]) => `${nameOf(Number(sid))} ${formatCount(n)}`);
    setNotice(`Assigned: ${parts.join(', ')}.`);
    setPicked(new Map());
    reload();
  };

  return (
    <section class="page">
      <div class="page__head">
        <h1>Contacts</h1>
        {manager && (
          <Link href="/contacts/upload" class="btn">
            Upload sheet
          </Link>
        )}
      </div>
      <ContactFilters
        filter={filter}
        staff={manager ? staff : null}
        uploads={manager ? uploads : null}
        onChange={(f) => {
          setPicked(new Map());
          go(contactsHref(f, 0, order));
        }}
      />
      <OrderSelect value={order} options={CONTACT_ORDERS} onValue={(o) => go(contactsHref(filter, 0, o))} />
      {notice && <Alert kind="success">{notice}</Alert>}
      {error && <Alert>{error}</Alert>}
      {!page && !error && <Loading />}
      {page && (
        <>
          <div class="list-bar">
            <p class="list-bar__total" aria-live="polite">
              {plural(page.total, 'contact')}
            </p>
            {manager && (
              <div class="list-bar__actions">
                {items.length > 0 && (
                  <div class="field field--check">
                    <input id="pick-page" type="checkbox" checked={allOnPage} onChange={(e) => pickPage(e.currentTarget.checked)} />
                    <label for="pick-page">Select this page</label>
                  </div>
                )}
                <button type="button" class="btn btn--primary" onClick={() => setAssigning(true)} disabled={page.total === 0}>
                  {picked.size ? `Assign ${formatCount(picked.size)} selected…` : 'Assign…'}
                </button>
              </div>
            )}
          </div>
          {items.length === 0 ? (
            <p class="muted">No contacts match.</p>
          ) : (
            <ContactRows items={items} {...(manager ? { selected: new Set(picked.keys()), onToggle: toggle, assigneeName: nameOf } : {})} />
          )}
          <Pager offset={offset} limit={PAGE_SIZE} total={page.total} onOffset={(o) => {
              navigate(contactsHref(filter, o, order));
              window.scrollTo(0, 0);
            }} label="Contact pages" />
        </>
      )}
      {assigning && (
        <AssignDialog picked={[...picked.values()]} filter={filter} onClose={() => setAssigning(false)} onAssigned={onAssigned} />
      )}
    </section>
  );
}
