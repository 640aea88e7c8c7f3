import { FieldNotes, useFieldIds } from './Field';

interface CheckboxFieldProps {
  label: string;
  name: string;
  checked: boolean;
  onChecked: (checked: boolean) => void;
  error?: string | undefined;
  disabled?: boolean;
}

export function CheckboxField(p: CheckboxFieldProps) {
  const ids = useFieldIds(undefined, p.error);
  return (
    <div class={p.error ? 'field field--check field--invalid' : 'field field--check'}>
      <input
        id={ids.id}
        name={p.name}
        type="checkbox"
        checked={p.checked}
        onChange={(e) => p.onChecked(e.currentTarget.checked)}
        disabled={p.disabled}
        aria-describedby={ids.describedBy}
      />
      <label for={ids.id}>{p.label}</label>
      <FieldNotes ids={ids} error={p.error} />
    </div>
  );
}
