import { useId } from 'preact/hooks';

interface ContactedQuestionProps {
  value: '' | 'yes' | 'no';
  onValue: (v: 'yes' | 'no') => void;
  error?: string | undefined;
}

/** "Have you been contacted by our store before?" — yes or no, required. */
export function ContactedQuestion({ value, onValue, error }: ContactedQuestionProps) {
  const id = useId();
  const errId = error ? `${id}-err` : undefined;
  return (
    <fieldset class={error ? 'fieldset yesno field--invalid' : 'fieldset yesno'} aria-describedby={errId}>
      <legend>Have you been contacted by our store before?</legend>
      <div class="yesno__choices">
        {(['yes', 'no'] as const).map((v) => (
          <div key={v} class="field field--check yesno__choice">
            <input
              id={`${id}-${v}`}
              type="radio"
              name="was_contacted_before"
              value={v}
              checked={value === v}
              onChange={() => onValue(v)}
              aria-invalid={error ? true : undefined}
            />
            <label for={`${id}-${v}`}>{v === 'yes' ? 'Yes' : 'No'}</label>
          </div>
        ))}
      </div>
      {error && (
        <p id={errId} class="field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
