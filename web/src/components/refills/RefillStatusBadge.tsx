import type { RefillStatus } from '../../api';
import { StatusBadge, type BadgeTone } from '../StatusBadge';
import { REFILL_STATUS_LABELS } from './labels';

const REFILL_STATUS_TONES: Record<RefillStatus, BadgeTone> = {
  pending: 'pending',
  sent: 'contacted',
  responded: 'ok',
  refilled: 'ok',
  cancelled: 'closed',
};

export function RefillStatusBadge({ status }: { status: RefillStatus }) {
  return <StatusBadge kind="refill-status" status={status} labels={REFILL_STATUS_LABELS} tones={REFILL_STATUS_TONES} />;
}
