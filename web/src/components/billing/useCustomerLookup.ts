// As the phone is typed: once it has 10 digits, ask the server who it is, with what the counter
// should see (medical notes, open refills, last purchases).

import { useEffect, useState } from 'preact/hooks';
import { ApiError, getCounterView, type CounterView, type Customer } from '../../api';
import { phoneDigits } from './billDraft';

export type Lookup =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'found'; customer: Customer; view: CounterView }
  | { kind: 'new' }
  | { kind: 'invalid'; message: string }
  | { kind: 'error'; message: string };

const WAIT_MS = 250;

export function useCustomerLookup(phone: string): Lookup {
  const [state, setState] = useState<Lookup>({ kind: 'idle' });
  // Spaces and dashes do not change who it is.
  const key = phone.replace(/[^\d+]/g, '');

  useEffect(() => {
    if (phoneDigits(key).length < 10) {
      setState({ kind: 'idle' });
      return;
    }
    let live = true;
    setState({ kind: 'loading' });
    const timer = setTimeout(() => {
      getCounterView(key).then(
        (view) => live && setState({ kind: 'found', customer: view.customer, view }),
        (err: unknown) => {
          if (!live) return;
          if (err instanceof ApiError && err.status === 404) setState({ kind: 'new' });
          else if (err instanceof ApiError && err.status === 422) setState({ kind: 'invalid', message: err.message });
          else setState({ kind: 'error', message: err instanceof Error ? err.message : 'Could not look the number up.' });
        },
      );
    }, WAIT_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);

  return state;
}
