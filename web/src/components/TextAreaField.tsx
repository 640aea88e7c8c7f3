import { useId } from 'preact/hooks';

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
  const id = useId();
  const hintId = p.hint ? `${id}-hint` : undefined;
  const errId = p.error ? `${id}-err` : undefined;
  const describedBy = [hintId, errId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={p.error ? 'field field--invalid' : 'field'}>
      <label for={id}>
        {p.label}
        {!p.required && <span class="field__optional"> (optional)</span>}
      </label>
      <textarea
        id={id}
        name={p.name}
        value={p.value}
        rows={p.rows ?? 3}
        onInput={(e) => p.onValue(e.currentTarget.value)}
        required={p.required}
        maxLength={p.maxLength}
        disabled={p.disabled}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy}
      />
      {p.hint && (
        <p id={hintId} class="field__hint">
          {p.hint}
        </p>
      )}
      {p.error && (
        <p id={errId} class="field__error">
          {p.error}
        </p>
      )}
    </div>
  );
}
