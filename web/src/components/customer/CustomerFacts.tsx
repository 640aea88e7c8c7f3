import type { ComponentChildren } from 'preact';
import type { Customer } from '../../api';
import { formatDateTime, plural } from '../../datetime';
import { formatRupees } from '../../money';
import { displayPhone } from '../../phone';
import { useSession } from '../../session';
import { WhatsAppBadge } from '../contacts/StatusBadge';
import { labelOf } from '../contacts/labels';
import { CategoryBadge } from '../customers/CategoryBadge';
import { GENDERS } from '../customers/labels';

const GENDER_LABELS: Record<string, string> = Object.fromEntries(GENDERS.map((g) => [g.value, g.label]));

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const orDash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);

/** The customer's details, medical information, preferences and visits, read-only. */
export function CustomerFacts({ customer: c }: { customer: Customer }) {
  const { shop } = useSession();
  const tz = shop?.time_zone;
  return (
    <>
      <h3>Details</h3>
      <dl class="facts facts--grid">
        <Fact label="Phone">
          <span class="mono">{displayPhone(c.phone)}</span>
        </Fact>
        <Fact label="Category">
          <CategoryBadge category={c.category} />
        </Fact>
        <Fact label="Age">{orDash(c.age ?? (c.birth_year ? `born ${c.birth_year}` : null))}</Fact>
        <Fact label="Gender">{c.gender ? labelOf(GENDER_LABELS, c.gender) : '—'}</Fact>
        <Fact label="Address">{orDash(c.address)}</Fact>
        <Fact label="Email">{orDash(c.email)}</Fact>
      </dl>
      <h3>Medical information</h3>
      <dl class="facts facts--grid">
        <Fact label="Chronic conditions">{c.chronic_conditions.length ? c.chronic_conditions.join(', ') : '—'}</Fact>
        <Fact label="Allergies">{orDash(c.allergies)}</Fact>
        <Fact label="Primary doctor">{orDash(c.primary_doctor)}</Fact>
        <Fact label="Prefers generic">{c.prefers_generic ? 'Yes' : 'No'}</Fact>
      </dl>
      <h3>Messages</h3>
      <dl class="facts facts--grid">
        <Fact label="WhatsApp consent">{c.whatsapp_consent ? 'Yes' : 'No'}</Fact>
        <Fact label="SMS consent">{c.sms_consent ? 'Yes' : 'No'}</Fact>
        <Fact label="WhatsApp">
          <WhatsAppBadge status={c.whatsapp_status} />
        </Fact>
        {c.opted_out_at && <Fact label="Opted out">{formatDateTime(c.opted_out_at, tz)}</Fact>}
      </dl>
      <h3>Visits</h3>
      <dl class="facts facts--grid">
        <Fact label="Visits">{plural(c.visit_count, 'visit')}</Fact>
        <Fact label="Total spent">{formatRupees(c.total_spent_paise)}</Fact>
        <Fact label="First visit">{formatDateTime(c.first_visit_at, tz)}</Fact>
        <Fact label="Last visit">{formatDateTime(c.last_visit_at, tz)}</Fact>
      </dl>
      {c.notes && (
        <>
          <h3>Notes</h3>
          <p class="history__notes">{c.notes}</p>
        </>
      )}
    </>
  );
}
