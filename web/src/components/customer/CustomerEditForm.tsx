import { useState } from 'preact/hooks';
import { updateCustomer, type Customer } from '../../api';
import { EMAIL_RE, type FormErrors } from '../../forms';
import { useFieldErrors } from '../../useFieldErrors';
import { Alert } from '../Alert';
import { CheckboxField } from '../CheckboxField';
import { SelectField } from '../SelectField';
import { TextAreaField } from '../TextAreaField';
import { TextField } from '../TextField';
import { CategorySelect } from '../customers/CategorySelect';
import { GENDERS } from '../customers/labels';
import { changesOf, draftOf, type CustomerDraft } from './customerChanges';
import { FormActions } from '../FormActions';

const FIELDS = [
  'name',
  'phone',
  'category',
  'age',
  'gender',
  'address',
  'email',
  'chronic_conditions',
  'allergies',
  'primary_doctor',
  'prefers_generic',
  'notes',
  'whatsapp_consent',
  'sms_consent',
] as const;

interface CustomerEditFormProps {
  customer: Customer;
  onSaved: (c: Customer) => void;
  onCancel: () => void;
}

/** Every editable detail of a customer; sends only what changed. */
export function CustomerEditForm({ customer, onSaved, onCancel }: CustomerEditFormProps) {
  const [d, setD] = useState<CustomerDraft>(() => draftOf(customer));
  const { errors, invalid, send } = useFieldErrors(FIELDS);
  const [busy, setBusy] = useState(false);
  const set = (changes: Partial<CustomerDraft>) => setD((x) => ({ ...x, ...changes }));

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f: FormErrors['fields'] = {};
    if (!d.phone.trim()) f.phone = 'Enter the phone number.';
    const age = d.age.trim();
    if (age && (!/^\d+$/.test(age) || Number(age) > 130)) f.age = 'Enter the age in years (0–130), or leave empty.';
    if (d.email.trim() && !EMAIL_RE.test(d.email.trim())) f.email = 'Enter a valid email address, or leave empty.';
    if (Object.keys(f).length) {
      invalid(f, form);
      return;
    }
    const changes = changesOf(customer, d);
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    await send(form, setBusy, async () => onSaved(await updateCustomer(customer.id, changes)));
  };

  const genderKnown = !d.gender || GENDERS.some((g) => g.value === d.gender);

  return (
    <form class="form" onSubmit={onSubmit} noValidate aria-label="Edit customer">
      {errors.message && <Alert>{errors.message}</Alert>}
      <fieldset class="fieldset">
        <legend>Details</legend>
        <TextField label="Name" name="name" value={d.name} onValue={(name) => set({ name })} error={errors.fields.name} maxLength={200} autoComplete="off" />
        <TextField label="Phone" name="phone" type="tel" inputMode="tel" value={d.phone} onValue={(phone) => set({ phone })} error={errors.fields.phone} required maxLength={40} />
        <CategorySelect label="Category" value={d.category} onValue={(v) => v && set({ category: v })} error={errors.fields.category} />
        <div class="form__pair">
          <TextField label="Age" name="age" type="number" inputMode="numeric" min={0} max={130} value={d.age} onValue={(age) => set({ age })} error={errors.fields.age} />
          <SelectField label="Gender" name="gender" value={d.gender} onValue={(gender) => set({ gender })} error={errors.fields.gender}>
            <option value="">Not given</option>
            {GENDERS.map((g) => (
              <option key={g.value} value={g.value}>
                {g.label}
              </option>
            ))}
            {!genderKnown && <option value={d.gender}>{d.gender}</option>}
          </SelectField>
        </div>
        <TextAreaField label="Address" name="address" value={d.address} onValue={(address) => set({ address })} error={errors.fields.address} maxLength={500} rows={2} />
        <TextField label="Email" name="email" type="email" inputMode="email" value={d.email} onValue={(email) => set({ email })} error={errors.fields.email} maxLength={254} autoComplete="off" />
      </fieldset>
      <fieldset class="fieldset">
        <legend>Medical information</legend>
        <TextField
          label="Chronic conditions"
          name="chronic_conditions"
          value={d.conditions}
          onValue={(conditions) => set({ conditions })}
          error={errors.fields.chronic_conditions}
          hint="Separate with commas, e.g. diabetes, blood pressure."
        />
        <TextField label="Allergies" name="allergies" value={d.allergies} onValue={(allergies) => set({ allergies })} error={errors.fields.allergies} maxLength={1000} />
        <TextField label="Primary doctor" name="primary_doctor" value={d.doctor} onValue={(doctor) => set({ doctor })} error={errors.fields.primary_doctor} maxLength={200} />
        <CheckboxField label="Prefers generic medicines" name="prefers_generic" checked={d.prefersGeneric} onChecked={(prefersGeneric) => set({ prefersGeneric })} error={errors.fields.prefers_generic} />
      </fieldset>
      <fieldset class="fieldset">
        <legend>Consent to messages</legend>
        <CheckboxField label="WhatsApp messages" name="whatsapp_consent" checked={d.whatsappConsent} onChecked={(whatsappConsent) => set({ whatsappConsent })} error={errors.fields.whatsapp_consent} />
        <CheckboxField label="SMS messages" name="sms_consent" checked={d.smsConsent} onChecked={(smsConsent) => set({ smsConsent })} error={errors.fields.sms_consent} />
      </fieldset>
      <TextAreaField label="Notes" name="notes" value={d.notes} onValue={(notes) => set({ notes })} error={errors.fields.notes} maxLength={4000} />
      <FormActions label="Save customer" busy={busy} onCancel={onCancel} />
    </form>
  );
}
