import type { ContactStatus, WhatsAppStatus } from '../../api';
import { STATUS_LABELS, WHATSAPP_LABELS, labelOf } from './labels';

export function StatusBadge({ status }: { status: ContactStatus }) {
  return <span class={`badge status status--${status}`}>{labelOf(STATUS_LABELS, status)}</span>;
}

export function WhatsAppBadge({ status }: { status: WhatsAppStatus }) {
  return (
    <span class={`badge wa wa--${status}`}>
      WhatsApp: {labelOf(WHATSAPP_LABELS, status)}
    </span>
  );
}
