import type { RefillStatus } from '../../api';
import { labelOf } from '../contacts/labels';
import { REFILL_STATUS_LABELS } from './labels';

export function RefillStatusBadge({ status }: { status: RefillStatus }) {
  return <span class={`badge refill-status refill-status--${status}`}>{labelOf(REFILL_STATUS_LABELS, status)}</span>;
}
