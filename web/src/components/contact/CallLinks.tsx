import { displayPhone, telHref, whatsAppHref } from '../../phone';

/** Tap-to-call and WhatsApp click-to-chat for a number. */
export function CallLinks({ phone }: { phone: string }) {
  return (
    <div class="call-links">
      <a class="btn btn--primary" href={telHref(phone)}>
        Call<span class="visually-hidden"> {displayPhone(phone)}</span>
      </a>
      <a class="btn btn--wa" href={whatsAppHref(phone)} target="_blank" rel="noopener noreferrer">
        WhatsApp chat
      </a>
    </div>
  );
}
