// What the assign dialog says about each staff member: open contacts held against capacity, and
// whether they are away today (shop-local dates, as the server decides).

import type { StaffMember } from '../../api';

/** Whether `today` (YYYY-MM-DD) falls in the member's leave, both days included. */
export function isAway(member: Pick<StaffMember, 'away_from' | 'away_until'>, today: string): boolean {
  const { away_from: from, away_until: until } = member;
  if (!from && !until) return false;
  return (!from || from <= today) && (!until || today <= until);
}

/** "3 open / 10", "3 open" without a limit, plus " · away until 2026-12-24" while away. */
export function assigneeLabel(member: StaffMember, open: number | undefined, today: string): string {
  const load = open === undefined ? '' : member.max_open_contacts === null ? `${open} open` : `${open} open / ${member.max_open_contacts}`;
  const away = isAway(member, today) ? (member.away_until ? `away until ${member.away_until}` : 'away') : '';
  const facts = [load, away].filter(Boolean).join(' · ');
  return facts ? `${member.name} (${facts})` : member.name;
}
