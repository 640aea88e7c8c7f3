import { ROLES, type Role } from '../../api';

/** Roles a person may hand out: a manager may not create or promote owners. */
export function assignableRoles(myRole: Role): Role[] {
  if (myRole === 'owner') return [...ROLES];
  if (myRole === 'manager') return ['manager', 'staff'];
  return [];
}
