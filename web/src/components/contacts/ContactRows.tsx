import type { Contact } from '../../api';
import { displayPhone } from '../../phone';
import { Link } from '../../router';
import { bestTimeText } from '../insights/words';
import { ScoreLine } from '../insights/ScoreLine';
import { StatusBadge } from './StatusBadge';
import { WHATSAPP_LABELS, labelOf } from './labels';

interface ContactRowsProps {
  items: Contact[];
  /** Absent: no checkboxes (staff cannot assign). */
  selected?: ReadonlySet<number>;
  onToggle?: (c: Contact, on: boolean) => void;
  /** Name of the assignee; absent hides the column. */
  assigneeName?: (id: number | null) => string;
  label?: string;
  /** Shows each contact's best time to call ("best 18:00-20:00"). */
  showBestTime?: boolean;
}

export function contactName(c: Pick<Contact, 'name' | 'phone'>): string {
  return c.name?.trim() || displayPhone(c.phone);
}

/** One card per contact: name (a link), phone, status, WhatsApp, assignee. */
export function ContactRows({ items, selected, onToggle, assigneeName, label = 'Contacts', showBestTime = false }: ContactRowsProps) {
  return (
    <ul class="contact-rows" aria-label={label}>
      {items.map((c) => {
        const name = contactName(c);
        const boxId = `pick-${c.id}`;
        return (
          <li key={c.id} class={selected?.has(c.id) ? 'contact-row contact-row--picked' : 'contact-row'}>
            {selected && onToggle && (
              <div class="contact-row__pick">
                <input id={boxId} type="checkbox" checked={selected.has(c.id)} onChange={(e) => onToggle(c, e.currentTarget.checked)} />
                <label for={boxId} class="visually-hidden">
                  Select {name}
                </label>
              </div>
            )}
            <div class="contact-row__body">
              <div class="contact-row__head">
                <Link href={`/contacts/${c.id}`} class="contact-row__name">
                  {name}
                </Link>
                <StatusBadge status={c.status} />
                {c.do_not_contact && <span class="badge badge--off">Do not call</span>}
                {c.unreachable && <span class="badge badge--off">Unreachable</span>}
              </div>
              <p class="contact-row__meta">
                <span class="mono">{displayPhone(c.phone)}</span>
                <span>WhatsApp: {labelOf(WHATSAPP_LABELS, c.whatsapp_status)}</span>
                {showBestTime && bestTimeText(c.best_time) && <span class="contact-row__best">{bestTimeText(c.best_time)}</span>}
                {assigneeName && <span>{c.assigned_staff_id === null ? 'Unassigned' : `Assigned: ${assigneeName(c.assigned_staff_id)}`}</span>}
              </p>
              {c.conversion_score && <ScoreLine score={c.conversion_score} />}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
