import { useEffect, useState } from 'preact/hooks';
import { listStaff, type StaffMember } from '../api';
import { Alert } from '../components/Alert';
import { Loading } from '../components/Loading';
import { AddStaffForm } from '../components/staff/AddStaffForm';
import { EditStaffForm } from '../components/staff/EditStaffForm';
import { StaffCard } from '../components/staff/StaffCard';
import { assignableRoles } from '../components/staff/roles';
import { useSession } from '../session';

/** Staff accounts (owner and manager only; the router keeps others out). */
export function StaffPage() {
  const { me } = useSession();
  const [items, setItems] = useState<StaffMember[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const roles = assignableRoles(me.role);
  const sorted = items ? [...items].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id) : null;

  useEffect(() => {
    listStaff().then(
      (res) => setItems(res.items),
      (err: unknown) => setLoadError(err instanceof Error ? err.message : 'Could not load staff.'),
    );
  }, []);

  const replace = (s: StaffMember) => setItems((list) => (list ?? []).map((x) => (x.id === s.id ? s : x)));
  // A manager may not edit an owner.
  const canEdit = (s: StaffMember) => me.role === 'owner' || s.role !== 'owner';

  return (
    <section class="page">
      <div class="page__head">
        <h1>Staff</h1>
        {!adding && (
          <button
            type="button"
            class="btn btn--primary"
            onClick={() => {
              setAdding(true);
              setNotice(null);
            }}
          >
            Add staff member
          </button>
        )}
      </div>
      {notice && <Alert kind="success">{notice}</Alert>}
      {adding && (
        <AddStaffForm
          roles={roles}
          onCancel={() => setAdding(false)}
          onCreated={(s) => {
            setItems((list) => [...(list ?? []), s]);
            setAdding(false);
            setNotice(`${s.name} was added.`);
          }}
        />
      )}
      {loadError && <Alert>{loadError}</Alert>}
      {!items && !loadError && <Loading />}
      {sorted && sorted.length > 0 && (
        <ul class="staff-list" aria-label="Staff members">
          {sorted.map((s) => (
            <li key={s.id} class={s.active ? 'staff-card' : 'staff-card staff-card--inactive'}>
              {editing === s.id ? (
                <EditStaffForm
                  member={s}
                  roles={roles}
                  isSelf={s.id === me.id}
                  onCancel={() => setEditing(null)}
                  onSaved={(saved) => {
                    replace(saved);
                    setEditing(null);
                    setNotice(`${saved.name} was updated.`);
                  }}
                />
              ) : (
                <StaffCard member={s} isSelf={s.id === me.id} canEdit={canEdit(s)} onEdit={() => setEditing(s.id)} />
              )}
            </li>
          ))}
        </ul>
      )}
      {items && items.length === 0 && <p class="muted">No staff yet.</p>}
    </section>
  );
}
