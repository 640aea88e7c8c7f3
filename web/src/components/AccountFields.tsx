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
