import type { FieldErrors } from '../api';
import { EMAIL_RE, MIN_PASSWORD, passwordLength } from '../forms';
import { NewPasswordField } from './NewPasswordField';
import { TextField } from './TextField';

interface AccountFieldsProps {
  /** The label of the name field ("Your name" for oneself, "Name" for someone else). */
  nameLabel: string;
  /** The name field's form name (and key in `errors`). */
  nameField: string;
  name: string;
  onName: (v: string) => void;
  email: string;
  onEmail: (v: string) => void;
  password: string;
  onPassword: (v: string) => void;
  errors: Partial<Record<string, string>>;
  /** Whose account: one's own lets the browser fill in name and email; someone else's does not. */
  whose: 'own' | 'other';
  passwordHintMore?: string;
}

/** The name, email and password of a new sign-in account. */
export function AccountFields(p: AccountFieldsProps) {
  const own = p.whose === 'own';
  return (
    <>
      <TextField label={p.nameLabel} name={p.nameField} value={p.name} onValue={p.onName} error={p.errors[p.nameField]} required autoComplete={own ? 'name' : 'off'} />
      <TextField label="Email" name="email" type="email" value={p.email} onValue={p.onEmail} error={p.errors.email} required autoComplete={own ? 'email' : 'off'} inputMode="email" />
      <NewPasswordField label="Password" name="password" value={p.password} onValue={p.onPassword} error={p.errors.password} hintMore={p.passwordHintMore} />
    </>
  );
}

/** The checks on AccountFields before sending: a name (with `nameMissing` as its reason), a
 * well-formed email and a long enough password. */
export function checkAccount(a: { nameField: string; name: string; nameMissing: string; email: string; password: string }): FieldErrors {
  const f: FieldErrors = {};
  if (!a.name.trim()) f[a.nameField] = a.nameMissing;
  if (!EMAIL_RE.test(a.email.trim())) f.email = 'Enter a valid email address.';
  if (passwordLength(a.password) < MIN_PASSWORD) f.password = `Use at least ${MIN_PASSWORD} characters.`;
  return f;
}
