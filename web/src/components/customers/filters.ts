// The customer list's filters live in the address (so Back, reload and links work).

import type { CustomerFilter } from '../../api';

export const CUSTOMER_FILTER_KEYS = ['q', 'category', 'chronic_condition', 'prefers_generic', 'has_due_refill'] as const;

export const CUSTOMER_PAGE_SIZE = 50;

export function customerFilterFromQuery(query: URLSearchParams): CustomerFilter {
  const f: CustomerFilter = {};
  for (const k of CUSTOMER_FILTER_KEYS) {
    const v = query.get(k)?.trim();
    if (v) f[k] = v;
  }
  return f;
}

/** `/customers?…` for a filter and page. */
export function customersHref(filter: CustomerFilter, offset = 0): string {
  const q = new URLSearchParams();
  for (const k of CUSTOMER_FILTER_KEYS) {
    const v = filter[k];
    if (v) q.set(k, v);
  }
  if (offset > 0) q.set('offset', String(offset));
  const s = q.toString();
  return s ? `/customers?${s}` : '/customers';
}
