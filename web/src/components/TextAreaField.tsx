import { LabelledField, useFieldIds } from './Field';

interface TextAreaFieldProps {
  label: string;
  name: string;
  value: string;
  onValue: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  maxLength?: number;
  rows?: number;
  disabled?: boolean;
}

/** A labelled multi-line input with an optional hint and an error line under it. */
export function TextAreaField(p: TextAreaFieldProps) {
  const ids = useFieldIds(p.hint, p.error);
  return (
    <LabelledField ids={ids} label={p.label} optional={!p.required} hint={p.hint} error={p.error}>
      <textarea
        id={ids.id}
        name={p.name}
        value={p.value}
        rows={p.rows ?? 3}
        onInput={(e) => p.onValue(e.currentTarget.value)}
        required={p.required}
        maxLength={p.maxLength}
        disabled={p.disabled}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={ids.describedBy}
      />
    </LabelledField>
  );
}
