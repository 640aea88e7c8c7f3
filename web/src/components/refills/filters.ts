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

/** The list's order: due first (the server's default, by remind-on date) or most at risk first (`sort=risk`). */
export type RefillOrder = 'remind_on' | 'risk';

export const REFILL_ORDERS: readonly (readonly [RefillOrder, string])[] = [
  ['remind_on', 'Due first'],
  ['risk', 'Most at risk first'],
];

export function refillOrderFromQuery(query: URLSearchParams): RefillOrder {
  return query.get('sort') === 'risk' ? 'risk' : 'remind_on';
}

/** `/refills?…` for a filter, page and order. */
export function refillsHref(filter: RefillFilter, offset = 0, order: RefillOrder = 'remind_on'): string {
  const q = new URLSearchParams();
  for (const k of REFILL_FILTER_KEYS) {
    const v = filter[k];
    if (v) q.set(k, v);
  }
  if (order !== 'remind_on') q.set('sort', order);
  if (offset > 0) q.set('offset', String(offset));
  const s = q.toString();
  return s ? `/refills?${s}` : '/refills';
}

/** No date or status: the server's default list (pending, due today or earlier). */
export function isDailyList(filter: RefillFilter): boolean {
  return !filter.from && !filter.to && !filter.status;
}
