// Counts the assign dialog's preview needs, read with cheap list calls (limit=1, total only).

import { listContacts, type Contact, type ContactFilter } from '../../api';

const totalOf = async (f: ContactFilter) => (await listContacts({ ...f, limit: 1 })).total;

/** Open (pending + contacted) contacts each person holds now. */
export async function openLoads(staffIds: number[]): Promise<Map<number, number>> {
  const pairs = await Promise.all(
    staffIds.map(async (id) => {
      const who = String(id);
      const [p, c] = await Promise.all([
        totalOf({ assigned_staff_id: who, status: 'pending' }),
        totalOf({ assigned_staff_id: who, status: 'contacted' }),
      ]);
      return [id, p + c] as const;
    }),
  );
  return new Map(pairs);
}

/** How many contacts matching `filter` the server would hand out (converted ones never are). */
export async function filterCandidates(filter: ContactFilter, reassign: boolean): Promise<number> {
  const f: ContactFilter = { ...filter };
  if (!reassign) {
    if (f.assigned_staff_id && f.assigned_staff_id !== 'unassigned') return 0;
    f.assigned_staff_id = 'unassigned';
  }
  if (f.status === 'converted') return 0;
  if (f.status) return totalOf(f);
  const [all, converted] = await Promise.all([totalOf(f), totalOf({ ...f, status: 'converted' })]);
  return all - converted;
}

/** Of the picked contacts, those the server would hand out. */
export function pickedCandidates(picked: Contact[], reassign: boolean): number {
  return picked.filter((c) => c.status !== 'converted' && (reassign || c.assigned_staff_id === null)).length;
}
