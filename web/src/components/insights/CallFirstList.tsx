import type { CallFirst } from '../../api';
import { ContactRows } from '../contacts/ContactRows';

/** The ten contacts to call first today, and how they were ordered. */
export function CallFirstList({ callFirst }: { callFirst: CallFirst }) {
  return (
    <>
      <h3>Call first today</h3>
      {!callFirst.byScore && <p class="muted">Scores are not available yet: ordered by upload.</p>}
      {callFirst.items.length === 0 ? (
        <p class="muted">No contacts to call.</p>
      ) : (
        <ContactRows items={callFirst.items} label="Call first today" showBestTime />
      )}
    </>
  );
}
