import { useState } from 'preact/hooks';
import { changePassword } from '../api';
import { Alert } from '../components/Alert';
import { NewPasswordField } from '../components/NewPasswordField';
import { TextField } from '../components/TextField';
import { MIN_PASSWORD, passwordLength, type FormErrors } from '../forms';
import { useFieldErrors } from '../useFieldErrors';
import { useSession } from '../session';
import { FormActions } from '../components/FormActions';

const FIELDS = ['current_password', 'new_password'] as const;

export function PasswordPage() {
  const { me } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const { errors, invalid, send } = useFieldErrors(FIELDS);
  const [confirmError, setConfirmError] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget;
    setDone(false);
    const f: FormErrors['fields'] = {};
    if (!current) f.current_password = 'Enter your current password.';
    if (passwordLength(next) < MIN_PASSWORD) f.new_password = `Use at least ${MIN_PASSWORD} characters.`;
    const cErr = next !== confirm ? 'The two new passwords do not match.' : undefined;
    setConfirmError(cErr);
    if (Object.keys(f).length || cErr) {
      invalid(f, form);
      return;
    }
    await send(form, setBusy, async () => {
      await changePassword(current, next);
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone(true);
    });
  };

  return (
    <section class="page">
      <h1>Change my password</h1>
      <form class="form panel" onSubmit={onSubmit} noValidate>
        {done && <Alert kind="success">Your password has been changed.</Alert>}
        {errors.message && <Alert>{errors.message}</Alert>}
        {/* Lets password managers know whose password this is. */}
        <input type="text" name="username" autoComplete="username" value={me.email} readOnly hidden />
        <TextField label="Current password" name="current_password" type="password" value={current} onValue={setCurrent} error={errors.fields.current_password} required autoComplete="current-password" />
        <NewPasswordField label="New password" name="new_password" value={next} onValue={setNext} error={errors.fields.new_password} />
        <TextField label="Repeat new password" name="confirm_password" type="password" value={confirm} onValue={setConfirm} error={confirmError} required autoComplete="new-password" />
        <FormActions label="Change password" busy={busy} />
      </form>
    </section>
  );
}
