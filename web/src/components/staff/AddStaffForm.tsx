import { useState } from 'preact/hooks';
import { ApiError, createStaff, type Role, type StaffMember } from '../../api';
import { focusFirstInvalid, formErrors } from '../../forms';
import { useFieldErrors } from '../../useFieldErrors';
import { AccountFields, checkAccount } from '../AccountFields';
import { Alert } from '../Alert';
import { TextField } from '../TextField';
import { RoleSelect } from './RoleSelect';
import { FormActions } from '../FormActions';

const FIELDS = ['name', 'email', 'password', 'role', 'phone'] as const;

interface AddStaffFormProps {
  roles: Role[];
  onCreated: (s: StaffMember) => void;
  onCancel: () => void;
}

export function AddStaffForm({ roles, onCreated, onCancel }: AddStaffFormProps) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('staff');
  const [phone, setPhone] = useState('');
  const { errors, invalid, clear, setErrors } = useFieldErrors(FIELDS);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = checkAccount({ nameField: 'name', name, nameMissing: 'Enter a name.', email, password });
    if (Object.keys(f).length) {
      invalid(f, form);
      return;
    }
    setBusy(true);
    clear();
    try {
      const created = await createStaff({
        name: name.trim(),
        email: email.trim(),
        password,
        role,
        ...(phone.trim() ? { phone: phone.trim() } : {}),
      });
      onCreated(created);
    } catch (err) {
      const fe = formErrors(err, FIELDS);
      // A 409 is about the email even if the server does not name the field.
      if (err instanceof ApiError && err.status === 409 && !fe.fields.email) {
        fe.fields.email = err.message;
        fe.message = null;
      }
      setErrors(fe);
      focusFirstInvalid(form);
      setBusy(false);
    }
  };

  return (
    <form class="form panel" onSubmit={onSubmit} noValidate aria-labelledby="add-staff-title">
      <h2 id="add-staff-title">New staff member</h2>
      {errors.message && <Alert>{errors.message}</Alert>}
      <AccountFields
        nameLabel="Name"
        nameField="name"
        name={name}
        onName={setName}
        email={email}
        onEmail={setEmail}
        password={password}
        onPassword={setPassword}
        errors={errors.fields}
        whose="other"
        passwordHintMore="Share it with them; they can change it later."
      />
      <RoleSelect value={role} onValue={setRole} choices={roles} error={errors.fields.role} />
      <TextField label="Phone" name="phone" type="tel" value={phone} onValue={setPhone} error={errors.fields.phone} hint="For example 98765 43210 or +91 98765 43210." autoComplete="off" inputMode="tel" />
      <FormActions label="Add member" busyLabel="Adding…" busy={busy} onCancel={onCancel} />
    </form>
  );
}
