import { TRACKING } from './contacts';
import { request } from './http';
import { queryString } from './query';
import type { Schemas } from './schema';

const BASE = `${TRACKING}/pickups`;

/** A medicine a customer asked (by a "keep it ready" reply) to be set aside for them. */
export type Pickup = Schemas['Pickup'];
export type PickupStatus = Schemas['PickupStatus'];
export type PickupList = Schemas['PickupList'];

export interface PickupQuery {
  status?: PickupStatus;
  customer_id?: number;
  limit?: number;
  offset?: number;
}

/** Without a status: the open ones (waiting and ready), oldest first. */
export const listPickups = (query: PickupQuery = {}) => request<PickupList>('GET', `${BASE}${queryString({ ...query })}`);

export const markPickupReady = (id: number) => request<Pickup>('POST', `${BASE}/${id}/ready`, {});

export const cancelPickup = (id: number) => request<Pickup>('POST', `${BASE}/${id}/cancel`, {});
