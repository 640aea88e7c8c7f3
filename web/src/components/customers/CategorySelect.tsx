import { CUSTOMER_CATEGORIES, type CustomerCategory } from '../../api';
import { SelectField } from '../SelectField';
import { CATEGORY_LABELS } from './labels';

interface CategorySelectProps {
  label?: string;
  value: CustomerCategory | '';
  onValue: (value: CustomerCategory | '') => void;
  error?: string | undefined;
  hint?: string;
  /** The empty choice's words ("Choose…", "Any category"); absent: no empty choice. */
  empty?: string;
}

/** One of the four customer categories. */
export function CategorySelect({ label = 'Customer category', value, onValue, error, hint, empty }: CategorySelectProps) {
  return (
    <SelectField label={label} name="customer_category" value={value} onValue={(v) => onValue(v as CustomerCategory | '')} error={error} {...(hint ? { hint } : {})}>
      {empty !== undefined && <option value="">{empty}</option>}
      {CUSTOMER_CATEGORIES.map((c) => (
        <option key={c} value={c}>
          {CATEGORY_LABELS[c]}
        </option>
      ))}
    </SelectField>
  );
}
