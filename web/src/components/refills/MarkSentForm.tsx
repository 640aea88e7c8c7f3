import { useState } from 'preact/hooks';
import { REFILL_CHANNELS, markRefillSent, type RefillChannel, type RefillReminder } from '../../api';
import { formErrors } from '../../forms';
import { SelectField } from '../SelectField';
import { CHANNEL_LABELS } from './labels';

interface MarkSentFormProps {
  reminder: RefillReminder;
  /** For the form's accessible name, e.g. "Metformin for Ravi". */
  what: string;
  onSaved: (r: RefillReminder) => void;
  onError: (message: string | null) => void;
}

/** "Reminded by WhatsApp / call / SMS": records that the customer was told. */
export function MarkSentForm({ reminder, what, onSaved, onError }: MarkSentFormProps) {
  const [channel, setChannel] = useState<RefillChannel>(reminder.sent_channel ?? (reminder.whatsapp_status === 'inactive' ? 'call' : 'whatsapp'));
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    onError(null);
    try {
      onSaved(await markRefillSent(reminder.id, channel));
    } catch (err) {
      onError(formErrors(err, []).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="inline-form" onSubmit={onSubmit} aria-label={`Mark sent: ${what}`}>
      <SelectField label="Reminded by" name="channel" value={channel} onValue={(v) => setChannel(v as RefillChannel)}>
        {REFILL_CHANNELS.map((c) => (
          <option key={c} value={c}>
            {CHANNEL_LABELS[c]}
          </option>
        ))}
      </SelectField>
      <button type="submit" class="btn btn--primary" disabled={busy}>
        {busy ? 'Saving…' : 'Mark sent'}
      </button>
    </form>
  );
}
