interface FormActionsProps {
  /** The submit button's text while idle. */
  label: string;
  /** The submit button's text while the form is being sent. */
  busyLabel?: string;
  busy: boolean;
  /** false for a secondary (non-primary) submit button. */
  primary?: boolean;
  /** When given, a Cancel button follows the submit button. */
  onCancel?: () => void;
}

/** The row of buttons that ends a form: submit (disabled while busy) and an optional Cancel. */
export function FormActions({ label, busyLabel = 'Saving…', busy, primary = true, onCancel }: FormActionsProps) {
  return (
    <div class="form__actions">
      <button type="submit" class={primary ? 'btn btn--primary' : 'btn'} disabled={busy}>
        {busy ? busyLabel : label}
      </button>
      {onCancel && (
        <button type="button" class="btn" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      )}
    </div>
  );
}
