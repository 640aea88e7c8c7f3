import type { Role } from './api';

const ROLE_LABELS: Record<Role, string> = { owner: 'Owner', manager: 'Manager', staff: 'Staff' };

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role] ?? role;
}
