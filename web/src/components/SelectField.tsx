import type { ComponentChildren } from 'preact';
import { LabelledField, useFieldIds } from './Field';

interface SelectFieldProps {
  label: string;
  name: string;
  value: string;
  onValue: (value: string) => void;
  /** `<option>`/`<optgroup>` elements. */
  children: ComponentChildren;
  error?: string | undefined;
  hint?: string;
  disabled?: boolean;
}

export function SelectField(p: SelectFieldProps) {
  const ids = useFieldIds(p.hint, p.error);
  return (
    <LabelledField ids={ids} label={p.label} optional={false} hint={p.hint} error={p.error}>
      <select
        id={ids.id}
        name={p.name}
        value={p.value}
        onChange={(e) => p.onValue(e.currentTarget.value)}
        disabled={p.disabled}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={ids.describedBy}
      >
        {p.children}
      </select>
    </LabelledField>
  );
}
