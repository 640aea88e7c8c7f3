import { useState } from 'preact/hooks';
import { liftContactDoNotContact, liftCustomerDoNotContact } from '../../api';
import { formatDateTime } from '../../datetime';
import { formErrors } from '../../forms';
import { useSession } from '../../session';
import { Alert } from '../Alert';

interface CallsStopNoticeProps {
  /** Whose page: the contact's or the customer's (the lift endpoint differs). */
  subject: { kind: 'contact'; id: number } | { kind: 'customer'; id: number };
  /** Contacts only: set aside after the shop's max_call_attempts calls without an answer. */
  unreachable?: boolean;
  unreachedCalls?: number;
  doNotContact: boolean;
  doNotContactByName?: string | null;
  doNotContactAt?: string | null;
  onLifted: () => void;
}

/** Why calls to this number stopped, and the owner's "Allow calls again". */
export function CallsStopNotice(p: CallsStopNoticeProps) {
  const { me, shop } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!p.doNotContact && !p.unreachable) return null;

  const lift = async () => {
    if (!window.confirm('Allow calls and messages to this number again?')) return;
    setBusy(true);
    setError(null);
    try {
      await (p.subject.kind === 'contact' ? liftContactDoNotContact(p.subject.id) : liftCustomerDoNotContact(p.subject.id));
      p.onLifted();
    } catch (err) {
      setError(formErrors(err, []).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="panel calls-stop" role="status">
      {error && <Alert>{error}</Alert>}
      {p.doNotContact && (
        <p>
          <strong>Do not call</strong> — set by {p.doNotContactByName ?? 'a former staff member'}
          {p.doNotContactAt ? ` on ${formatDateTime(p.doNotContactAt, shop?.time_zone)}` : ''}. No calls or messages go to this number.
        </p>
      )}
      {p.doNotContact && me.role === 'owner' && (
        <button type="button" class="btn" onClick={() => void lift()} disabled={busy}>
          {busy ? 'Saving…' : 'Allow calls again'}
        </button>
      )}
      {p.unreachable && (
        <p>
          <strong>Unreachable after {p.unreachedCalls ?? 0} calls</strong> — off the lists to call until the person calls, writes or visits.
        </p>
      )}
    </div>
  );
}
