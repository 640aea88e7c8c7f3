import { useState } from 'preact/hooks';
import { markYellow, type Contact } from '../../api';
import { formatDateTime } from '../../datetime';
import { formErrors } from '../../forms';
import { useSession } from '../../session';
import { Alert } from '../Alert';

/** "Visited, did not buy": the customer came in but no bill followed. */
export function MarkYellow({ contact, onMarked }: { contact: Contact; onMarked: () => void }) {
  const { shop } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (contact.status === 'converted') return null;
  if (contact.status === 'yellow') {
    return <p class="muted">Marked as visited without buying {formatDateTime(contact.yellow_at, shop?.time_zone)}.</p>;
  }

  const onClick = async () => {
    setBusy(true);
    setError(null);
    try {
      await markYellow(contact.id);
      onMarked();
    } catch (err) {
      setError(formErrors(err, []).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      {error && <Alert>{error}</Alert>}
      <button type="button" class="btn btn--yellow" onClick={() => void onClick()} disabled={busy}>
        {busy ? 'Saving…' : 'Visited, did not buy (mark yellow)'}
      </button>
    </div>
  );
}
