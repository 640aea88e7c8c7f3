import { useState } from 'preact/hooks';
import { addFollowUp, type StaffMember } from '../../api';
import { formatDateTime } from '../../datetime';
import { useNoticeForm } from '../../useNoticeForm';
import { useSession } from '../../session';
import { Alert } from '../Alert';
import { SelectField } from '../SelectField';
import { TextField } from '../TextField';
import { CALL_HOUR, QUICK_DAYS, followUpAt } from './followUpTimes';
import { FormActions } from '../FormActions';

const FIELDS = ['due_at', 'note', 'staff_id'] as const;
const LOCAL_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

interface FollowUpFormProps {
  contactId: number;
  onAdded: () => void;
  /** The shop's staff, for managers and owners to set a follow-up for someone else; empty: for oneself. */
  staff?: StaffMember[];
}

/** Set a follow-up, for oneself or (managers and owners) a staff member; the time is the shop's local time. */
export function FollowUpForm({ contactId, onAdded, staff = [] }: FollowUpFormProps) {
  const { me, shop } = useSession();
  const zone = shop?.time_zone;
  const canPick = (me.role === 'owner' || me.role === 'manager') && staff.length > 0;
  const [due, setDue] = useState(() => followUpAt(1, zone));
  const [staffId, setStaffId] = useState(String(me.id));
  const [note, setNote] = useState('');
  const { errors, invalid, done, setDone, busy, submitting, send } = useNoticeForm(FIELDS);

  const onSubmit = submitting(async (form) => {
    // Some browsers add seconds (":00"); the server wants minutes.
    const dueAt = due.slice(0, 16);
    if (!LOCAL_RE.test(dueAt)) {
      invalid({ due_at: 'Choose a date and time.' }, form);
      return;
    }
    await send(form, async () => {
      const forOther = canPick && Number(staffId) !== me.id;
      const f = await addFollowUp(contactId, {
        due_at: dueAt,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(forOther ? { staff_id: Number(staffId) } : {}),
      });
      const who = forOther ? ` for ${staff.find((s) => s.id === Number(staffId))?.name ?? 'them'}` : '';
      setDone(`Follow-up set${who} for ${formatDateTime(f.due_at, zone)}.`);
      setNote('');
      onAdded();
    });
  });

  return (
    <form class="form" onSubmit={onSubmit} noValidate aria-labelledby="follow-title">
      <h2 id="follow-title">Follow up</h2>
      {errors.message && <Alert>{errors.message}</Alert>}
      {done && <Alert kind="success">{done}</Alert>}
      {canPick && (
        <SelectField label="For" name="staff_id" value={staffId} onValue={setStaffId} error={errors.fields.staff_id}>
          {staff
            .filter((s) => s.active || s.id === me.id)
            .map((s) => (
              <option key={s.id} value={String(s.id)}>
                {s.id === me.id ? `${s.name} (you)` : s.name}
              </option>
            ))}
        </SelectField>
      )}
      <div class="quick-days" role="group" aria-label={`Quick dates, at ${CALL_HOUR} shop time`}>
        {QUICK_DAYS.map((q) => {
          const at = followUpAt(q.days, zone);
          return (
            <button key={q.days} type="button" class="btn btn--small" aria-pressed={due.slice(0, 16) === at} onClick={() => setDue(at)}>
              {q.label}
            </button>
          );
        })}
      </div>
      <TextField label="Follow up at" name="due_at" type="datetime-local" value={due} onValue={setDue} error={errors.fields.due_at} required hint={`Shop time. The quick dates are at ${CALL_HOUR}.`} />
      <TextField label="Note" name="note" value={note} onValue={setNote} error={errors.fields.note} maxLength={2000} />
      <FormActions label="Set follow-up" busy={busy} />
    </form>
  );
}
