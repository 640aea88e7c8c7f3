import { useEffect, useState } from 'preact/hooks';
import { REFILL_STATUSES, type RefillFilter } from '../../api';
import { addDays } from '../../datetime';
import { SelectField } from '../SelectField';
import { TextField } from '../TextField';
import { REFILL_STATUS_LABELS } from './labels';

interface RefillFiltersProps {
  filter: RefillFilter;
  /** The shop's today, for the "next 7 days" shortcut. */
  today: string | null;
  onChange: (f: RefillFilter) => void;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Look back or ahead: remind-on dates from/to, status, medicine. Folded away until opened. */
export function RefillFilters({ filter, today, onChange }: RefillFiltersProps) {
  const [from, setFrom] = useState(filter.from ?? '');
  const [to, setTo] = useState(filter.to ?? '');
  const [status, setStatus] = useState(filter.status ?? '');
  const [medicine, setMedicine] = useState(filter.medicine ?? '');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setFrom(filter.from ?? '');
    setTo(filter.to ?? '');
    setStatus(filter.status ?? '');
    setMedicine(filter.medicine ?? '');
  }, [filter.from, filter.to, filter.status, filter.medicine]);
  const active = [filter.from, filter.to, filter.status, filter.medicine].filter(Boolean).length;

  const onSubmit = (e: Event) => {
    e.preventDefault();
    if ((from && !DATE_RE.test(from)) || (to && !DATE_RE.test(to))) {
      setError('Choose whole dates.');
      return;
    }
    if (from && to && from > to) {
      setError('"From" must be on or before "To".');
      return;
    }
    setError(null);
    const f: RefillFilter = {};
    if (from) f.from = from;
    if (to) f.to = to;
    if (status) f.status = status;
    if (medicine.trim()) f.medicine = medicine.trim();
    onChange(f);
  };

  return (
    <details class="filters__more filters--refills" open={active > 0}>
      <summary>Look back or ahead{active > 0 ? ` (${active} on)` : ''}</summary>
      <form class="form" onSubmit={onSubmit} noValidate aria-label="Refill filters">
        <div class="filters__grid">
          <TextField label="Remind from" name="from" type="date" value={from} onValue={setFrom} noOptionalMark />
          <TextField label="Remind to" name="to" type="date" value={to} onValue={setTo} noOptionalMark />
          <SelectField label="Status" name="status" value={status} onValue={setStatus}>
            <option value="">{from || to ? 'Any status' : 'To remind'}</option>
            {REFILL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {REFILL_STATUS_LABELS[s]}
              </option>
            ))}
          </SelectField>
          <TextField label="Medicine" name="medicine" value={medicine} onValue={setMedicine} noOptionalMark />
        </div>
        {error && (
          <p class="field__error" role="alert">
            {error}
          </p>
        )}
        <div class="form__actions">
          <button type="submit" class="btn btn--primary">
            Show
          </button>
          {today && (
            <button type="button" class="btn" onClick={() => onChange({ from: addDays(today, 1), to: addDays(today, 7) })}>
              Next 7 days
            </button>
          )}
          {active > 0 && (
            <button type="button" class="btn" onClick={() => onChange({})}>
              Today’s list
            </button>
          )}
        </div>
      </form>
    </details>
  );
}
