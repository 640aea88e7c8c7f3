import { useState } from 'preact/hooks';
import { markFollowUpDone, type FollowUp } from '../api';
import { formatDateTime } from '../datetime';
import { displayPhone } from '../phone';
import { Link } from '../router';
import { useSession } from '../session';

interface FollowUpListProps {
  items: FollowUp[];
  label: string;
  /** Show which contact each is for (a link); off on the contact's own page. */
  showContact?: boolean;
  onDone: (f: FollowUp) => void;
}

/** Follow-ups with a Done button each; done ones are shown struck through. */
export function FollowUpList({ items, label, showContact = false, onDone }: FollowUpListProps) {
  const { shop } = useSession();
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const done = async (f: FollowUp) => {
    setBusy(f.id);
    setError(null);
    try {
      onDone(await markFollowUpDone(f.id));
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not mark it done.');
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      {error && (
        <p class="field__error" role="alert">
          {error}
        </p>
      )}
      <ul class="follow-ups" aria-label={label}>
        {items.map((f) => {
          const who = f.reassigned
            ? 'a contact now assigned to someone else'
            : f.contact_name?.trim() || displayPhone(f.contact_phone ?? '');
          return (
            <li key={f.id} class={f.done ? 'follow-up follow-up--done' : 'follow-up'}>
              <div class="follow-up__body">
                {showContact &&
                  (f.reassigned ? (
                    <p class="follow-up__who muted">Reassigned: {who}</p>
                  ) : (
                    <Link href={`/contacts/${f.contact_id}`} class="follow-up__who">
                      {who}
                    </Link>
                  ))}
                <p class="follow-up__when">
                  {f.done ? 'Done' : 'Due'} {formatDateTime(f.done ? f.done_at : f.due_at, shop?.time_zone)}
                  {f.staff_name ? <span class="muted"> · {f.staff_name}</span> : null}
                </p>
                {f.note && <p class="follow-up__note">{f.note}</p>}
              </div>
              {!f.done && (
                <button
                  type="button"
                  class="btn btn--small"
                  disabled={busy === f.id}
                  onClick={() => void done(f)}
                  aria-label={`Done: follow-up ${showContact ? `with ${who} ` : ''}due ${formatDateTime(f.due_at, shop?.time_zone)}`}
                >
                  Done
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
