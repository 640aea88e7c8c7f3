// A form that, once sent, shows a success line above it (and stays open for the next entry).

import { useState } from 'preact/hooks';
import { useFieldErrors } from './useFieldErrors';

export function useNoticeForm(known: readonly string[]) {
  const { errors, invalid, send } = useFieldErrors(known);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The form's submit handler: the last success line goes, then `handle` gets the form. */
  const submitting = (handle: (form: EventTarget | null) => Promise<void>) => async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget;
    setDone(null);
    await handle(form);
  };
  /** Sends as `useFieldErrors().send` does, busy while `work` runs. */
  const sendForm = (form: EventTarget | null, work: () => Promise<void>) => send(form, setBusy, work);
  return { errors, invalid, done, setDone, busy, submitting, send: sendForm };
}
