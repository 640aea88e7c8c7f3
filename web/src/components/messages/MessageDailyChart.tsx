import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'preact/hooks';
import type { MessageDaily, MessageDay } from '../../api';
import { formatDate, formatCount, plural } from '../../datetime';
import { ChartCanvas } from '../charts/ChartCanvas';
import { COLOURS } from '../charts/chartSetup';

type Part = 'queued' | 'sent' | 'delivered' | 'read' | 'failed';

const PARTS: { key: Part; label: string; colour: string }[] = [
  { key: 'queued', label: 'Queued', colour: COLOURS.pending },
  { key: 'sent', label: 'Sent', colour: COLOURS.contacted },
  { key: 'delivered', label: 'Delivered', colour: COLOURS.brandSoft },
  { key: 'read', label: 'Read', colour: COLOURS.converted },
  { key: 'failed', label: 'Failed', colour: COLOURS.warn },
];

const sum = (days: MessageDay[], key: Part | 'total') => days.reduce((n, d) => n + d[key], 0);

/** The chart's text: the window, the totals by status and the busiest day. */
export function dailySummary(daily: MessageDaily): string {
  const total = sum(daily.days, 'total');
  const head = `Messages per day, ${formatDate(daily.from)} to ${formatDate(daily.to)}: ${plural(total, 'message')} in all`;
  if (total === 0) return `${head}.`;
  const parts = PARTS.map((p) => `${formatCount(sum(daily.days, p.key))} ${p.label.toLowerCase()}`).join(', ');
  const busiest = daily.days.reduce((a, b) => (b.total > a.total ? b : a));
  return `${head} (${parts}); busiest day ${formatDate(busiest.date)} with ${plural(busiest.total, 'message')}.`;
}

/** Counts per shop-local day, stacked by current status. */
export function MessageDailyChart({ daily }: { daily: MessageDaily }) {
  const config = useMemo<ChartConfiguration<'bar'>>(
    () => ({
      type: 'bar',
      data: {
        labels: daily.days.map((d) => formatDate(d.date).replace(/ \d{4}$/, '')),
        datasets: PARTS.map((p) => ({ label: p.label, data: daily.days.map((d) => d[p.key]), backgroundColor: p.colour, stack: 'messages' })),
      },
      options: {
        plugins: { legend: { position: 'bottom' } },
        scales: {
          x: { stacked: true, ticks: { maxRotation: 0, autoSkipPadding: 8 } },
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
        },
      },
    }),
    [daily],
  );
  return <ChartCanvas config={config} summary={dailySummary(daily)} />;
}
