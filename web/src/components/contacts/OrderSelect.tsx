import { SelectField } from '../SelectField';
import type { ContactOrder } from './filters';

/** The contact list's order: newest first, or best first (highest chance to convert). */
export function OrderSelect({ value, onValue }: { value: ContactOrder; onValue: (o: ContactOrder) => void }) {
  return (
    <div class="contact-order">
      <SelectField label="Order" name="sort" value={value} onValue={(v) => onValue(v === 'score' ? 'score' : 'newest')}>
        <option value="newest">Newest first</option>
        <option value="score">Best first</option>
      </SelectField>
    </div>
  );
}
