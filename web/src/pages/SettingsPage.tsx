import { useEffect, useMemo, useState } from 'preact/hooks';
import { getShop, updateShop, type Shop } from '../api';
import { Alert } from '../components/Alert';
import { Loading } from '../components/Loading';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { type FormErrors } from '../forms';
import { useFieldErrors } from '../useFieldErrors';
import { Link } from '../router';
import { useSession } from '../session';
import { COMMON_TIME_ZONES, PHONE_REGIONS, otherTimeZones } from '../zones';
import { FormActions } from '../components/FormActions';
import { AutoAssignSettings } from '../components/settings/AutoAssignSettings';
import { OutreachApprovalField, type OutreachApproval } from '../components/automation/OutreachApprovalField';

const FIELDS = ['name', 'phone_region', 'time_zone', 'refill_lead_days', 'max_call_attempts', 'outreach_approval'] as const;

/** Shop settings (owner only; the router keeps others out). */
export function SettingsPage() {
  const { setShop } = useSession();
  const [loaded, setLoaded] = useState<Shop | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [region, setRegion] = useState('IN');
  const [zone, setZone] = useState('Asia/Kolkata');
  const [leadDays, setLeadDays] = useState('7');
  const [maxCalls, setMaxCalls] = useState('5');
  const [approval, setApproval] = useState<OutreachApproval>('automatic');
  const { errors, invalid, send } = useFieldErrors(FIELDS);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const others = useMemo(otherTimeZones, []);

  const fill = (s: Shop) => {
    setLoaded(s);
    setName(s.name);
    setRegion(s.phone_region || 'IN');
    setZone(s.time_zone || 'Asia/Kolkata');
    setLeadDays(String(s.refill_lead_days));
    setMaxCalls(String(s.max_call_attempts));
    setApproval(s.outreach_approval);
  };

  useEffect(() => {
    getShop().then(fill, (err: unknown) => setLoadError(err instanceof Error ? err.message : 'Could not load settings.'));
  }, []);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget;
    setSaved(false);
    const f: FormErrors['fields'] = {};
    const days = Number(leadDays);
    if (!name.trim()) f.name = 'Enter the shop name.';
    if (!/^[A-Za-z]{2}$/.test(region)) f.phone_region = 'Use a two-letter country code such as IN.';
    if (!zone.trim()) f.time_zone = 'Choose a time zone.';
    if (leadDays.trim() === '' || !Number.isInteger(days) || days < 0 || days > 60) f.refill_lead_days = 'Enter a whole number from 0 to 60.';
    const calls = Number(maxCalls);
    if (maxCalls.trim() === '' || !Number.isInteger(calls) || calls < 1 || calls > 50) f.max_call_attempts = 'Enter a whole number from 1 to 50.';
    if (Object.keys(f).length) {
      invalid(f, form);
      return;
    }
    await send(form, setBusy, async () => {
      const s = await updateShop({ name: name.trim(), phone_region: region.toUpperCase(), time_zone: zone.trim(), refill_lead_days: days, max_call_attempts: calls, outreach_approval: approval });
      fill(s);
      setShop(s);
      setSaved(true);
    });
  };

  if (loadError) {
    return (
      <section class="page">
        <h1>Settings</h1>
        <Alert>{loadError}</Alert>
      </section>
    );
  }
  if (!loaded) return <Loading />;

  const regionKnown = PHONE_REGIONS.some((r) => r.code === region);
  const zoneKnown = COMMON_TIME_ZONES.includes(zone) || others.includes(zone);

  return (
    <section class="page">
      <h1>Settings</h1>
      <form class="form panel" onSubmit={onSubmit} noValidate>
        <h2>Shop</h2>
        {saved && <Alert kind="success">Settings saved.</Alert>}
        {errors.message && <Alert>{errors.message}</Alert>}
        <TextField label="Shop name" name="name" value={name} onValue={setName} error={errors.fields.name} required autoComplete="organization" />
        <SelectField label="Phone region" name="phone_region" value={region} onValue={setRegion} error={errors.fields.phone_region} hint="Phone numbers without a country code are read as this country's.">
          {!regionKnown && <option value={region}>{region}</option>}
          {PHONE_REGIONS.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Time zone" name="time_zone" value={zone} onValue={setZone} error={errors.fields.time_zone}>
          {!zoneKnown && <option value={zone}>{zone}</option>}
          <optgroup label="Common">
            {COMMON_TIME_ZONES.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, ' ')}
              </option>
            ))}
          </optgroup>
          {others.length > 0 && (
            <optgroup label="All time zones">
              {others.map((z) => (
                <option key={z} value={z}>
                  {z.replace(/_/g, ' ')}
                </option>
              ))}
            </optgroup>
          )}
        </SelectField>
        <TextField
          label="Refill lead days"
          name="refill_lead_days"
          type="number"
          inputMode="numeric"
          min={0}
          max={60}
          value={leadDays}
          onValue={setLeadDays}
          error={errors.fields.refill_lead_days}
          hint="How many days before a refill is due to remind the customer (0–60)."
          required
        />
        <TextField
          label="Calls before a contact is unreachable"
          name="max_call_attempts"
          type="number"
          inputMode="numeric"
          min={1}
          max={50}
          value={maxCalls}
          onValue={setMaxCalls}
          error={errors.fields.max_call_attempts}
          hint="After this many calls without an answer (no answer, busy, switched off) a contact leaves the lists to call, until the person calls, writes or visits (1–50)."
          required
        />
        <OutreachApprovalField value={approval} onValue={setApproval} error={errors.fields.outreach_approval} />
        <FormActions label="Save settings" busy={busy} />
      </form>
      <AutoAssignSettings
        shop={loaded}
        onSaved={(s) => {
          setLoaded(s);
          setShop(s);
        }}
      />
      <section class="panel" aria-labelledby="settings-messaging-title">
        <h2 id="settings-messaging-title">Messaging</h2>
        <p>WhatsApp and SMS providers, the send window and test messages.</p>
        <p>
          <Link href="/settings/messaging">Messaging settings</Link>
        </p>
      </section>
    </section>
  );
}
