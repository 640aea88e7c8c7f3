import { describe, expect, it } from 'vitest';
import { refillFilterFromQuery, refillOrderFromQuery, refillsHref } from './filters';

describe('the refill list address', () => {
  it('reads the order: most at risk first only for sort=risk, due first otherwise', () => {
    expect(refillOrderFromQuery(new URLSearchParams('sort=risk'))).toBe('risk');
    expect(refillOrderFromQuery(new URLSearchParams(''))).toBe('remind_on');
    expect(refillOrderFromQuery(new URLSearchParams('sort=remind_on'))).toBe('remind_on');
    expect(refillOrderFromQuery(new URLSearchParams('sort=price'))).toBe('remind_on');
  });

  it('writes the order beside the filters and page, leaving the default out', () => {
    expect(refillsHref({}, 0, 'risk')).toBe('/refills?sort=risk');
    expect(refillsHref({ status: 'sent', medicine: 'Metformin' }, 50, 'risk')).toBe('/refills?status=sent&medicine=Metformin&sort=risk&offset=50');
    expect(refillsHref({ status: 'sent' }, 0, 'remind_on')).toBe('/refills?status=sent');
    expect(refillsHref({})).toBe('/refills');
  });

  it('round-trips a filter and order through the address', () => {
    const href = refillsHref({ from: '2026-12-01', to: '2026-12-07' }, 0, 'risk');
    const query = new URLSearchParams(href.split('?')[1]);
    expect(refillFilterFromQuery(query)).toEqual({ from: '2026-12-01', to: '2026-12-07' });
    expect(refillOrderFromQuery(query)).toBe('risk');
  });
});
