import { TRACKING } from './contacts';
import { request } from './http';
import { queryString } from './query';
import type { RefillChannel, RefillFilter, RefillPage, RefillReminder, RefillResponse } from './customer-types';

const BASE = `${TRACKING}/refill-reminders`;

export interface RefillPageQuery extends RefillFilter {
  customer_id?: number;
  /** `remind_on` (the default) or `risk`: highest lapse risk first, unscored ones last. */
  sort?: 'remind_on' | 'risk';
  limit?: number;
  offset?: number;
}

/** Without filters: pending reminders due today or earlier. */
export const listRefills = (query: RefillPageQuery = {}) => request<RefillPage>('GET', `${BASE}${queryString({ ...query })}`);

const withNote = (note: string) => (note.trim() ? { note: note.trim() } : {});

export const markRefillSent = (id: number, channel: RefillChannel, note = '') =>
  request<RefillReminder>('POST', `${BASE}/${id}/mark-sent`, { channel, ...withNote(note) });

export const recordRefillResponse = (id: number, response: RefillResponse, note = '') =>
  request<RefillReminder>('POST', `${BASE}/${id}/response`, { response, ...withNote(note) });

export const cancelRefill = (id: number) => request<RefillReminder>('POST', `${BASE}/${id}/cancel`, {});
