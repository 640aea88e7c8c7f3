import { useEffect, useState } from 'preact/hooks';
import { WHATSAPP_STATUSES, updateContact, type Contact, type ContactChanges, type WhatsAppStatus } from '../../api';
import { useFieldErrors } from '../../useFieldErrors';
import { Alert } from '../Alert';
import { SelectField } from '../SelectField';
import { TextAreaField } from '../TextAreaField';
import { WHATSAPP_LABELS } from '../contacts/labels';
import { FormActions } from '../FormActions';

const FIELDS = ['whatsapp_status', 'notes'] as const;

/** WhatsApp status and notes; sends only what changed. */
export function ContactEditForm({ contact, onSaved }: { contact: Contact; onSaved: (c: Contact) => void }) {
  const [wa, setWa] = useState<WhatsAppStatus>(contact.whatsapp_status);
  const [notes, setNotes] = useState(contact.notes ?? '');
  const { errors, send } = useFieldErrors(FIELDS);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setWa(contact.whatsapp_status);
    setNotes(contact.notes ?? '');
  }, [contact.id, contact.whatsapp_status, contact.notes]);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget;
    const changes: ContactChanges = {};
    if (wa !== contact.whatsapp_status) changes.whatsapp_status = wa;
    if (notes.trim() !== (contact.notes ?? '')) changes.notes = notes.trim();
    setSaved(false);
    if (Object.keys(changes).length === 0) return;
    await send(form, setBusy, async () => {
      onSaved(await updateContact(contact.id, changes));
      setSaved(true);
    });
  };

  return (
    <form class="form" onSubmit={onSubmit} noValidate aria-label="Contact details">
      {errors.message && <Alert>{errors.message}</Alert>}
      {saved && <Alert kind="success">Saved.</Alert>}
      <SelectField label="WhatsApp status" name="whatsapp_status" value={wa} onValue={(v) => setWa(v as WhatsAppStatus)} error={errors.fields.whatsapp_status}>
        {WHATSAPP_STATUSES.map((s) => (
          <option key={s} value={s}>
            {WHATSAPP_LABELS[s]}
          </option>
        ))}
      </SelectField>
      <TextAreaField label="Notes" name="notes" value={notes} onValue={setNotes} error={errors.fields.notes} maxLength={2000} />
      <FormActions label="Save details" busy={busy} primary={false} />
    </form>
  );
}
