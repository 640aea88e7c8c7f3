import type { CustomerCategory } from '../../api';
import { labelOf } from '../contacts/labels';
import { CATEGORY_LABELS } from './labels';

export function CategoryBadge({ category }: { category: CustomerCategory }) {
  return <span class={`badge cat cat--${category}`}>{labelOf(CATEGORY_LABELS, category)}</span>;
}
