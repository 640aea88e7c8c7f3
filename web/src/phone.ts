// Showing and dialling E.164 phone numbers.

/** `+919845227441` → `+91 98452 27441`; other numbers are shown as stored. */
export function displayPhone(e164: string): string {
  const m = /^\+91(\d{5})(\d{5})$/.exec(e164);
  return m ? `+91 ${m[1]} ${m[2]}` : e164;
}

/** Tap-to-call link. */
export function telHref(e164: string): string {
  return `tel:${e164.replace(/[^\d+]/g, '')}`;
}

/** WhatsApp click-to-chat: the number's digits without the `+`. */
export function whatsAppHref(e164: string): string {
  return `https://wa.me/${e164.replace(/\D/g, '')}`;
}
