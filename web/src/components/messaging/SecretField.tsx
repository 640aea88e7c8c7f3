import { useId } from 'preact/hooks';

/** What a save does with a secret: keep it, replace it with `value`, or clear it. */
export interface SecretEdit {
  value: string;
  clear: boolean;
}

export const KEEP_SECRET: SecretEdit = { value: '', clear: false };

/** The PUT value: absent (keep), a string (set) or null (clear). */
export function secretChange(edit: SecretEdit): string | null | undefined {
  if (edit.clear) return null;
  return edit.value.trim() ? edit.value.trim() : undefined;
}

interface SecretFieldProps {
  label: string;
  name: string;
  isSet: boolean;
  edit: SecretEdit;
  onEdit: (edit: SecretEdit) => void;
  /** Managers see only whether it is set. */
  readOnly: boolean;
  error?: string | undefined;
}

/** A secret is never shown: "Set" / "Not set", a box to replace it, and a button to clear it. */
export function SecretField({ label, name, isSet, edit, onEdit, readOnly, error }: SecretFieldProps) {
  const id = useId();
  const stateId = `${id}-state`;
  const errId = error ? `${id}-err` : undefined;
  const state = edit.clear ? 'Will be cleared' : isSet ? 'Set' : 'Not set';
  return (
    <div class={error ? 'field field--invalid secret' : 'field secret'}>
      <label for={id}>{label}</label>
      <p id={stateId} class="secret__state">
        <span class={isSet && !edit.clear ? 'badge badge--ok' : 'badge badge--off'} data-secret={name}>
          {state}
        </span>
      </p>
      {!readOnly && (
        <div class="secret__edit">
          <input
            id={id}
            name={name}
            type="password"
            autoComplete="off"
            placeholder={isSet ? 'Type to replace' : 'Paste it here'}
            value={edit.value}
            disabled={edit.clear}
            onInput={(e) => onEdit({ value: e.currentTarget.value, clear: false })}
            aria-describedby={[stateId, errId].filter(Boolean).join(' ')}
            aria-invalid={error ? true : undefined}
          />
          {isSet && (
            <button
              type="button"
              class="btn btn--small"
              aria-pressed={edit.clear}
              aria-label={edit.clear ? `Keep ${label.toLowerCase()}` : `Clear ${label.toLowerCase()}`}
              onClick={() => onEdit({ value: '', clear: !edit.clear })}
            >
              {edit.clear ? 'Keep' : 'Clear'}
            </button>
          )}
        </div>
      )}
      {error && (
        <p id={errId} class="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
