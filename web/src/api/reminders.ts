import { TRACKING } from './contacts';
import { request } from './http';
import { queryString } from './query';
import type { FollowUp, FollowUpDue } from './tracking-types';
import type { ItemList } from './types';

export const listFollowUps = (due: FollowUpDue, opts: { staff_id?: string; limit?: number; offset?: number } = {}) =>
  request<ItemList<FollowUp>>('GET', `${TRACKING}/reminders${queryString({ due, ...opts })}`);

export const markFollowUpDone = (id: number) => request<FollowUp>('POST', `${TRACKING}/reminders/${id}/done`, {});
