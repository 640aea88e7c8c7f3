import { useEffect, useState } from 'preact/hooks';
import { CONTACT_STATUSES, WHATSAPP_STATUSES, type ContactFilter, type StaffMember, type Upload } from '../../api';
import { ClearFiltersButton, FilterSearch } from '../FilterBar';
import { FilterSelect } from '../FilterSelect';
import { SelectField } from '../SelectField';
import { FILTER_KEYS, hasFilters } from './filters';
import { REACH_CODES, REACH_LABELS, STATUS_LABELS, WHATSAPP_LABELS } from './labels';

const FOLLOW_UP_CODES = ['due', 'overdue'] as const;
const FOLLOW_UP_LABELS = { due: 'Due', overdue: 'Overdue' };

interface ContactFiltersProps {
  filter: ContactFilter;
  onChange: (f: ContactFilter) => void;
  /** Managers filter by assignee and upload; staff see only their own contacts. */
  staff: StaffMember[] | null;
  uploads: Upload[] | null;
}

/** Search box, then the other filters (folded away on phones until opened). */
export function ContactFilters({ filter, onChange, staff, uploads }: ContactFiltersProps) {
  const [q, setQ] = useState(filter.q ?? '');
  useEffect(() => setQ(filter.q ?? ''), [filter.q]);
  const set = (key: keyof ContactFilter, value: string) => onChange({ ...filter, [key]: value || undefined });
  const active = FILTER_KEYS.filter((k) => k !== 'q' && !!filter[k]).length;

  return (
    <div class="filters">
      <FilterSearch value={q} onValue={setQ} onSearch={(v) => set('q', v)} />
      <details class="filters__more">
        <summary>
          Filters{active > 0 ? ` (${active} on)` : ''}
        </summary>
        <div class="filters__grid">
          <FilterSelect label="Status" name="status" value={filter.status ?? ''} onValue={(v) => set('status', v)} any="Any status" codes={CONTACT_STATUSES} labels={STATUS_LABELS} />
          <FilterSelect label="WhatsApp" name="whatsapp_status" value={filter.whatsapp_status ?? ''} onValue={(v) => set('whatsapp_status', v)} any="Any" codes={WHATSAPP_STATUSES} labels={WHATSAPP_LABELS} />
          {staff && (
            <SelectField label="Assigned to" name="assigned_staff_id" value={filter.assigned_staff_id ?? ''} onValue={(v) => set('assigned_staff_id', v)}>
              <option value="">Anyone</option>
              <option value="unassigned">Unassigned</option>
              {staff.map((s) => (
                <option key={s.id} value={String(s.id)}>
                  {s.name}
                  {s.active ? '' : ' (inactive)'}
                </option>
              ))}
            </SelectField>
          )}
          {uploads && (
            <SelectField label="Upload" name="upload_id" value={filter.upload_id ?? ''} onValue={(v) => set('upload_id', v)}>
              <option value="">Any upload</option>
              {uploads.map((u) => (
                <option key={u.id} value={String(u.id)}>
                  #{u.id} {u.file_name}
                </option>
              ))}
            </SelectField>
          )}
          <FilterSelect label="Follow-up" name="follow_up" value={filter.follow_up ?? ''} onValue={(v) => set('follow_up', v)} any="Any" codes={FOLLOW_UP_CODES} labels={FOLLOW_UP_LABELS} />
          <FilterSelect label="Calls" name="reach" value={filter.reach ?? ''} onValue={(v) => set('reach', v)} any="Still to call" codes={REACH_CODES} labels={REACH_LABELS} />
        </div>
        {hasFilters(filter) && (
          <ClearFiltersButton
            onClear={() => {
              setQ('');
              onChange({});
            }}
          />
        )}
      </details>
    </div>
  );
}
