import { LabelledField, useFieldIds } from './Field';

interface TextFieldProps {
  label: string;
  name: string;
  value: string;
  onValue: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'tel' | 'number' | 'search' | 'datetime-local' | 'date' | 'time' | 'url';
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  autoComplete?: string;
  inputMode?: 'text' | 'email' | 'tel' | 'numeric' | 'decimal';
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
  disabled?: boolean;
  /** Leave out the "(optional)" mark (e.g. a search box). */
  noOptionalMark?: boolean;
}

/** A labelled input with an optional hint and an error line under it. */
export function TextField(p: TextFieldProps) {
  const ids = useFieldIds(p.hint, p.error);
  // Preact's typings narrow attributes per input type; ours are valid for all of them.
  const type = (p.type ?? 'text') as 'text';
  return (
    <LabelledField ids={ids} label={p.label} optional={!p.required && !p.noOptionalMark} hint={p.hint} error={p.error}>
      <input
        id={ids.id}
        name={p.name}
        type={type}
        value={p.value}
        onInput={(e) => p.onValue(e.currentTarget.value)}
        required={p.required}
        autoComplete={p.autoComplete}
        inputMode={p.inputMode}
        min={p.min}
        max={p.max}
        minLength={p.minLength}
        maxLength={p.maxLength}
        disabled={p.disabled}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={ids.describedBy}
      />
    </LabelledField>
  );
}
