// The contact list's filters live in the address (so Back, reload and links work).

import type { ContactFilter } from '../../api';

export const FILTER_KEYS = ['status', 'whatsapp_status', 'assigned_staff_id', 'upload_id', 'q', 'follow_up', 'reach'] as const;

export const PAGE_SIZE = 50;

export function filterFromQuery(query: URLSearchParams): ContactFilter {
  const f: ContactFilter = {};
  for (const k of FILTER_KEYS) {
    const v = query.get(k)?.trim();
    if (v) f[k] = v;
  }
  return f;
}

export function offsetFromQuery(query: URLSearchParams): number {
  const n = Number(query.get('offset') ?? '0');
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/** The list's order: the plain one (newest first) or best first (`sort=score`). */
export type ContactOrder = 'newest' | 'score';

export const CONTACT_ORDERS: readonly (readonly [ContactOrder, string])[] = [
  ['newest', 'Newest first'],
  ['score', 'Best first'],
];

export function orderFromQuery(query: URLSearchParams): ContactOrder {
  return query.get('sort') === 'score' ? 'score' : 'newest';
}

/** `/contacts?…` for a filter, page and order. */
export function contactsHref(filter: ContactFilter, offset = 0, order: ContactOrder = 'newest'): string {
  const q = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = filter[k];
    if (v) q.set(k, v);
  }
  if (order !== 'newest') q.set('sort', order);
  if (offset > 0) q.set('offset', String(offset));
  const s = q.toString();
  return s ? `/contacts?${s}` : '/contacts';
}

export function hasFilters(filter: ContactFilter): boolean {
  return FILTER_KEYS.some((k) => !!filter[k]);
}
