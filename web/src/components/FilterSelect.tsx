import { SelectField } from './SelectField';

interface FilterSelectProps<C extends string> {
  label: string;
  name: string;
  value: string;
  onValue: (value: string) => void;
  /** The words of the empty choice, which leaves the filter off (e.g. "Any status"). */
  any: string;
  /** The codes to choose from, in the order shown, and the words shown for each. */
  codes: readonly C[];
  labels: Record<C, string>;
}

/** A list filter picked from fixed codes, or left off. */
export function FilterSelect<C extends string>({ label, name, value, onValue, any, codes, labels }: FilterSelectProps<C>) {
  return (
    <SelectField label={label} name={name} value={value} onValue={onValue}>
      <option value="">{any}</option>
      {codes.map((c) => (
        <option key={c} value={c}>
          {labels[c]}
        </option>
      ))}
    </SelectField>
  );
}
