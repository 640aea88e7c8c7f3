import type { FieldErrors } from '../../api';
import { formatRupees } from '../../money';
import { CheckboxField } from '../CheckboxField';
import { TextField } from '../TextField';
import { MAX_DAYS, lineAmount, type ItemDraft } from './billDraft';

interface ItemRowProps {
  index: number;
  item: ItemDraft;
  errors: FieldErrors;
  onChange: (item: ItemDraft) => void;
  /** Absent when it is the only row. */
  onRemove?: (() => void) | undefined;
}

/** One medicine on the bill: name, quantity, price each, days it lasts, generic. */
export function ItemRow({ index, item, errors, onChange, onRemove }: ItemRowProps) {
  const n = index + 1;
  const at = `items[${index}]`;
  const set = (changes: Partial<ItemDraft>) => onChange({ ...item, ...changes });
  const amount = lineAmount(item);
  return (
    <fieldset class="fieldset bill-item">
      <legend>Item {n}</legend>
      {onRemove && (
        <button type="button" class="btn btn--small btn--quiet bill-item__remove" onClick={onRemove} aria-label={`Remove item ${n}`}>
          Remove
        </button>
      )}
      <TextField label="Medicine" name={`${at}.medicine`} value={item.medicine} onValue={(v) => set({ medicine: v })} error={errors[`${at}.medicine`]} required maxLength={200} />
      <div class="bill-item__numbers">
        <TextField
          label="Quantity"
          name={`${at}.quantity`}
          type="number"
          inputMode="numeric"
          min={1}
          value={item.quantity}
          onValue={(v) => set({ quantity: v })}
          error={errors[`${at}.quantity`]}
          required
        />
        <TextField
          label="Price (₹)"
          name={`${at}.unit_price`}
          inputMode="decimal"
          value={item.price}
          onValue={(v) => set({ price: v })}
          error={errors[`${at}.unit_price_paise`]}
          required
        />
        <TextField
          label="Days"
          name={`${at}.duration_days`}
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_DAYS}
          value={item.days}
          onValue={(v) => set({ days: v })}
          error={errors[`${at}.duration_days`]}
          noOptionalMark
        />
      </div>
      <div class="bill-item__foot">
        <CheckboxField label="Generic" name={`${at}.is_generic`} checked={item.generic} onChecked={(v) => set({ generic: v })} error={errors[`${at}.is_generic`]} />
        <p class="bill-item__amount">
          <span class="visually-hidden">Item {n} amount: </span>
          {amount === null ? '—' : formatRupees(amount)}
        </p>
      </div>
    </fieldset>
  );
}
