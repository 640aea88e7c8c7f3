import type { StaffConversion } from '../../api';
import { formatCount } from '../../datetime';
import { formatRupees } from '../../money';

const COUNTS: { key: Exclude<keyof StaffConversion, 'staff_id' | 'name' | 'conversion_value_paise'>; label: string }[] = [
  { key: 'assigned', label: 'Assigned' },
  { key: 'contacted', label: 'Contacted' },
  { key: 'converted', label: 'Converted' },
  { key: 'yellow', label: 'Yellow' },
];

/** Per staff member; on a phone the table scrolls sideways inside its box, the names stay put. */
export function StaffTable({ rows }: { rows: StaffConversion[] }) {
  if (rows.length === 0) return <p class="muted">No staff members yet.</p>;
  return (
    <div class="table-wrap staff-table" tabIndex={0} role="region" aria-label="Per staff member (scrolls sideways)">
      <table class="table">
        <caption class="visually-hidden">Contacts and follow-ups per staff member</caption>
        <thead>
          <tr>
            <th scope="col">Staff</th>
            {COUNTS.map((c) => (
              <th scope="col" class="num" key={c.key}>
                {c.label}
              </th>
            ))}
            <th scope="col" class="num">
              Value
            </th>
            <th scope="col" class="num">
              Interactions
            </th>
            <th scope="col" class="num">
              Overdue follow-ups
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.staff_id}>
              <th scope="row">{r.name}</th>
              {COUNTS.map((c) => (
                <td class="num" key={c.key}>
                  {formatCount(r[c.key])}
                </td>
              ))}
              <td class="num">{formatRupees(r.conversion_value_paise)}</td>
              <td class="num">{formatCount(r.interactions)}</td>
              <td class={r.follow_ups_overdue > 0 ? 'num overdue' : 'num'}>{formatCount(r.follow_ups_overdue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
