import { request } from './http';
import { queryString } from './query';
import type {
  AssignAnswer,
  AssignRequest,
  Contact,
  ContactChanges,
  ContactDetail,
  ContactFilter,
  FollowUp,
  Interaction,
  NewFollowUp,
  NewInteraction,
} from './tracking-types';
import type { Schemas } from './schema';
import type { ItemList } from './types';

export const TRACKING = '/api/customer-tracking';

export interface ContactPageQuery extends ContactFilter {
  sort?: string;
  limit?: number;
  offset?: number;
}

export const listContacts = (query: ContactPageQuery) =>
  request<ItemList<Contact>>('GET', `${TRACKING}/contacts${queryString({ ...query })}`);

export const getContact = (id: number) => request<ContactDetail>('GET', `${TRACKING}/contacts/${id}`);

export const updateContact = (id: number, changes: ContactChanges) =>
  request<Contact>('PUT', `${TRACKING}/contacts/${id}`, changes);

export const addInteraction = (id: number, body: NewInteraction) =>
  request<Interaction>('POST', `${TRACKING}/contacts/${id}/interactions`, body);

/** A page of the contact's interactions, newest first. */
export const listInteractions = (id: number, limit: number, offset: number) =>
  request<ItemList<Interaction>>('GET', `${TRACKING}/contacts/${id}/interactions${queryString({ limit, offset })}`);

export const addFollowUp = (id: number, body: NewFollowUp) =>
  request<FollowUp>('POST', `${TRACKING}/contacts/${id}/reminders`, body);

export const markYellow = (id: number, note?: string) =>
  request<Contact>('POST', `${TRACKING}/contacts/${id}/mark-yellow`, note ? { note } : {});

export const assignContacts = (body: AssignRequest) => request<AssignAnswer>('POST', `${TRACKING}/contacts/assign`, body);

/** Owner only: allow calls and messages again to a contact marked do-not-call (and its customer). */
export const liftContactDoNotContact = (id: number) =>
  request<Schemas['DoNotContactLifted']>('DELETE', `${TRACKING}/contacts/${id}/do-not-contact`);

/** Owner only: the same from the customer's side. */
export const liftCustomerDoNotContact = (id: number) =>
  request<Schemas['DoNotContactLifted']>('DELETE', `${TRACKING}/customers/${id}/do-not-contact`);
