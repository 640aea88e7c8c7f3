import { request } from './http';
import type { ItemList, NewStaff, StaffChanges, StaffMember } from './types';

export const listStaff = () => request<ItemList<StaffMember>>('GET', '/api/staff');

export const getStaff = (id: number) => request<StaffMember>('GET', `/api/staff/${id}`);

export const createStaff = (body: NewStaff) => request<StaffMember>('POST', '/api/staff', body);

export const updateStaff = (id: number, changes: StaffChanges) =>
  request<StaffMember>('PUT', `/api/staff/${id}`, changes);

/** Active staff only (the assign dialog's choices). */
export const listActiveStaff = () => request<ItemList<StaffMember>>('GET', '/api/staff?active=true');
