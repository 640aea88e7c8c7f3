import { useState } from 'preact/hooks';
import { updateShop, type Shop } from '../../api';
import { useFieldErrors } from '../../useFieldErrors';
import { Alert } from '../Alert';
import { FormActions } from '../FormActions';
import { SelectField } from '../SelectField';
import { TextField } from '../TextField';

const FIELDS = ['auto_assign', 'reassign_after_days'] as const;

interface AutoAssignSettingsProps {
  shop: Shop;
  onSaved: (s: Shop) => void;
}

/** The shop's assignment automation: share uploads out, and move contacts nobody works. */
export function AutoAssignSettings({ shop, onSaved }: AutoAssignSettingsProps) {
  const [mode, setMode] = useState<string>(shop.auto_assign);
  const [days, setDays] = useState(shop.reassign_after_days === null ? '' : String(shop.reassign_after_days));
  const { errors, invalid, send } = useFieldErrors(FIELDS);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget;
    setSaved(false);
    const n = Number(days);
    if (days.trim() !== '' && (!Number.isInteger(n) || n < 1 || n > 365)) {
      invalid({ reassign_after_days: 'Enter a whole number of days from 1 to 365, or leave it empty.' }, form);
      return;
    }
    await send(form, setBusy, async () => {
      const s = await updateShop({
        auto_assign: mode === 'on_upload' ? 'on_upload' : 'off',
        reassign_after_days: days.trim() === '' ? null : n,
      });
      onSaved(s);
      setSaved(true);
    });
  };

  return (
    <form class="form panel" onSubmit={onSubmit} noValidate aria-labelledby="auto-assign-title">
      <h2 id="auto-assign-title">Assignment</h2>
      {saved && <Alert kind="success">Assignment settings saved.</Alert>}
      {errors.message && <Alert>{errors.message}</Alert>}
      <SelectField
        label="Assign new contacts"
        name="auto_assign"
        value={mode}
        onValue={setMode}
        error={errors.fields.auto_assign}
        hint="On upload: each sheet's new contacts are shared among active staff (role Staff) who are not away, least loaded first, never above their capacity. The rest stay unassigned."
      >
        <option value="off">By hand</option>
        <option value="on_upload">Automatically on upload</option>
      </SelectField>
      <TextField
        label="Move contacts nobody works after (days)"
        name="reassign_after_days"
        type="number"
        inputMode="numeric"
        min={1}
        max={365}
        value={days}
        onValue={setDays}
        error={errors.fields.reassign_after_days}
        hint="Once a day, an open contact with no call, message or visit for this many days since it was assigned moves to the least loaded other staff member with room; so do the open contacts of staff who are away or deactivated. Empty: never."
      />
      <FormActions label="Save assignment settings" busy={busy} />
    </form>
  );
}
