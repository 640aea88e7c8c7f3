import { describe, expect, it } from 'vitest';
import type { StaffMember } from '../../api';
import { assigneeLabel, isAway } from './assignees';

const member = (over: Partial<StaffMember>): StaffMember => ({
  id: 1,
  shop_id: 1,
  name: 'Priya',
  email: 'p@example.com',
  role: 'staff',
  phone: null,
  active: true,
  created_at: '2026-01-01T00:00:00+05:30',
  max_open_contacts: null,
  away_from: null,
  away_until: null,
  ...over,
});

describe('isAway', () => {
  it('counts both days of the leave and open ends', () => {
    expect(isAway(member({ away_from: '2026-12-01', away_until: '2026-12-03' }), '2026-12-01')).toBe(true);
    expect(isAway(member({ away_from: '2026-12-01', away_until: '2026-12-03' }), '2026-12-03')).toBe(true);
    expect(isAway(member({ away_from: '2026-12-01', away_until: '2026-12-03' }), '2026-12-04')).toBe(false);
    expect(isAway(member({ away_from: '2026-12-01' }), '2027-01-01')).toBe(true);
    expect(isAway(member({ away_until: '2026-12-01' }), '2026-12-02')).toBe(false);
    expect(isAway(member({}), '2026-12-02')).toBe(false);
  });
});

describe('assigneeLabel', () => {
  it('shows load against capacity and leave', () => {
    expect(assigneeLabel(member({ max_open_contacts: 10 }), 3, '2026-12-02')).toBe('Priya (3 open / 10)');
    expect(assigneeLabel(member({}), 3, '2026-12-02')).toBe('Priya (3 open)');
    expect(assigneeLabel(member({ away_from: '2026-12-01', away_until: '2026-12-05' }), 0, '2026-12-02')).toBe(
      'Priya (0 open · away until 2026-12-05)',
    );
    expect(assigneeLabel(member({}), undefined, '2026-12-02')).toBe('Priya');
  });
});
