import type { StaffMember } from '../../api';
import { roleLabel } from '../../format';

interface StaffCardProps {
  member: StaffMember;
  isSelf: boolean;
  canEdit: boolean;
  onEdit: () => void;
}

export function StaffCard({ member, isSelf, canEdit, onEdit }: StaffCardProps) {
  return (
    <div class="staff-card__body">
      <div class="staff-card__head">
        <h3 class="staff-card__name">
          {member.name}
          {isSelf && <span class="muted"> (you)</span>}
        </h3>
        <span class="badge">{roleLabel(member.role)}</span>
        <span class={member.active ? 'badge badge--ok' : 'badge badge--off'}>{member.active ? 'Active' : 'Inactive'}</span>
      </div>
      <dl class="staff-card__facts">
        <div>
          <dt>Email</dt>
          <dd>{member.email}</dd>
        </div>
        <div>
          <dt>Phone</dt>
          <dd>{member.phone || '—'}</dd>
        </div>
        <div>
          <dt>Most open contacts</dt>
          <dd>{member.max_open_contacts ?? 'No limit'}</dd>
        </div>
        {(member.away_from || member.away_until) && (
          <div>
            <dt>Away</dt>
            <dd>
              {member.away_from ?? '…'} – {member.away_until ?? '…'}
            </dd>
          </div>
        )}
      </dl>
      {canEdit && (
        <button type="button" class="btn btn--small" onClick={onEdit} aria-label={`Edit ${member.name}`}>
          Edit
        </button>
      )}
    </div>
  );
}
