import type { Contact, LimitedContact } from '../../api';
import { formatDateTime } from '../../datetime';
import { formatRupees } from '../../money';
import { Link } from '../../router';
import { useSession } from '../../session';
import { StatusBadge } from '../contacts/StatusBadge';
import { contactName } from '../contacts/ContactRows';

/** The contact-sheet record for the same phone, if there is one (only its status when it is
 * assigned to another staff member). */
export function LinkedContact({ contact }: { contact: Contact | LimitedContact | null }) {
  const { shop } = useSession();
  if (!contact) return <p class="muted">This number is not on a contact sheet.</p>;
  if ('limited' in contact) {
    return (
      <p>
        On a contact sheet, assigned to someone else: <StatusBadge status={contact.status} />
      </p>
    );
  }
  return (
    <div>
      <p>
        <Link href={`/contacts/${contact.id}`}>{contactName(contact)}</Link> <StatusBadge status={contact.status} />
      </p>
      {contact.converted_at && (
        <p class="muted">
          Converted {formatDateTime(contact.converted_at, shop?.time_zone)}
          {contact.conversion_value_paise !== null ? `: ${formatRupees(contact.conversion_value_paise)}` : ''}
        </p>
      )}
    </div>
  );
}
