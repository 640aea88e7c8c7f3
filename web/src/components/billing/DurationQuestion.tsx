import { useEffect, useRef } from 'preact/hooks';
import { TextField } from '../TextField';
import { MAX_DAYS, type ItemDraft } from './billDraft';

interface DurationQuestionProps {
  items: ItemDraft[];
  /** Rows (indexes into `items`) without a duration. */
  rows: number[];
  onDays: (row: number, days: string) => void;
  /** Save with the days typed; rows still empty are recorded as skipped. */
  onSave: () => void;
  /** Save without the days: every row asked about is recorded as skipped. */
  onSkip: () => void;
  busy: boolean;
}

/**
 * Asked once before a bill with a medicine but no duration is saved (training point 6:
 * "always ask medicine duration for refill reminders"). Skipping is allowed and recorded.
 */
export function DurationQuestion({ items, rows, onDays, onSave, onSkip, busy }: DurationQuestionProps) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);
  return (
    <section ref={ref} class="duration-question" role="region" aria-labelledby="duration-question-title">
      <h2 id="duration-question-title">How many days will this last?</h2>
      <p class="field__hint">A duration gives the customer a refill reminder before the medicine runs out.</p>
      {rows.map((row) => {
        const item = items[row];
        if (!item) return null;
        return (
          <TextField
            key={item.key}
            label={`Days for ${item.medicine.trim()}`}
            name={`duration-question.${row}`}
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_DAYS}
            value={item.days}
            onValue={(v) => onDays(row, v)}
            noOptionalMark
          />
        );
      })}
      <div class="form__actions">
        <button type="button" class="btn btn--primary" onClick={onSave} disabled={busy}>
          {busy ? 'Saving…' : 'Save with these days'}
        </button>
        <button type="button" class="btn" onClick={onSkip} disabled={busy}>
          Skip, save without days
        </button>
      </div>
    </section>
  );
}
