import { useEffect, useState } from 'preact/hooks';
import { ApiError, login, type Me } from '../api';
import { Alert } from '../components/Alert';
import { AuthLayout } from '../components/AuthLayout';
import { TextField } from '../components/TextField';

function waitText(seconds: number): string {
  const secs = `${seconds} second${seconds === 1 ? '' : 's'}`;
  return seconds >= 120 ? `${secs} (about ${Math.round(seconds / 60)} minutes)` : secs;
}

export function LoginPage({ onDone }: { onDone: (me: Me) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);

  // Tick once a second while a 429 lock-out is counting down.
  useEffect(() => {
    if (waitUntil === null) return undefined;
    const t = window.setInterval(() => {
      const n = Date.now();
      setNow(n);
      if (n >= waitUntil) setWaitUntil(null);
    }, 1000);
    return () => window.clearInterval(t);
  }, [waitUntil]);

  const secondsLeft = waitUntil === null ? 0 : Math.max(0, Math.ceil((waitUntil - now) / 1000));

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (!email.trim() || !password) {
      setError('Enter your email and password.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const res = await login(email.trim(), password);
      onDone(res.staff);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.status === 429) {
        const secs = err.retryAfter ?? 60;
        setNow(Date.now());
        setWaitUntil(Date.now() + secs * 1000);
        setError(err.message);
      } else {
        setError(err instanceof Error ? err.message : 'Sign-in failed.');
      }
    }
  };

  return (
    <AuthLayout title="Sign in">
      <form class="form" onSubmit={onSubmit} noValidate>
        {error && (
          <Alert>
            <p class="alert__line">{error}</p>
            {secondsLeft > 0 && <p class="alert__line">Try again in {waitText(secondsLeft)}.</p>}
          </Alert>
        )}
        <TextField label="Email" name="email" type="email" value={email} onValue={setEmail} required autoComplete="username" inputMode="email" />
        <TextField label="Password" name="password" type="password" value={password} onValue={setPassword} required autoComplete="current-password" />
        <button type="submit" class="btn btn--primary btn--block" disabled={busy || secondsLeft > 0}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AuthLayout>
  );
}
