import { useId } from 'preact/hooks';

interface CheckboxFieldProps {
  label: string;
  name: string;
  checked: boolean;
  onChecked: (checked: boolean) => void;
  error?: string | undefined;
  disabled?: boolean;
}

export function CheckboxField(p: CheckboxFieldProps) {
  const id = useId();
  const errId = p.error ? `${id}-err` : undefined;
  return (
    <div class={p.error ? 'field field--check field--invalid' : 'field field--check'}>
      <input
        id={id}
        name={p.name}
        type="checkbox"
        checked={p.checked}
        onChange={(e) => p.onChecked(e.currentTarget.checked)}
        disabled={p.disabled}
        aria-describedby={errId}
      />
      <label for={id}>{p.label}</label>
      {p.error && (
        <p id={errId} class="field__error">
          {p.error}
        </p>
      )}
    </div>
  );
}
