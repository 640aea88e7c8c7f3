import { useState } from 'preact/hooks';
import { INTERACTION_KINDS, OUTCOMES, addInteraction, type InteractionKind, type Outcome } from '../../api';
import { useNoticeForm } from '../../useNoticeForm';
import { Alert } from '../Alert';
import { CheckboxField } from '../CheckboxField';
import { SelectField } from '../SelectField';
import { TextAreaField } from '../TextAreaField';
import { KIND_LABELS, OUTCOME_LABELS } from '../contacts/labels';
import { FormActions } from '../FormActions';

const FIELDS = ['kind', 'outcome', 'notes'] as const;

/** Log a call, message or visit. */
export function InteractionForm({ contactId, onLogged }: { contactId: number; onLogged: () => void }) {
  const [kind, setKind] = useState<InteractionKind>('call');
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [notes, setNotes] = useState('');
  /** The person called the shop: brings an unreachable contact back. */
  const [inbound, setInbound] = useState(false);
  const { errors, invalid, done, setDone, busy, submitting, send } = useNoticeForm(FIELDS);

  const onSubmit = submitting(async (form) => {
    if (!outcome) {
      invalid({ outcome: 'Choose what happened.' }, form);
      return;
    }
    if (outcome === 'do_not_call' && !window.confirm('Stop all calls and messages to this number? Only an owner can allow them again.')) return;
    await send(form, async () => {
      await addInteraction(contactId, { kind, outcome, inbound, ...(notes.trim() ? { notes: notes.trim() } : {}) });
      setDone(`${KIND_LABELS[kind]} logged: ${OUTCOME_LABELS[outcome]}.`);
      setOutcome('');
      setNotes('');
      setInbound(false);
      onLogged();
    });
  });

  return (
    <form class="form" onSubmit={onSubmit} noValidate aria-labelledby="log-title">
      <h2 id="log-title">Log a contact</h2>
      {errors.message && <Alert>{errors.message}</Alert>}
      {done && <Alert kind="success">{done}</Alert>}
      <SelectField label="How" name="kind" value={kind} onValue={(v) => setKind(v as InteractionKind)} error={errors.fields.kind}>
        {INTERACTION_KINDS.map((k) => (
          <option key={k} value={k}>
            {KIND_LABELS[k]}
          </option>
        ))}
      </SelectField>
      <SelectField label="Outcome" name="outcome" value={outcome} onValue={(v) => setOutcome(v as Outcome)} error={errors.fields.outcome}>
        <option value="">Choose…</option>
        {OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {OUTCOME_LABELS[o]}
          </option>
        ))}
      </SelectField>
      <CheckboxField label="They contacted us (an incoming call)" name="inbound" checked={inbound} onChecked={setInbound} />
      <TextAreaField label="Notes" name="notes" value={notes} onValue={setNotes} error={errors.fields.notes} maxLength={2000} rows={2} />
      <FormActions label="Log contact" busy={busy} />
    </form>
  );
}
