import { describe, expect, it } from 'vitest';
import { displayPhone, telHref, whatsAppHref } from './phone';

describe('phone helpers', () => {
  it('groups an Indian mobile number 5 + 5', () => {
    expect(displayPhone('+919845227441')).toBe('+91 98452 27441');
  });

  it('shows other numbers as stored', () => {
    expect(displayPhone('+9779812345678')).toBe('+9779812345678');
    expect(displayPhone('+91984522744')).toBe('+91984522744');
    expect(displayPhone('+4420794600000')).toBe('+4420794600000');
  });

  it('dials digits and the plus only', () => {
    expect(telHref('+91 98452 27441')).toBe('tel:+919845227441');
    expect(telHref('+91-98452-(27441)')).toBe('tel:+919845227441');
  });

  it('links WhatsApp with the digits alone', () => {
    expect(whatsAppHref('+919845227441')).toBe('https://wa.me/919845227441');
  });
});
