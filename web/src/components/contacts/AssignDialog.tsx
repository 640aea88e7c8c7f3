import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { assignContacts, listActiveStaff, type AssignAnswer, type Contact, type ContactFilter, type StaffMember } from '../../api';
import { formatCount, localInputValue, plural } from '../../datetime';
import { useSession } from '../../session';
import { assigneeLabel, isAway } from './assignees';
import { formErrors } from '../../forms';
import { Alert } from '../Alert';
import { CheckboxField } from '../CheckboxField';
import { TextField } from '../TextField';
import { filterCandidates, openLoads, pickedCandidates } from './assignCounts';
import { previewSplit } from './split';

interface AssignDialogProps {
  picked: Contact[];
  filter: ContactFilter;
  onClose: () => void;
  onAssigned: (answer: AssignAnswer) => void;
}

type Which = 'picked' | 'filter';

/** Choose staff and contacts, see the split, then assign (owner and manager). */
export function AssignDialog({ picked, filter, onClose, onAssigned }: AssignDialogProps) {
  const id = useId();
  const { shop } = useSession();
  const today = localInputValue(new Date(), shop?.time_zone).slice(0, 10);
  const ref = useRef<HTMLDialogElement>(null);
  const [staff, setStaff] = useState<StaffMember[] | null>(null);
  const [loads, setLoads] = useState<Map<number, number> | null>(null);
  const [chosen, setChosen] = useState<number[]>([]);
  const [which, setWhich] = useState<Which>(picked.length ? 'picked' : 'filter');
  const [limit, setLimit] = useState('');
  const [reassign, setReassign] = useState(false);
  const [matching, setMatching] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<AssignAnswer | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  useEffect(() => {
    listActiveStaff().then(
      async (res) => {
        const people = [...res.items].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
        setStaff(people);
        setLoads(await openLoads(people.map((s) => s.id)));
      },
      (err: unknown) => setError(err instanceof Error ? err.message : 'Could not load staff.'),
    );
  }, []);

  useEffect(() => {
    if (which !== 'filter') return;
    setMatching(null);
    let live = true;
    filterCandidates(filter, reassign).then(
      (n) => live && setMatching(n),
      () => live && setMatching(null),
    );
    return () => {
      live = false;
    };
  }, [which, reassign, JSON.stringify(filter)]);

  const limitNum = limit.trim() === '' ? null : Number(limit);
  const limitBad = limitNum !== null && (!Number.isInteger(limitNum) || limitNum < 1);
  const count =
    which === 'picked' ? pickedCandidates(picked, reassign) : matching === null ? null : Math.min(matching, limitNum && !limitBad ? limitNum : matching);
  const shares = loads && count !== null ? previewSplit(chosen, loads, count) : [];
  const nameOf = (sid: number) => staff?.find((s) => s.id === sid)?.name ?? `Staff #${sid}`;

  const toggle = (sid: number, on: boolean) => setChosen((c) => (on ? [...c, sid] : c.filter((x) => x !== sid)));

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (chosen.length === 0) {
      setError('Choose at least one staff member.');
      return;
    }
    if (limitBad) {
      setError('The limit must be a whole number of 1 or more.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const base = { staff_ids: chosen, ...(reassign ? { reassign: true } : {}) };
      const res =
        which === 'picked'
          ? await assignContacts({ ...base, contact_ids: picked.map((c) => c.id) })
          : await assignContacts({ ...base, filter, ...(limitNum ? { limit: limitNum } : {}) });
      setAnswer(res);
      onAssigned(res);
    } catch (err) {
      setError(formErrors(err, []).message);
    } finally {
      setBusy(false);
    }
  };

  const close = () => ref.current?.close();

  return (
    <dialog ref={ref} class="dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>Assign contacts</h2>
      {answer ? (
        <div class="form">
          <Alert kind="success">
            <p class="alert__line">
              Assigned {plural(Object.values(answer.assigned).reduce((a, b) => a + b, 0), 'contact')}.
            </p>
            {answer.unassigned > 0 && <p class="alert__line">{plural(answer.unassigned, 'contact')} left as they were: no one chosen had room.</p>}
          </Alert>
          <ul class="split" aria-label="Assigned">
            {Object.entries(answer.assigned).map(([sid, n]) => (
              <li key={sid}>
                <span>{nameOf(Number(sid))}</span> <strong>{formatCount(n)}</strong>
              </li>
            ))}
          </ul>
          <div class="form__actions">
            <button type="button" class="btn btn--primary" onClick={close}>
              Done
            </button>
          </div>
        </div>
      ) : (
        <form class="form" onSubmit={onSubmit} noValidate>
          {error && <Alert>{error}</Alert>}
          <fieldset class="fieldset">
            <legend>Staff</legend>
            {!staff && !error && <p class="muted">Loading staff…</p>}
            {staff?.map((s) => (
              <CheckboxField
                key={s.id}
                label={assigneeLabel(s, loads?.get(s.id), today)}
                name="staff"
                checked={chosen.includes(s.id)}
                onChecked={(on) => toggle(s.id, on)}
                disabled={isAway(s, today)}
              />
            ))}
            <p class="field__hint">Open contacts each holds, out of the most they may hold. No one is given more than that; staff away today cannot be chosen.</p>
          </fieldset>
          <fieldset class="fieldset">
            <legend>Which contacts</legend>
            <div class="field field--check">
              <input
                id={`${id}-picked`}
                type="radio"
                name="which"
                checked={which === 'picked'}
                disabled={picked.length === 0}
                onChange={() => setWhich('picked')}
              />
              <label for={`${id}-picked`}>{picked.length ? `The ${plural(picked.length, 'selected contact')}` : 'Selected contacts (none selected)'}</label>
            </div>
            <div class="field field--check">
              <input id={`${id}-filter`} type="radio" name="which" checked={which === 'filter'} onChange={() => setWhich('filter')} />
              <label for={`${id}-filter`}>All contacts matching the current filters</label>
            </div>
            {which === 'filter' && (
              <TextField
                label="At most"
                name="limit"
                type="number"
                inputMode="numeric"
                min={1}
                value={limit}
                onValue={setLimit}
                error={limitBad ? 'Enter a whole number of 1 or more.' : undefined}
                hint="Leave empty to assign every matching contact."
              />
            )}
          </fieldset>
          <CheckboxField label="Also move contacts that already have someone" name="reassign" checked={reassign} onChecked={setReassign} />
          <section class="preview" aria-labelledby={`${id}-preview`} aria-live="polite">
            <h3 id={`${id}-preview`}>Split preview</h3>
            {count === null || !loads ? (
              <p class="muted">Counting…</p>
            ) : (
              <>
                <p>{plural(count, 'contact')} to assign.</p>
                {chosen.length === 0 ? (
                  <p class="muted">Choose staff to see how they are shared out.</p>
                ) : (
                  <ul class="split" aria-label="Split">
                    {shares.map((s) => (
                      <li key={s.staffId}>
                        <span>{nameOf(s.staffId)}</span> <strong>≈ {formatCount(s.count)}</strong>
                      </li>
                    ))}
                  </ul>
                )}
                <p class="field__hint">Whoever has the fewest open contacts gets the next one.</p>
              </>
            )}
          </section>
          <div class="form__actions">
            <button type="submit" class="btn btn--primary" disabled={busy || count === 0 || chosen.length === 0}>
              {busy ? 'Assigning…' : count ? `Assign ${plural(count, 'contact')}` : 'Assign'}
            </button>
            <button type="button" class="btn" onClick={close} disabled={busy}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
