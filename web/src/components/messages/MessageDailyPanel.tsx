import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { getMessageDaily, type MessageDaily } from '../../api';
import { Alert } from '../Alert';
import { Loading } from '../Loading';

type ChartComponent = ComponentType<{ daily: MessageDaily }>;

/** The last 14 days' counts; Chart.js is fetched only here (as for the dashboard). */
export function MessageDailyPanel({ reload }: { reload: number }) {
  const [daily, setDaily] = useState<MessageDaily | null>(null);
  const [Chart, setChart] = useState<ChartComponent | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    import('./MessageDailyChart').then(
      (m) => live && setChart(() => m.MessageDailyChart),
      () => live && setError('Could not load the chart. Check the connection and reload the page.'),
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    let live = true;
    getMessageDaily().then(
      (d) => live && setDaily(d),
      (err: unknown) => live && setError(err instanceof Error ? err.message : 'Could not load the counts per day.'),
    );
    return () => {
      live = false;
    };
  }, [reload]);

  return (
    <section class="panel" aria-labelledby="messages-daily-title">
      <h2 id="messages-daily-title">Messages per day</h2>
      {error && <Alert>{error}</Alert>}
      {!error && (!daily || !Chart) && <Loading />}
      {!error && daily && Chart && <Chart daily={daily} />}
    </section>
  );
}
