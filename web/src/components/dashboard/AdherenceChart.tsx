import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'preact/hooks';
import type { AdherenceBucket, AdherenceReport } from '../../api';
import { formatCount, formatPercent } from '../../datetime';
import { ChartCanvas } from '../charts/ChartCanvas';
import { COLOURS } from '../charts/chartSetup';

/** Where adherence counts as good. */
export const ADHERENT_PDC = 80;

const bucketLabel = (b: AdherenceBucket) => `${b.from}–${b.to}%`;

export function adherenceSummary(r: AdherenceReport): string {
  const buckets = r.distribution.map((b) => `${bucketLabel(b)}: ${formatCount(b.customers)}`).join(', ');
  return (
    `Adherence over the last ${r.window_days} days of ${formatCount(r.customers)} chronic customers: ` +
    `${formatCount(r.adherent)} (${formatPercent(r.adherent_share)}) cover 80% of days or more. Customers per PDC band: ${buckets}.`
  );
}

/** Customers per 10% band of proportion of days covered; bands under 80% in red. */
export function AdherenceChart({ report }: { report: AdherenceReport }) {
  const config = useMemo<ChartConfiguration<'bar'>>(
    () => ({
      type: 'bar',
      data: {
        labels: report.distribution.map(bucketLabel),
        datasets: [
          {
            label: 'Customers',
            data: report.distribution.map((b) => b.customers),
            backgroundColor: report.distribution.map((b) => (b.from >= ADHERENT_PDC ? COLOURS.converted : COLOURS.warn)),
            borderRadius: 3,
          },
        ],
      },
      options: {
        plugins: { legend: { display: false } },
        scales: {
          x: { title: { display: true, text: 'Proportion of days covered' }, ticks: { maxRotation: 0, autoSkipPadding: 4 } },
          y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Customers' } },
        },
      },
    }),
    [report],
  );
  return <ChartCanvas config={config} summary={adherenceSummary(report)} />;
}
