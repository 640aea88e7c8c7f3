// The one way a page or panel loads what it shows: the answer or an error message, dropped
// when an answer comes back for a key the page has since left.

import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './api';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
}

export interface LoadOptions {
  /** The message when the failure carries none (not an Error). */
  failure: string;
  /** The message for a 404 (a record that does not exist or is not the person's to see). */
  notFound?: string;
  /** Keep showing the last answer while a new key loads, and after a failed load (lists with filters). */
  keep?: boolean;
}

export interface LoadedState<T> extends Loaded<T> {
  /** Loads the same key again; the answer on screen stays until the new one arrives. */
  reload: () => void;
  /** Changes the answer on screen in place (a worked row keeps its place until the next load). */
  update: (change: (data: T) => T) => void;
}

/** The error text a load shows for `err`. */
export function loadError(err: unknown, options: LoadOptions): string {
  if (options.notFound && err instanceof ApiError && err.status === 404) return options.notFound;
  return err instanceof Error ? err.message : options.failure;
}

/** Calls `load` when `key` changes or on `reload()`; a new key drops the old answer unless `keep`. */
export function useLoaded<T>(load: () => Promise<T>, key: string, options: LoadOptions): LoadedState<T> {
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null });
  const [round, setRound] = useState(0);
  const shownKey = useRef(key);

  useEffect(() => {
    let live = true;
    const keepData = options.keep || shownKey.current === key;
    shownKey.current = key;
    setState((s) => ({ data: keepData ? s.data : null, error: null }));
    load().then(
      (data) => live && setState({ data, error: null }),
      (err: unknown) => live && setState((s) => ({ data: options.keep ? s.data : null, error: loadError(err, options) })),
    );
    return () => {
      live = false;
    };
  }, [key, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  const update = useCallback((change: (data: T) => T) => setState((s) => (s.data === null ? s : { ...s, data: change(s.data) })), []);
  return { ...state, reload, update };
}
