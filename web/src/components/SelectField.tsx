import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

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
  const id = useId();
  const hintId = p.hint ? `${id}-hint` : undefined;
  const errId = p.error ? `${id}-err` : undefined;
  const describedBy = [hintId, errId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={p.error ? 'field field--invalid' : 'field'}>
      <label for={id}>{p.label}</label>
      <select
        id={id}
        name={p.name}
        value={p.value}
        onChange={(e) => p.onValue(e.currentTarget.value)}
        disabled={p.disabled}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy}
      >
        {p.children}
      </select>
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
