// The app's areas, in menu order, and who may see each.

import type { Role } from './api';

export interface NavEntry {
  path: string;
  label: string;
  /** Roles allowed; undefined = everyone. */
  roles?: readonly Role[];
}

export const NAV: readonly NavEntry[] = [
  // The reports; owners and managers land here, staff on My work (see homePath).
  { path: '/dashboard', label: 'Dashboard', roles: ['owner', 'manager'] },
  // The counter first: Billing is the staff role's first entry.
  { path: '/billing', label: 'Billing' },
  { path: '/my-work', label: 'My work' },
  { path: '/refills', label: 'Refills' },
  // Medicines customers asked to be kept ready (a reply to a refill reminder).
  { path: '/keep-ready', label: 'Keep ready' },
  { path: '/contacts', label: 'Contacts' },
  { path: '/customers', label: 'Customers' },
  { path: '/messages', label: 'Messages', roles: ['owner', 'manager'] },
  { path: '/staff', label: 'Staff', roles: ['owner', 'manager'] },
  { path: '/settings', label: 'Settings', roles: ['owner'] },
];

export const ACCOUNT_NAV: readonly NavEntry[] = [{ path: '/account/password', label: 'Change my password' }];

/** Where `/` (and sign-in) leads: the dashboard, or My work for staff. */
export function homePath(role: Role): string {
  return role === 'staff' ? '/my-work' : '/dashboard';
}

export function allowed(entry: NavEntry, role: Role): boolean {
  return !entry.roles || entry.roles.includes(role);
}

export function isActive(entryPath: string, path: string): boolean {
  if (entryPath === '/') return path === '/';
  return path === entryPath || path.startsWith(entryPath + '/');
}
