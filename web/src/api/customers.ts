import { TRACKING } from './contacts';
import { request } from './http';
import { queryString } from './query';
import type { Customer, CustomerDetail, CustomerFields, CustomerFilter, CustomerSummary } from './customer-types';
import type { ItemList } from './types';

export interface CustomerPageQuery extends CustomerFilter {
  limit?: number;
  offset?: number;
}

export const listCustomers = (query: CustomerPageQuery) =>
  request<ItemList<CustomerSummary>>('GET', `${TRACKING}/customers${queryString({ ...query })}`);

export const getCustomer = (id: number) => request<CustomerDetail>('GET', `${TRACKING}/customers/${id}`);

/** The customer with this phone (any spelling): 404 when none, 422 when it is not a phone number. */
export const findCustomerByPhone = (phone: string) =>
  request<Customer>('GET', `${TRACKING}/customers/phone/${encodeURIComponent(phone)}`);

export const updateCustomer = (id: number, changes: CustomerFields) =>
  request<Customer>('PUT', `${TRACKING}/customers/${id}`, changes);
