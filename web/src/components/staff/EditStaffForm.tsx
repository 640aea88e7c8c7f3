import { useState } from 'preact/hooks';
import { updateStaff, type Role, type StaffChanges, type StaffMember } from '../../api';
import { useFieldErrors } from '../../useFieldErrors';
import { Alert } from '../Alert';
import { CheckboxField } from '../CheckboxField';
import { TextField } from '../TextField';
import { RoleSelect } from './RoleSelect';
import { FormActions } from '../FormActions';

const FIELDS = ['name', 'phone', 'role', 'active', 'max_open_contacts', 'away_from', 'away_until'] as const;

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
  const [capacity, setCapacity] = useState(member.max_open_contacts === null ? '' : String(member.max_open_contacts));
  const [awayFrom, setAwayFrom] = useState(member.away_from ?? '');
  const [awayUntil, setAwayUntil] = useState(member.away_until ?? '');
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
    const cap = Number(capacity);
    if (capacity.trim() !== '' && (!Number.isInteger(cap) || cap < 1)) {
      invalid({ max_open_contacts: 'Enter a whole number of 1 or more, or leave it empty for no limit.' }, form);
      return;
    }
    if (awayFrom && awayUntil && awayUntil < awayFrom) {
      invalid({ away_until: 'The last day of leave must be on or after the first.' }, form);
      return;
    }
    // Send only what changed.
    const changes: StaffChanges = {};
    if (name.trim() !== member.name) changes.name = name.trim();
    if (phone.trim() !== (member.phone ?? '')) changes.phone = phone.trim() || null;
    if (role !== member.role) changes.role = role;
    if (active !== member.active) changes.active = active;
    const newCap = capacity.trim() === '' ? null : cap;
    if (newCap !== member.max_open_contacts) changes.max_open_contacts = newCap;
    if ((awayFrom || null) !== member.away_from) changes.away_from = awayFrom || null;
    if ((awayUntil || null) !== member.away_until) changes.away_until = awayUntil || null;
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
      <TextField
        label="Most open contacts"
        name="max_open_contacts"
        type="number"
        inputMode="numeric"
        min={1}
        value={capacity}
        onValue={setCapacity}
        error={errors.fields.max_open_contacts}
        hint="Assignment never gives them more pending or contacted contacts than this. Empty: no limit."
      />
      <TextField label="Away from" name="away_from" type="date" value={awayFrom} onValue={setAwayFrom} error={errors.fields.away_from} />
      <TextField
        label="Away until"
        name="away_until"
        type="date"
        value={awayUntil}
        onValue={setAwayUntil}
        error={errors.fields.away_until}
        hint="Both days included. While away they get no contacts, and the daily job moves theirs on."
      />
      <CheckboxField label="Active (can sign in)" name="active" checked={active} onChecked={setActive} error={errors.fields.active} disabled={isSelf} />
      <FormActions label="Save changes" busy={busy} onCancel={onCancel} />
    </form>
  );
}
