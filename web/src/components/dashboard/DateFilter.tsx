import { useEffect, useState } from 'preact/hooks';
import type { ReportWindow } from '../../api';
import { TextField } from '../TextField';
import { defaultWindow, isChosen, windowProblem } from './reportWindow';

interface DateFilterProps {
  value: ReportWindow;
  zone: string | null | undefined;
  onChange: (w: ReportWindow) => void;
}

/** From / to dates for the reports that take them; "Last 30 days" goes back to the default. */
export function DateFilter({ value, zone, onChange }: DateFilterProps) {
  const shown = () => ({ ...defaultWindow(zone), ...value });
  const [from, setFrom] = useState(shown().from);
  const [to, setTo] = useState(shown().to);
  const [problem, setProblem] = useState<ReturnType<typeof windowProblem>>(null);

  // Back / Forward change the address: show its dates.
  useEffect(() => {
    const w = shown();
    setFrom(w.from);
    setTo(w.to);
    setProblem(null);
  }, [value.from, value.to, zone]);

  const apply = (e: Event) => {
    e.preventDefault();
    const p = windowProblem(from, to);
    setProblem(p);
    if (!p) onChange({ from, to });
  };

  return (
    <form class="date-filter" aria-label="Report dates" onSubmit={apply} noValidate>
      <TextField label="From" name="from" type="date" value={from} onValue={setFrom} required error={problem?.field === 'from' ? problem.message : undefined} />
      <TextField label="To" name="to" type="date" value={to} onValue={setTo} required error={problem?.field === 'to' ? problem.message : undefined} />
      <div class="date-filter__actions">
        <button type="submit" class="btn btn--primary">
          Show
        </button>
        {isChosen(value) && (
          <button type="button" class="btn" onClick={() => onChange({})}>
            Last 30 days
          </button>
        )}
      </div>
    </form>
  );
}
