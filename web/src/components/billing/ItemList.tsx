import type { FieldErrors } from '../../api';
import { ItemRow } from './ItemRow';
import { newItem, type ItemDraft } from './billDraft';

interface ItemListProps {
  items: ItemDraft[];
  errors: FieldErrors;
  onItems: (items: ItemDraft[]) => void;
}

/** The bill's medicines, with Add and Remove. */
export function ItemList({ items, errors, onItems }: ItemListProps) {
  const replace = (i: number, item: ItemDraft) => onItems(items.map((x, j) => (j === i ? item : x)));
  const remove = (i: number) => onItems(items.filter((_, j) => j !== i));
  const add = () => {
    onItems([...items, newItem()]);
    // Put the cursor in the new row's medicine field.
    requestAnimationFrame(() => {
      const fields = document.querySelectorAll<HTMLInputElement>('.bill-item input[name$=".medicine"]');
      fields[fields.length - 1]?.focus();
    });
  };
  return (
    <section class="bill-items" aria-labelledby="bill-items-title">
      <h2 id="bill-items-title">Medicines</h2>
      {errors.items && (
        <p class="field__error" role="alert">
          {errors.items}
        </p>
      )}
      {items.map((item, i) => (
        <ItemRow key={item.key} index={i} item={item} errors={errors} onChange={(x) => replace(i, x)} onRemove={items.length > 1 ? () => remove(i) : undefined} />
      ))}
      <button type="button" class="btn" onClick={add}>
        + Add another medicine
      </button>
    </section>
  );
}
