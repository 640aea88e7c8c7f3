// The refill list's filters live in the address (so Back, reload and links work).

import type { RefillFilter } from '../../api';

export const REFILL_FILTER_KEYS = ['from', 'to', 'status', 'medicine'] as const;

export const REFILL_PAGE_SIZE = 50;

export function refillFilterFromQuery(query: URLSearchParams): RefillFilter {
  const f: RefillFilter = {};
  for (const k of REFILL_FILTER_KEYS) {
    const v = query.get(k)?.trim();
    if (v) f[k] = v;
  }
  return f;
}

/** `/refills?…` for a filter and page. */
export function refillsHref(filter: RefillFilter, offset = 0): string {
  const q = new URLSearchParams();
  for (const k of REFILL_FILTER_KEYS) {
    const v = filter[k];
    if (v) q.set(k, v);
  }
  if (offset > 0) q.set('offset', String(offset));
  const s = q.toString();
  return s ? `/refills?${s}` : '/refills';
}

/** No date or status: the server's default list (pending, due today or earlier). */
export function isDailyList(filter: RefillFilter): boolean {
  return !filter.from && !filter.to && !filter.status;
}
