import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { getMessageDaily, type MessageDaily } from '../../api';
import { Alert } from '../Alert';
import { Loading } from '../Loading';
import { useLoaded } from '../../useLoaded';

type ChartComponent = ComponentType<{ daily: MessageDaily }>;

/** The last 14 days' counts; Chart.js is fetched only here (as for the dashboard). */
export function MessageDailyPanel({ reload }: { reload: number }) {
  const [Chart, setChart] = useState<ChartComponent | null>(null);
  const [chartError, setChartError] = useState<string | null>(null);
  const loaded = useLoaded(getMessageDaily, String(reload), { failure: 'Could not load the counts per day.', keep: true });
  const daily = loaded.data;
  const error = chartError ?? loaded.error;

  useEffect(() => {
    let live = true;
    import('./MessageDailyChart').then(
      (m) => live && setChart(() => m.MessageDailyChart),
      () => live && setChartError('Could not load the chart. Check the connection and reload the page.'),
    );
    return () => {
      live = false;
    };
  }, []);


  return (
    <section class="panel" aria-labelledby="messages-daily-title">
      <h2 id="messages-daily-title">Messages per day</h2>
      {error && <Alert>{error}</Alert>}
      {!error && (!daily || !Chart) && <Loading />}
      {!error && daily && Chart && <Chart daily={daily} />}
    </section>
  );
}
