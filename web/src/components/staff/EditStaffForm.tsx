import { useState } from 'preact/hooks';
import { updateStaff, type Role, type StaffChanges, type StaffMember } from '../../api';
import { useFieldErrors } from '../../useFieldErrors';
import { Alert } from '../Alert';
import { CheckboxField } from '../CheckboxField';
import { TextField } from '../TextField';
import { RoleSelect } from './RoleSelect';
import { FormActions } from '../FormActions';

const FIELDS = ['name', 'phone', 'role', 'active'] as const;

interface EditStaffFormProps {
  member: StaffMember;
  roles: Role[];
  isSelf: boolean;
  onSaved: (s: StaffMember) => void;
  onCancel: () => void;
}

export function EditStaffForm({ member, roles, isSelf, onSaved, onCancel }: EditStaffFormProps) {
  const [name, setName] = useState(member.name);
  const [phone, setPhone] = useState(member.phone ?? '');
  const [role, setRole] = useState<Role>(member.role);
  const [active, setActive] = useState(member.active);
  const { errors, invalid, send } = useFieldErrors(FIELDS);
  const [busy, setBusy] = useState(false);
  const titleId = `edit-staff-${member.id}`;

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget;
    if (!name.trim()) {
      invalid({ name: 'Enter a name.' }, form);
      return;
    }
    // Send only what changed.
    const changes: StaffChanges = {};
    if (name.trim() !== member.name) changes.name = name.trim();
    if (phone.trim() !== (member.phone ?? '')) changes.phone = phone.trim() || null;
    if (role !== member.role) changes.role = role;
    if (active !== member.active) changes.active = active;
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    await send(form, setBusy, async () => onSaved(await updateStaff(member.id, changes)));
  };

  return (
    <form class="form" onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
      <h3 id={titleId}>Edit {member.name}</h3>
      <p class="muted">{member.email}</p>
      {errors.message && <Alert>{errors.message}</Alert>}
      <TextField label="Name" name="name" value={name} onValue={setName} error={errors.fields.name} required autoComplete="off" />
      <TextField label="Phone" name="phone" type="tel" value={phone} onValue={setPhone} error={errors.fields.phone} autoComplete="off" inputMode="tel" />
      <RoleSelect
        value={role}
        onValue={setRole}
        choices={roles}
        error={errors.fields.role}
        disabled={isSelf}
        hint={isSelf ? 'You cannot change your own role.' : undefined}
      />
      <CheckboxField label="Active (can sign in)" name="active" checked={active} onChecked={setActive} error={errors.fields.active} disabled={isSelf} />
      <FormActions label="Save changes" busy={busy} onCancel={onCancel} />
    </form>
  );
}
