import { SelectField } from './SelectField';

interface OrderSelectProps<T extends string> {
  value: T;
  /** Each order's value and its words, the default first. */
  options: readonly (readonly [T, string])[];
  onValue: (order: T) => void;
}

/** A list's order: the plain one, or by an insight score (the contacts' "Best first", the refills' "Most at risk first"). */
export function OrderSelect<T extends string>({ value, options, onValue }: OrderSelectProps<T>) {
  return (
    <div class="list-order">
      <SelectField label="Order" name="sort" value={value} onValue={(v) => onValue(options.find(([o]) => o === v)?.[0] ?? options[0]![0])}>
        {options.map(([o, words]) => (
          <option key={o} value={o}>
            {words}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
