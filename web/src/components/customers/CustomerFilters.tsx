import { useEffect, useState } from 'preact/hooks';
import type { CustomerCategory, CustomerFilter } from '../../api';
import { ClearFiltersButton, FilterSearch } from '../FilterBar';
import { FilterSelect } from '../FilterSelect';
import { TextField } from '../TextField';
import { CategorySelect } from './CategorySelect';
import { CUSTOMER_FILTER_KEYS } from './filters';

const YES_NO = ['true', 'false'] as const;
const PREFERS_GENERIC_LABELS = { true: 'Yes', false: 'No' };
const DUE_REFILL_LABELS = { true: 'Has a refill due', false: 'No refill due' };

interface CustomerFiltersProps {
  filter: CustomerFilter;
  onChange: (f: CustomerFilter) => void;
}

/** Search by phone or name, then category, condition, generic preference, refill due. */
export function CustomerFilters({ filter, onChange }: CustomerFiltersProps) {
  const [q, setQ] = useState(filter.q ?? '');
  const [condition, setCondition] = useState(filter.chronic_condition ?? '');
  useEffect(() => setQ(filter.q ?? ''), [filter.q]);
  useEffect(() => setCondition(filter.chronic_condition ?? ''), [filter.chronic_condition]);
  const set = (key: keyof CustomerFilter, value: string) => onChange({ ...filter, [key]: value || undefined });
  // The condition applies a moment after typing stops (or at once on Enter).
  useEffect(() => {
    if (condition.trim() === (filter.chronic_condition ?? '')) return;
    const timer = setTimeout(() => set('chronic_condition', condition.trim()), 700);
    return () => clearTimeout(timer);
  }, [condition]);
  const active = CUSTOMER_FILTER_KEYS.filter((k) => k !== 'q' && !!filter[k]).length;

  return (
    <div class="filters">
      <FilterSearch value={q} onValue={setQ} onSearch={(v) => set('q', v)} />
      <details class="filters__more" open={active > 0}>
        <summary>Filters{active > 0 ? ` (${active} on)` : ''}</summary>
        <div class="filters__grid">
          <CategorySelect label="Category" value={(filter.category ?? '') as CustomerCategory | ''} onValue={(v) => set('category', v)} empty="Any category" />
          <form
            class="filters__condition"
            onSubmit={(e) => {
              e.preventDefault();
              set('chronic_condition', condition.trim());
            }}
          >
            <TextField label="Chronic condition" name="chronic_condition" value={condition} onValue={setCondition} hint="e.g. diabetes." noOptionalMark />
          </form>
          <FilterSelect label="Prefers generic" name="prefers_generic" value={filter.prefers_generic ?? ''} onValue={(v) => set('prefers_generic', v)} any="Any" codes={YES_NO} labels={PREFERS_GENERIC_LABELS} />
          <FilterSelect label="Refill due" name="has_due_refill" value={filter.has_due_refill ?? ''} onValue={(v) => set('has_due_refill', v)} any="Any" codes={YES_NO} labels={DUE_REFILL_LABELS} />
        </div>
        {active > 0 && (
          <ClearFiltersButton
            onClear={() => {
              setQ('');
              setCondition('');
              onChange({});
            }}
          />
        )}
      </details>
    </div>
  );
}
