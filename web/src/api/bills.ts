import { request } from './http';
import { queryString } from './query';
import type { Bill, BillAnswer, BillWithItems, NewBill } from './customer-types';
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
