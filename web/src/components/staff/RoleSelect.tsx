import type { Role } from '../../api';
import { roleLabel } from '../../format';
import { SelectField } from '../SelectField';

interface RoleSelectProps {
  value: Role;
  onValue: (r: Role) => void;
  choices: Role[];
  error?: string | undefined;
  disabled?: boolean;
  hint?: string;
}

export function RoleSelect({ value, onValue, choices, error, disabled, hint }: RoleSelectProps) {
  const options = choices.includes(value) ? choices : [value, ...choices];
  return (
    <SelectField label="Role" name="role" value={value} onValue={(v) => onValue(v as Role)} error={error} disabled={disabled} hint={hint}>
      {options.map((r) => (
        <option key={r} value={r}>
          {roleLabel(r)}
        </option>
      ))}
    </SelectField>
  );
}
