// The one way a form shows what is wrong: its own checks, and a failed request's 422
// `details.fields` next to the fields the form has (the rest in one message above it).

import { useCallback, useState } from 'preact/hooks';
import type { FieldErrors } from './api';
import { NO_ERRORS, focusFirstInvalid, formErrors, type FormErrors } from './forms';

export interface FieldErrorState {
  errors: FormErrors;
  /** The form's own checks failed: shows them (nothing was sent) and puts the cursor in the first. */
  invalid: (fields: FieldErrors, form: EventTarget | null) => void;
  /** A request failed: its field reasons go next to the `known` fields, the rest into the message. */
  failed: (err: unknown, form: EventTarget | null) => void;
  /** Before sending: nothing is wrong yet. */
  clear: () => void;
  /** Sends a form: busy while `work` runs, errors cleared first and shown (as `failed`) if it throws. */
  send: (form: EventTarget | null, setBusy: (busy: boolean) => void, work: () => Promise<void>) => Promise<void>;
  /** For forms that map or edit the errors themselves. */
  setErrors: (next: FormErrors | ((old: FormErrors) => FormErrors)) => void;
}

export function useFieldErrors(known: readonly string[]): FieldErrorState {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const invalid = useCallback((fields: FieldErrors, form: EventTarget | null) => {
    setErrors({ fields, message: null });
    focusFirstInvalid(form);
  }, []);
  const failed = useCallback(
    (err: unknown, form: EventTarget | null) => {
      setErrors(formErrors(err, known));
      focusFirstInvalid(form);
    },
    [known],
  );
  const clear = useCallback(() => setErrors(NO_ERRORS), []);
  const send = useCallback(
    async (form: EventTarget | null, setBusy: (busy: boolean) => void, work: () => Promise<void>) => {
      setBusy(true);
      setErrors(NO_ERRORS);
      try {
        await work();
      } catch (err) {
        failed(err, form);
      } finally {
        setBusy(false);
      }
    },
    [failed],
  );
  return { errors, invalid, failed, clear, send, setErrors };
}
