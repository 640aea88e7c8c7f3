import { useState } from 'preact/hooks';
import { addFollowUp } from '../../api';
import { defaultFollowUpValue, formatDateTime } from '../../datetime';
import { NO_ERRORS, focusFirstInvalid, formErrors, type FormErrors } from '../../forms';
import { useSession } from '../../session';
import { Alert } from '../Alert';
import { TextField } from '../TextField';

const FIELDS = ['due_at', 'note'] as const;
const LOCAL_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** Set a follow-up; the time is the shop's local time. */
export function FollowUpForm({ contactId, onAdded }: { contactId: number; onAdded: () => void }) {
  const { shop } = useSession();
  const [due, setDue] = useState(() => defaultFollowUpValue(shop?.time_zone));
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget;
    setDone(null);
    // Some browsers add seconds (":00"); the server wants minutes.
    const dueAt = due.slice(0, 16);
    if (!LOCAL_RE.test(dueAt)) {
      setErrors({ fields: { due_at: 'Choose a date and time.' }, message: null });
      focusFirstInvalid(form);
      return;
    }
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const f = await addFollowUp(contactId, { due_at: dueAt, ...(note.trim() ? { note: note.trim() } : {}) });
      setDone(`Follow-up set for ${formatDateTime(f.due_at, shop?.time_zone)}.`);
      setNote('');
      onAdded();
    } catch (err) {
      setErrors(formErrors(err, FIELDS));
      focusFirstInvalid(form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form" onSubmit={onSubmit} noValidate aria-labelledby="follow-title">
      <h2 id="follow-title">Follow up</h2>
      {errors.message && <Alert>{errors.message}</Alert>}
      {done && <Alert kind="success">{done}</Alert>}
      <TextField label="Follow up at" name="due_at" type="datetime-local" value={due} onValue={setDue} error={errors.fields.due_at} required hint="Shop time." />
      <TextField label="Note" name="note" value={note} onValue={setNote} error={errors.fields.note} maxLength={2000} />
      <div class="form__actions">
        <button type="submit" class="btn btn--primary" disabled={busy}>
          {busy ? 'Saving…' : 'Set follow-up'}
        </button>
      </div>
    </form>
  );
}
