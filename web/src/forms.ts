// Turning a failed request into what a form shows: errors next to the fields
// the form has, and one message for everything else.

import { ApiError, type FieldErrors } from './api';

export interface FormErrors {
  fields: FieldErrors;
  message: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, message: null };

export function formErrors(err: unknown, known: readonly string[]): FormErrors {
  if (!(err instanceof ApiError)) {
    return { fields: {}, message: err instanceof Error ? err.message : 'Something went wrong.' };
  }
  const fields: FieldErrors = {};
  const others: string[] = [];
  for (const [name, reason] of Object.entries(err.fields)) {
    if (known.includes(name)) fields[name] = reason;
    else others.push(`${name}: ${reason}`);
  }
  let message: string | null = null;
  if (Object.keys(fields).length === 0 || others.length > 0) {
    message = others.length > 0 ? `${err.message} (${others.join('; ')})` : err.message;
  }
  return { fields, message };
}

export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const MIN_PASSWORD = 12;
/** A password's length as the server counts it: characters (code points), not UTF-16 units. */
export function passwordLength(password: string): number {
  return [...password].length;
}

/** After a failed submit, put the cursor in the first field marked invalid. */
export function focusFirstInvalid(form: EventTarget | null): void {
  if (!(form instanceof HTMLFormElement)) return;
  requestAnimationFrame(() => {
    const el = form.querySelector<HTMLElement>('[aria-invalid="true"]');
    el?.focus();
  });
}
