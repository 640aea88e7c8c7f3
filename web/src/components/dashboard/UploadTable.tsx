import type { UploadConversion } from '../../api';
import { formatCount, formatDay, formatPercent } from '../../datetime';
import { formatRupees } from '../../money';

const COUNTS: { key: 'total' | 'pending' | 'contacted' | 'converted' | 'yellow'; label: string }[] = [
  { key: 'total', label: 'Contacts' },
  { key: 'pending', label: 'Pending' },
  { key: 'contacted', label: 'Contacted' },
  { key: 'converted', label: 'Converted' },
  { key: 'yellow', label: 'Yellow' },
];

/** Per uploaded sheet, newest first; on a phone the table scrolls sideways inside its box. */
export function UploadTable({ rows, zone }: { rows: UploadConversion[]; zone?: string | null | undefined }) {
  if (rows.length === 0) return <p class="muted">No sheets uploaded.</p>;
  return (
    <div class="table-wrap staff-table" tabIndex={0} role="region" aria-label="Per upload (scrolls sideways)">
      <table class="table">
        <caption class="visually-hidden">Contacts, conversions and value per uploaded sheet</caption>
        <thead>
          <tr>
            <th scope="col">Sheet</th>
            <th scope="col">Uploaded</th>
            {COUNTS.map((c) => (
              <th scope="col" class="num" key={c.key}>
                {c.label}
              </th>
            ))}
            <th scope="col" class="num">
              Rate
            </th>
            <th scope="col" class="num">
              Value
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr key={u.upload_id}>
              <th scope="row">{u.file_name}</th>
              <td>{formatDay(u.uploaded_at, zone)}</td>
              {COUNTS.map((c) => (
                <td class="num" key={c.key}>
                  {formatCount(u[c.key])}
                </td>
              ))}
              <td class="num">{formatPercent(u.conversion_rate)}</td>
              <td class="num">{formatRupees(u.conversion_value_paise)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
