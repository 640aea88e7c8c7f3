import type { Contact } from '../../api';
import { formatDateTime } from '../../datetime';
import { formatRupees } from '../../money';
import { Link } from '../../router';
import { useSession } from '../../session';
import { StatusBadge } from '../contacts/StatusBadge';
import { contactName } from '../contacts/ContactRows';

/** The contact-sheet record for the same phone, if there is one. */
export function LinkedContact({ contact }: { contact: Contact | null }) {
  const { shop } = useSession();
  if (!contact) return <p class="muted">This number is not on a contact sheet.</p>;
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
