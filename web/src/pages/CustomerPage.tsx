import { useEffect, useState } from 'preact/hooks';
import { getCustomer, type RefillReminder } from '../api';
import { Alert } from '../components/Alert';
import { Loading } from '../components/Loading';
import { CallLinks } from '../components/contact/CallLinks';
import { BillList } from '../components/customer/BillList';
import { ConsentPanel } from '../components/customer/ConsentPanel';
import { CallsStopNotice } from '../components/calls/CallsStopNotice';
import { CustomerEditForm } from '../components/customer/CustomerEditForm';
import { CustomerFacts } from '../components/customer/CustomerFacts';
import { LinkedContact } from '../components/customer/LinkedContact';
import { PurchaseList } from '../components/customer/PurchaseList';
import { CategoryBadge } from '../components/customers/CategoryBadge';
import { customerName } from '../components/customers/CustomerRows';
import { RefillCard } from '../components/refills/RefillCard';
import { isOpen } from '../components/refills/labels';
import { displayPhone } from '../phone';
import type { PageProps } from '../routes';
import { Link } from '../router';
import { useLoaded } from '../useLoaded';

/** One customer: call/WhatsApp, details and medical information (editable), refills, purchases, bills. */
export function CustomerPage({ params }: PageProps) {
  const id = Number(params.id);
  const {
    data: customer,
    error,
    reload,
    update,
  } = useLoaded(() => getCustomer(id), String(id), { failure: 'Could not load the customer.', notFound: 'This customer does not exist.' });
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => setEditing(false), [id]);

  if (error) {
    return (
      <section class="page">
        <h1>Customer</h1>
        <Alert>{error}</Alert>
        <p>
          <Link href="/customers">Back to customers</Link>
        </p>
      </section>
    );
  }
  if (!customer) return <Loading />;

  const replaceReminder = (r: RefillReminder) =>
    update((c) => ({ ...c, refill_reminders: c.refill_reminders.map((x) => (x.id === r.id ? r : x)) }));
  const openReminders = customer.refill_reminders.filter((r) => isOpen(r.status));
  const closedReminders = customer.refill_reminders.filter((r) => !isOpen(r.status));

  return (
    <section class="page contact-page">
      <p class="crumbs">
        <Link href="/customers">← Customers</Link>
      </p>
      <div class="contact-page__head">
        <h1>{customerName(customer)}</h1>
        <p class="contact-page__badges">
          <span class="visually-hidden">Category: </span>
          <CategoryBadge category={customer.category} />
          {customer.prefers_generic && <span class="badge badge--ok">Prefers generic</span>}
          {customer.do_not_contact && <span class="badge badge--off">Do not call</span>}
        </p>
        {customer.name && <p class="mono contact-page__phone">{displayPhone(customer.phone)}</p>}
      </div>
      <CallLinks phone={customer.phone} />
      <CallsStopNotice
        subject={{ kind: 'customer', id: customer.id }}
        doNotContact={customer.do_not_contact}
        doNotContactByName={customer.do_not_contact_by_name}
        doNotContactAt={customer.do_not_contact_at}
        onLifted={reload}
      />
      {notice && <Alert kind="success">{notice}</Alert>}

      <section class="panel" aria-labelledby="customer-details-title">
        <div class="panel__head">
          <h2 id="customer-details-title">About the customer</h2>
          {!editing && (
            <button
              type="button"
              class="btn btn--small"
              onClick={() => {
                setEditing(true);
                setNotice(null);
              }}
            >
              Edit
            </button>
          )}
        </div>
        {editing ? (
          <CustomerEditForm
            customer={customer}
            onCancel={() => setEditing(false)}
            onSaved={(c) => {
              update((old) => ({ ...old, ...c }));
              setEditing(false);
              setNotice('Customer saved.');
              reload();
            }}
          />
        ) : (
          <CustomerFacts customer={customer} />
        )}
      </section>

      <ConsentPanel customer={customer} onChange={(c) => update((old) => ({ ...old, ...c }))} />

      <section class="panel" aria-labelledby="customer-refills-title">
        <h2 id="customer-refills-title">Refill reminders</h2>
        {customer.refill_reminders.length === 0 && <p class="muted">No refill reminders.</p>}
        {openReminders.length > 0 && (
          <ul class="refills refills--plain" aria-label="Open refill reminders">
            {openReminders.map((r) => (
              <li key={r.id}>
                <RefillCard reminder={r} showCustomer={false} onChange={replaceReminder} />
              </li>
            ))}
          </ul>
        )}
        {closedReminders.length > 0 && (
          <ul class="refills refills--plain" aria-label="Closed refill reminders">
            {closedReminders.map((r) => (
              <li key={r.id}>
                <RefillCard reminder={r} showCustomer={false} onChange={replaceReminder} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="panel" aria-labelledby="customer-purchases-title">
        <h2 id="customer-purchases-title">Purchases</h2>
        <PurchaseList items={customer.purchases} />
      </section>

      <section class="panel" aria-labelledby="customer-bills-title">
        <h2 id="customer-bills-title">Bills and visits</h2>
        <BillList items={customer.bills} />
      </section>

      <section class="panel" aria-labelledby="customer-contact-title">
        <h2 id="customer-contact-title">Contact sheet</h2>
        <LinkedContact contact={customer.contact} />
      </section>
    </section>
  );
}
