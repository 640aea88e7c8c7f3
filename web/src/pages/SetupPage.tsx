import { useState } from 'preact/hooks';
import { ApiError, runSetup, type Me } from '../api';
import { AccountFields, checkAccount } from '../components/AccountFields';
import { Alert } from '../components/Alert';
import { AuthLayout } from '../components/AuthLayout';
import { TextField } from '../components/TextField';
import { type FormErrors } from '../forms';
import { useFieldErrors } from '../useFieldErrors';

const FIELDS = ['shop_name', 'owner_name', 'email', 'password'] as const;

/** First run: create the shop and its owner. The server signs the owner in. */
export function SetupPage({ onDone }: { onDone: (me: Me) => void }) {
  const [shopName, setShopName] = useState('');
  const [ownerName, setOwnerName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { errors, invalid, failed, clear } = useFieldErrors(FIELDS);
  const [busy, setBusy] = useState(false);
  const [alreadySetUp, setAlreadySetUp] = useState(false);

  const check = (): FormErrors['fields'] => {
    const f: FormErrors['fields'] = {};
    if (!shopName.trim()) f.shop_name = 'Enter the shop name.';
    return { ...f, ...checkAccount({ nameField: 'owner_name', name: ownerName, nameMissing: 'Enter your name.', email, password }) };
  };

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = check();
    if (Object.keys(f).length) {
      invalid(f, form);
      return;
    }
    setBusy(true);
    clear();
    try {
      const res = await runSetup({
        shop_name: shopName.trim(),
        owner_name: ownerName.trim(),
        email: email.trim(),
        password,
      });
      onDone(res.staff);
    } catch (err) {
      failed(err, form);
      setAlreadySetUp(err instanceof ApiError && err.status === 409 && !err.fields.email);
      setBusy(false);
    }
  };

  return (
    <AuthLayout title="Set up your pharmacy" intro="Welcome! Create your shop and the owner's account to get started.">
      <form class="form" onSubmit={onSubmit} noValidate>
        {errors.message && (
          <Alert>
            <p class="alert__line">{errors.message}</p>
            {/* A full page load re-checks whether set-up is still needed. */}
            {alreadySetUp && (
              <p class="alert__line">
                <a href="/login">Go to sign in</a>
              </p>
            )}
          </Alert>
        )}
        <TextField label="Shop name" name="shop_name" value={shopName} onValue={setShopName} error={errors.fields.shop_name} required autoComplete="organization" />
        <AccountFields
          nameLabel="Your name"
          nameField="owner_name"
          name={ownerName}
          onName={setOwnerName}
          email={email}
          onEmail={setEmail}
          password={password}
          onPassword={setPassword}
          errors={errors.fields}
          whose="own"
        />
        <button type="submit" class="btn btn--primary btn--block" disabled={busy}>
          {busy ? 'Creating…' : 'Create shop'}
        </button>
      </form>
    </AuthLayout>
  );
}
