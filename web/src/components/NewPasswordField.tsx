import { MIN_PASSWORD } from '../forms';
import { TextField } from './TextField';

interface NewPasswordFieldProps {
  label: string;
  name: string;
  value: string;
  onValue: (value: string) => void;
  error?: string | undefined;
  /** Words after the length rule in the hint. */
  hintMore?: string;
}

/** A password being chosen: required, at least MIN_PASSWORD characters, offered to password managers as new. */
export function NewPasswordField({ label, name, value, onValue, error, hintMore }: NewPasswordFieldProps) {
  return (
    <TextField
      label={label}
      name={name}
      type="password"
      value={value}
      onValue={onValue}
      error={error}
      hint={hintMore ? `At least ${MIN_PASSWORD} characters. ${hintMore}` : `At least ${MIN_PASSWORD} characters.`}
      required
      minLength={MIN_PASSWORD}
      autoComplete="new-password"
    />
  );
}
