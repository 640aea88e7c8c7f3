import type { MessageStatus } from '../../api';
import { labelOf } from '../contacts/labels';
import { MESSAGE_STATUS_LABELS } from './labels';

export function MessageStatusBadge({ status }: { status: MessageStatus }) {
  return <span class={`badge message-status message-status--${status}`}>{labelOf(MESSAGE_STATUS_LABELS, status)}</span>;
}
