import { useState } from 'preact/hooks';
import type { RefillReminder } from '../../api';
import { formatDate, formatDateTime, plural } from '../../datetime';
import { displayPhone } from '../../phone';
import { Link } from '../../router';
import { useSession } from '../../session';
import { CallLinks } from '../contact/CallLinks';
import { labelOf } from '../contacts/labels';
import { ScoreLine } from '../insights/ScoreLine';
import { CancelRefill } from './CancelRefill';
import { MarkSentForm } from './MarkSentForm';
import { RefillStatusBadge } from './RefillStatusBadge';
import { ResponseForm } from './ResponseForm';
import { CHANNEL_LABELS, RESPONSE_LABELS, isOpen } from './labels';

interface RefillCardProps {
  reminder: RefillReminder;
  /** The shop's today (`YYYY-MM-DD`), to say "due today". */
  today?: string | undefined;
  /** Off on the customer's own page. */
  showCustomer?: boolean;
  onChange: (r: RefillReminder) => void;
}

function dueText(r: RefillReminder, today: string | undefined): { text: string; overdue: boolean } | null {
  if (r.status !== 'pending' && r.status !== 'sent') return null;
  if (r.days_overdue > 0) return { text: `${plural(r.days_overdue, 'day')} overdue`, overdue: true };
  if (today && r.remind_on === today) return { text: 'Due today', overdue: false };
  return null;
}

/** One reminder: who, what, when, its risk of lapsing; call or WhatsApp; mark sent, record the response, cancel. */
export function RefillCard({ reminder: r, today, showCustomer = true, onChange }: RefillCardProps) {
  const { shop } = useSession();
  const [error, setError] = useState<string | null>(null);
  const who = r.customer_name?.trim() || displayPhone(r.customer_phone);
  const what = showCustomer ? `${r.medicine} for ${who}` : r.medicine;
  const due = dueText(r, today);
  const open = isOpen(r.status);
  const saved = (next: RefillReminder) => {
    setError(null);
    onChange(next);
  };

  return (
    <article class="refill" aria-label={what}>
      <div class="refill__head">
        {showCustomer ? (
          <Link href={`/customers/${r.customer_id}`} class="refill__who">
            {who}
          </Link>
        ) : (
          <p class="refill__who">{r.medicine}</p>
        )}
        <RefillStatusBadge status={r.status} />
      </div>
      {showCustomer && r.customer_name?.trim() && <p class="mono refill__phone">{displayPhone(r.customer_phone)}</p>}
      {showCustomer && <p class="refill__medicine">{r.medicine}</p>}
      <dl class="refill__dates">
        <div>
          <dt>Runs out on</dt>
          <dd>{formatDate(r.runs_out_on)}</dd>
        </div>
        <div>
          <dt>Remind on</dt>
          <dd>{formatDate(r.remind_on)}</dd>
        </div>
      </dl>
      {due && <p class={due.overdue ? 'refill__due overdue' : 'refill__due'}>{due.text}</p>}
      {r.lapse_risk && <ScoreLine score={r.lapse_risk} kind="lapse" />}
      {r.sent_at && (
        <p class="muted refill__line">
          Reminded by {labelOf(CHANNEL_LABELS, r.sent_channel ?? '')} on {formatDateTime(r.sent_at, shop?.time_zone)}
        </p>
      )}
      {r.response && (
        <p class="refill__line">
          Response: <strong>{labelOf(RESPONSE_LABELS, r.response)}</strong>
          {r.response_note ? ` — ${r.response_note}` : ''}
        </p>
      )}
      {r.status === 'refilled' && <p class="muted refill__line">Bought again {formatDateTime(r.closed_at, shop?.time_zone)}.</p>}
      {error && (
        <p class="field__error" role="alert">
          {error}
        </p>
      )}
      {open && (
        <>
          {showCustomer && <CallLinks phone={r.customer_phone} />}
          {r.status === 'pending' && <MarkSentForm reminder={r} what={what} onSaved={saved} onError={setError} />}
          {/* Once reminded, the response is the next step: open. Keyed so it folds again after saving. */}
          <details class="refill__more" open={r.status === 'sent'} key={r.status}>
            <summary>{r.status === 'responded' ? 'Change the response' : 'Record the response'}</summary>
            <ResponseForm reminder={r} what={what} onSaved={saved} />
          </details>
          <CancelRefill reminder={r} what={what} onSaved={saved} onError={setError} />
        </>
      )}
    </article>
  );
}
