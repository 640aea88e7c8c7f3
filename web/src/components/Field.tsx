import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

/** The ids a form control and its hint/error lines share, and the control's aria-describedby. */
export interface FieldIds {
  id: string;
  hintId: string | undefined;
  errId: string | undefined;
  describedBy: string | undefined;
}

export function useFieldIds(hint: string | undefined, error: string | undefined): FieldIds {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errId = error ? `${id}-err` : undefined;
  const describedBy = [hintId, errId].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errId, describedBy };
}

interface FieldNotesProps {
  ids: FieldIds;
  hint?: string | undefined;
  error?: string | undefined;
}

/** The hint and the error line under a control, with the ids its aria-describedby names. */
export function FieldNotes({ ids, hint, error }: FieldNotesProps) {
  return (
    <>
      {hint && (
        <p id={ids.hintId} class="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={ids.errId} class="field__error">
          {error}
        </p>
      )}
    </>
  );
}

interface LabelledFieldProps extends FieldNotesProps {
  label: string;
  /** Marks the label "(optional)". */
  optional: boolean;
  /** The control, whose id is `ids.id`. */
  children: ComponentChildren;
}

/** The wrapper of a labelled control: label above, control, then hint and error lines. */
export function LabelledField({ ids, label, optional, hint, error, children }: LabelledFieldProps) {
  return (
    <div class={error ? 'field field--invalid' : 'field'}>
      <label for={ids.id}>
        {label}
        {optional && <span class="field__optional"> (optional)</span>}
      </label>
      {children}
      <FieldNotes ids={ids} hint={hint} error={error} />
    </div>
  );
}
