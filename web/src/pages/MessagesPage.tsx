import { useMemo, useState } from 'preact/hooks';
import { listMessages, type Message } from '../api';
import { Alert } from '../components/Alert';
import { Loading } from '../components/Loading';
import { Pager } from '../components/Pager';
import { offsetFromQuery } from '../components/contacts/filters';
import { AwaitingApprovalPanel } from '../components/messages/AwaitingApprovalPanel';
import { MessageCard } from '../components/messages/MessageCard';
import { MessageDailyPanel } from '../components/messages/MessageDailyPanel';
import { MessageFilters } from '../components/messages/MessageFilters';
import { MESSAGE_PAGE_SIZE, messageFilterFromQuery, messagesHref } from '../components/messages/filters';
import { plural } from '../datetime';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../session';
import { useLoaded } from '../useLoaded';

/** The outbox: every WhatsApp and SMS message, newest first, with counts per day; failed ones can be retried. */
export function MessagesPage() {
  const { me } = useSession();
  const loc = useLocation();
  const filter = useMemo(() => messageFilterFromQuery(loc.query), [loc.query.toString()]);
  const offset = offsetFromQuery(loc.query);
  const key = messagesHref(filter, offset);

  const {
    data: page,
    error,
    update,
    reload,
  } = useLoaded(() => listMessages({ ...filter, limit: MESSAGE_PAGE_SIZE, offset }), key, {
    failure: 'Could not load the messages.',
    keep: true,
  });
  const [retried, setRetried] = useState(0);

  // A retried message stays in place with its new status; the counts per day are fetched again.
  const replace = (m: Message) => {
    update((p) => ({ ...p, items: p.items.map((x) => (x.id === m.id ? m : x)) }));
    setRetried((n) => n + 1);
  };

  return (
    <section class="page page--wide">
      <div class="page__head">
        <h1>Messages</h1>
        <p class="muted page__sub">
          WhatsApp and SMS reminders sent for the shop.{' '}
          <Link href="/settings/messaging">{me.role === 'owner' ? 'Messaging settings' : 'See the messaging settings'}</Link>
        </p>
      </div>
      <AwaitingApprovalPanel
        reload={retried}
        onApproved={() => {
          reload();
          setRetried((n) => n + 1);
        }}
      />
      <MessageDailyPanel reload={retried} />
      <MessageFilters filter={filter} onChange={(f) => navigate(messagesHref(f, 0), { replace: true })} />
      {error && <Alert>{error}</Alert>}
      {!page && !error && <Loading />}
      {page && (
        <>
          <h2 class="list-bar__total" aria-live="polite">
            {plural(page.total, 'message')}
          </h2>
          {page.items.length === 0 ? (
            <p class="muted">No messages match.</p>
          ) : (
            <ul class="messages" aria-label="Messages">
              {page.items.map((m) => (
                <li key={m.id}>
                  <MessageCard message={m} onChange={replace} />
                </li>
              ))}
            </ul>
          )}
          <Pager
            offset={offset}
            limit={MESSAGE_PAGE_SIZE}
            total={page.total}
            onOffset={(o) => {
              navigate(messagesHref(filter, o));
              window.scrollTo(0, 0);
            }}
            label="Message pages"
          />
        </>
      )}
    </section>
  );
}
