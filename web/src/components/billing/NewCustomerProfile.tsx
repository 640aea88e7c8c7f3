import type { FieldErrors } from '../../api';
import { TextField } from '../TextField';
import type { ProfileDraft } from './billDraft';

interface NewCustomerProfileProps {
  profile: ProfileDraft;
  errors: FieldErrors;
  onProfile: (profile: ProfileDraft, edited: string) => void;
}

/** A new customer's optional profile, folded away so a quick bill is not slowed down. */
export function NewCustomerProfile({ profile, errors, onProfile }: NewCustomerProfileProps) {
  const keys = ['age', 'birth_year', 'gender', 'address', 'email', 'chronic_conditions', 'allergies', 'primary_doctor'];
  const open = keys.some((k) => `customer.${k}` in errors);
  const field = (name: keyof ProfileDraft, key: string) => ({
    name: `customer.${key}`,
    value: profile[name],
    onValue: (v: string) => onProfile({ ...profile, [name]: v }, `customer.${key}`),
    error: errors[`customer.${key}`],
  });
  return (
    <details class="bill-form__profile" open={open}>
      <summary>Customer profile (optional)</summary>
      <div class="form">
        <div class="form__pair">
          <TextField label="Age" type="number" inputMode="numeric" min={0} max={130} {...field('age', 'age')} />
          <TextField label="Birth year" type="number" inputMode="numeric" min={1900} {...field('birthYear', 'birth_year')} />
        </div>
        <TextField label="Gender" maxLength={30} autoComplete="off" {...field('gender', 'gender')} />
        <TextField label="Address" maxLength={500} autoComplete="off" {...field('address', 'address')} />
        <TextField label="Email" type="email" inputMode="email" maxLength={254} autoComplete="off" {...field('email', 'email')} />
        <TextField label="Chronic conditions" hint="Separate with commas, e.g. diabetes, hypertension." autoComplete="off" {...field('conditions', 'chronic_conditions')} />
        <TextField label="Allergies" maxLength={1000} autoComplete="off" {...field('allergies', 'allergies')} />
        <TextField label="Doctor" maxLength={200} autoComplete="off" {...field('doctor', 'primary_doctor')} />
      </div>
    </details>
  );
}
