import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Contact, ContactFilter } from '../../api';

// The server is stood in for by a list of contacts that listContacts filters the way the server does.
const server = vi.hoisted(() => ({ contacts: [] as { status: string; assigned_staff_id: number | null }[], calls: [] as unknown[] }));

vi.mock('../../api', () => ({
  listContacts: vi.fn(async (q: ContactFilter & { limit?: number }) => {
    server.calls.push(q);
    const matches = server.contacts.filter(
      (c) =>
        (!q.status || c.status === q.status) &&
        (!q.assigned_staff_id ||
          (q.assigned_staff_id === 'unassigned' ? c.assigned_staff_id === null : String(c.assigned_staff_id) === q.assigned_staff_id)),
    );
    return { items: matches.slice(0, q.limit), total: matches.length };
  }),
}));

const { filterCandidates, openLoads, pickedCandidates } = await import('./assignCounts');

const contact = (status: string, assigned_staff_id: number | null) => ({ status, assigned_staff_id });

beforeEach(() => {
  server.calls = [];
  server.contacts = [
    contact('pending', 1),
    contact('contacted', 1),
    contact('converted', 1),
    contact('not_interested', 1),
    contact('pending', 2),
    contact('pending', null),
    contact('pending', null),
    contact('contacted', null),
    contact('converted', null),
  ];
});

describe('openLoads', () => {
  it('counts pending plus contacted per person, asking for totals only', async () => {
    const loads = await openLoads([1, 2, 3]);
    expect([...loads]).toEqual([
      [1, 2],
      [2, 1],
      [3, 0],
    ]);
    expect(server.calls.every((q) => (q as { limit?: number }).limit === 1)).toBe(true);
  });
});

describe('filterCandidates', () => {
  it('counts unassigned, not converted contacts when not reassigning', async () => {
    expect(await filterCandidates({}, false)).toBe(3);
    expect(await filterCandidates({ status: 'pending' }, false)).toBe(2);
  });

  it('counts nobody when the filter names a person and reassigning is off', async () => {
    expect(await filterCandidates({ assigned_staff_id: '1' }, false)).toBe(0);
    expect(server.calls).toEqual([]);
  });

  it('counts everyone matching but the converted when reassigning', async () => {
    expect(await filterCandidates({}, true)).toBe(7);
    expect(await filterCandidates({ assigned_staff_id: '1' }, true)).toBe(3);
    expect(await filterCandidates({ assigned_staff_id: 'unassigned' }, false)).toBe(3);
  });

  it('never counts converted contacts', async () => {
    expect(await filterCandidates({ status: 'converted' }, true)).toBe(0);
  });

  it('leaves the caller filter as it was', async () => {
    const f: ContactFilter = { status: 'pending' };
    await filterCandidates(f, false);
    expect(f).toEqual({ status: 'pending' });
  });
});

describe('pickedCandidates', () => {
  const picked = (list: unknown) => list as Contact[];
  it('skips converted contacts, and assigned ones unless reassigning', () => {
    const list = picked([contact('pending', null), contact('pending', 4), contact('converted', null), contact('contacted', null)]);
    expect(pickedCandidates(list, false)).toBe(2);
    expect(pickedCandidates(list, true)).toBe(3);
    expect(pickedCandidates([], true)).toBe(0);
  });
});
