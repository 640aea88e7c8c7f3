import { useCallback, useEffect, useState } from 'preact/hooks';
import { getContact, listInteractions, listStaff, type Interaction, type StaffMember } from '../api';
import { Alert } from '../components/Alert';
import { FollowUpList } from '../components/FollowUpList';
import { Loading } from '../components/Loading';
import { CallsStopNotice } from '../components/calls/CallsStopNotice';
import { CallLinks } from '../components/contact/CallLinks';
import { ContactEditForm } from '../components/contact/ContactEditForm';
import { ExtraTable } from '../components/contact/ExtraTable';
import { FollowUpForm } from '../components/contact/FollowUpForm';
import { InteractionForm } from '../components/contact/InteractionForm';
import { InteractionList } from '../components/contact/InteractionList';
import { AssignmentList } from '../components/contact/AssignmentList';
import { MarkYellow } from '../components/contact/MarkYellow';
import { contactName } from '../components/contacts/ContactRows';
import { StatusBadge, WhatsAppBadge } from '../components/contacts/StatusBadge';
import { formatDateTime } from '../datetime';
import { displayPhone } from '../phone';
import type { PageProps } from '../routes';
import { Link } from '../router';
import { useSession } from '../session';
import { useLoaded } from '../useLoaded';

const INTERACTION_PAGE = 50;

/** One contact: call/WhatsApp, log what happened, follow-ups, history, sheet columns. */
export function ContactPage({ params }: PageProps) {
  const id = Number(params.id);
  const { me, shop } = useSession();
  const manager = me.role === 'owner' || me.role === 'manager';
  const [staff, setStaff] = useState<StaffMember[]>([]);
  /** Interactions older than those the contact came with, loaded a page at a time. */
  const [older, setOlder] = useState<Interaction[]>([]);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<string | null>(null);

  const {
    data: contact,
    error,
    reload,
  } = useLoaded(() => getContact(id), String(id), {
    failure: 'Could not load the contact.',
    notFound: 'This contact does not exist or is not assigned to you.',
  });
  // Every load starts the older interactions again from the newest the contact comes with.
  const load = useCallback(() => {
    setOlder([]);
    setOlderError(null);
    reload();
  }, [reload]);
  useEffect(() => {
    setOlder([]);
    setOlderError(null);
  }, [id]);

  useEffect(() => {
    if (manager) listStaff().then((r) => setStaff(r.items), () => setStaff([]));
  }, [manager]);

  if (error) {
    return (
      <section class="page">
        <h1>Contact</h1>
        <Alert>{error}</Alert>
        <p>
          <Link href="/contacts">Back to contacts</Link>
        </p>
      </section>
    );
  }
  if (!contact) return <Loading />;

  const tz = shop?.time_zone;
  const assignee =
    contact.assigned_staff_id === null
      ? 'Unassigned'
      : contact.assigned_staff_id === me.id
        ? `${me.name} (you)`
        : (staff.find((s) => s.id === contact.assigned_staff_id)?.name ?? `Staff #${contact.assigned_staff_id}`);
  const interactions = [...contact.interactions, ...older];
  const moreInteractions = contact.interactions_total - interactions.length;
  const loadOlder = () => {
    setLoadingOlder(true);
    setOlderError(null);
    listInteractions(contact.id, INTERACTION_PAGE, interactions.length)
      .then(
        (page) => setOlder((o) => [...o, ...page.items]),
        (err: unknown) => setOlderError(err instanceof Error ? err.message : 'Could not load older interactions.'),
      )
      .finally(() => setLoadingOlder(false));
  };
  const openFollowUps = contact.reminders.filter((r) => !r.done);
  const doneFollowUps = contact.reminders.filter((r) => r.done);

  return (
    <section class="page contact-page">
      <p class="crumbs">
        <Link href={me.role === 'staff' ? '/my-work' : '/contacts'}>{me.role === 'staff' ? '← My work' : '← Contacts'}</Link>
      </p>
      <div class="contact-page__head">
        <h1>{contactName(contact)}</h1>
        <p class="contact-page__badges">
          <span class="visually-hidden">Status: </span>
          <StatusBadge status={contact.status} />
          <WhatsAppBadge status={contact.whatsapp_status} />
          {contact.wrong_number && <span class="badge badge--off">Wrong number</span>}
          {contact.do_not_contact && <span class="badge badge--off">Do not call</span>}
          {contact.unreachable && <span class="badge badge--off">Unreachable</span>}
        </p>
        {contact.name && <p class="mono contact-page__phone">{displayPhone(contact.phone)}</p>}
      </div>
      <CallLinks phone={contact.phone} />
      <CallsStopNotice
        subject={{ kind: 'contact', id: contact.id }}
        unreachable={contact.unreachable}
        unreachedCalls={contact.unreached_calls}
        doNotContact={contact.do_not_contact}
        doNotContactByName={contact.do_not_contact_by_name}
        doNotContactAt={contact.do_not_contact_at}
        onLifted={load}
      />

      <div class="panel">
        <InteractionForm contactId={contact.id} onLogged={load} />
      </div>
      <div class="panel">
        <FollowUpForm contactId={contact.id} onAdded={load} staff={staff} />
      </div>
      <div class="panel">
        <MarkYellow contact={contact} onMarked={load} />
      </div>

      <section class="panel" aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        <h3>Follow-ups</h3>
        {openFollowUps.length === 0 && doneFollowUps.length === 0 && <p class="muted">No follow-ups.</p>}
        {openFollowUps.length > 0 && <FollowUpList items={openFollowUps} label="Open follow-ups" onDone={load} />}
        {doneFollowUps.length > 0 && <FollowUpList items={doneFollowUps} label="Done follow-ups" onDone={load} />}
        <h3>Calls, messages and visits</h3>
        <InteractionList items={interactions} />
        {olderError && <Alert>{olderError}</Alert>}
        {moreInteractions > 0 && (
          <button type="button" class="btn btn--small" disabled={loadingOlder} onClick={loadOlder}>
            {loadingOlder ? 'Loading…' : `Show older (${moreInteractions} more)`}
          </button>
        )}
        <h3>Assignments</h3>
        <AssignmentList items={contact.assignments} />
      </section>

      <section class="panel" aria-labelledby="details-title">
        <h2 id="details-title">Details</h2>
        <dl class="facts">
          <div>
            <dt>Phone</dt>
            <dd class="mono">
              {displayPhone(contact.phone)} <span class="muted">({contact.phone_type})</span>
            </dd>
          </div>
          <div>
            <dt>Assigned to</dt>
            <dd>{assignee}</dd>
          </div>
          <div>
            <dt>First contacted</dt>
            <dd>{formatDateTime(contact.contacted_at, tz)}</dd>
          </div>
          <div>
            <dt>Added</dt>
            <dd>
              {formatDateTime(contact.created_at, tz)}
              {contact.upload_id !== null && (
                <span class="muted">
                  {' '}
                  · upload #{contact.upload_id}
                  {contact.source_row !== null ? `, row ${contact.source_row}` : ''}
                </span>
              )}
            </dd>
          </div>
        </dl>
        <ContactEditForm contact={contact} onSaved={load} />
      </section>

      <section class="panel" aria-labelledby="sheet-title">
        <h2 id="sheet-title">From the sheet</h2>
        <ExtraTable extra={contact.extra ?? {}} />
      </section>
    </section>
  );
}
