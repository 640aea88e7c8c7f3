import type { TimeseriesInterval } from '../../api';

const CHOICES: { value: TimeseriesInterval; label: string }[] = [
  { value: 'day', label: 'By day' },
  { value: 'week', label: 'By week' },
];

/** Two buttons, the chosen one pressed. */
export function IntervalToggle({ value, onChange }: { value: TimeseriesInterval; onChange: (v: TimeseriesInterval) => void }) {
  return (
    <div class="toggle" role="group" aria-label="Trend interval">
      {CHOICES.map((c) => (
        <button key={c.value} type="button" class="btn btn--small toggle__btn" aria-pressed={value === c.value} onClick={() => onChange(c.value)}>
          {c.label}
        </button>
      ))}
    </div>
  );
}
