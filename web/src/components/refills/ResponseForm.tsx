import { useState } from 'preact/hooks';
import { REFILL_RESPONSES, recordRefillResponse, type RefillReminder, type RefillResponse } from '../../api';
import { useFieldErrors } from '../../useFieldErrors';
import { Alert } from '../Alert';
import { SelectField } from '../SelectField';
import { TextField } from '../TextField';
import { RESPONSE_LABELS } from './labels';
import { FormActions } from '../FormActions';

const FIELDS = ['response', 'note'] as const;

interface ResponseFormProps {
  reminder: RefillReminder;
  what: string;
  onSaved: (r: RefillReminder) => void;
}

/** What the customer said: will visit, refilled elsewhere, … with a note. */
export function ResponseForm({ reminder, what, onSaved }: ResponseFormProps) {
  const [response, setResponse] = useState<RefillResponse | ''>('');
  const [note, setNote] = useState('');
  const { errors, invalid, send } = useFieldErrors(FIELDS);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget;
    if (!response) {
      invalid({ response: 'Choose what the customer said.' }, form);
      return;
    }
    await send(form, setBusy, async () => {
      onSaved(await recordRefillResponse(reminder.id, response, note));
      setResponse('');
      setNote('');
    });
  };

  return (
    <form class="form" onSubmit={onSubmit} noValidate aria-label={`Response: ${what}`}>
      {errors.message && <Alert>{errors.message}</Alert>}
      <SelectField label="Response" name="response" value={response} onValue={(v) => setResponse(v as RefillResponse)} error={errors.fields.response}>
        <option value="">Choose…</option>
        {REFILL_RESPONSES.map((r) => (
          <option key={r} value={r}>
            {RESPONSE_LABELS[r]}
          </option>
        ))}
      </SelectField>
      <TextField label="Note" name="note" value={note} onValue={setNote} error={errors.fields.note} maxLength={2000} />
      <FormActions label="Save response" busy={busy} />
    </form>
  );
}
