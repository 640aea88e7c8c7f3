import { useState } from 'preact/hooks';
import { cancelRefill, type RefillReminder } from '../../api';
import { formErrors } from '../../forms';

interface CancelRefillProps {
  reminder: RefillReminder;
  what: string;
  onSaved: (r: RefillReminder) => void;
  onError: (message: string | null) => void;
}

/** Cancel a reminder, after a second tap to confirm. */
export function CancelRefill({ reminder, what, onSaved, onError }: CancelRefillProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);

  const cancel = async () => {
    setBusy(true);
    onError(null);
    try {
      onSaved(await cancelRefill(reminder.id));
    } catch (err) {
      onError(formErrors(err, []).message);
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };

  if (!asking) {
    return (
      <button type="button" class="btn btn--small btn--quiet" onClick={() => setAsking(true)} aria-label={`Cancel reminder: ${what}`}>
        Cancel reminder
      </button>
    );
  }
  return (
    <div class="confirm" role="group" aria-label={`Cancel reminder: ${what}?`}>
      <p class="confirm__text">Stop reminding about {what}?</p>
      <button type="button" class="btn btn--small btn--danger" onClick={() => void cancel()} disabled={busy}>
        {busy ? 'Cancelling…' : 'Yes, cancel it'}
      </button>
      <button type="button" class="btn btn--small" onClick={() => setAsking(false)} disabled={busy}>
        Keep it
      </button>
    </div>
  );
}
