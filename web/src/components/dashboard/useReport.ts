import { useLoaded, type Loaded } from '../../useLoaded';

export type { Loaded } from '../../useLoaded';

/** Loads a report when `key` changes (the old answer is dropped meanwhile). */
export function useReport<T>(load: () => Promise<T>, key: string): Loaded<T> {
  return useLoaded(load, key, { failure: 'Could not load the report.' });
}
