import type { MessageStatus } from '../../api';
import { StatusBadge, type BadgeTone } from '../StatusBadge';
import { MESSAGE_STATUS_LABELS } from './labels';

const MESSAGE_STATUS_TONES: Record<MessageStatus, BadgeTone> = {
  queued: 'pending',
  sending: 'pending',
  sent: 'contacted',
  delivered: 'ok',
  read: 'ok',
  failed: 'off',
  awaiting_approval: 'pending',
  expired: 'off',
};

export function MessageStatusBadge({ status }: { status: MessageStatus }) {
  return <StatusBadge kind="message-status" status={status} labels={MESSAGE_STATUS_LABELS} tones={MESSAGE_STATUS_TONES} />;
}
