import { request } from './http';
import { queryString } from './query';
import { TRACKING } from './contacts';
import type { Bill, BillAnswer, BillWithItems, NewBill } from './customer-types';
import type { Schemas } from './schema';
import type { ItemList } from './types';

export const createBill = (body: NewBill) => request<BillAnswer>('POST', '/api/bills', body);

export interface BillQuery {
  from?: string;
  to?: string;
  customer_id?: number;
  staff_id?: number;
  limit?: number;
  offset?: number;
}

export const listBills = (query: BillQuery) => request<ItemList<Bill>>('GET', `/api/bills${queryString({ ...query })}`);

export const getBill = (id: number) => request<BillWithItems>('GET', `/api/bills/${id}`);

/** What the counter sees once the phone finds a customer: the customer (with allergies,
 * conditions and notes, shown highlighted), open refill reminders soonest first, the last five purchases. */
export type CounterView = Schemas['CounterView'];

/** The customer with this phone (any spelling) as the counter sees them: 404 when none, 422 when it is not a phone number. */
export const getCounterView = (phone: string) => request<CounterView>('GET', `${TRACKING}/counter/${encodeURIComponent(phone)}`);
