import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'preact/hooks';
import type { ConversionReport } from '../../api';
import { formatCount } from '../../datetime';
import { ChartCanvas } from '../charts/ChartCanvas';
import { COLOURS } from '../charts/chartSetup';

/** Each contact is in exactly one status: the bars add up to the total, none contains another. */
export function statusSummary(r: ConversionReport): string {
  return (
    `Contacts by status: ${formatCount(r.pending)} pending, ${formatCount(r.contacted)} contacted, ` +
    `${formatCount(r.converted)} converted, ${formatCount(r.yellow)} yellow (came in, did not buy).`
  );
}

/** Pending, contacted, converted and yellow as one bar each (the status contacts are in now). */
export function StatusChart({ report }: { report: ConversionReport }) {
  const config = useMemo<ChartConfiguration<'bar'>>(() => {
    const counts = [report.pending, report.contacted, report.converted, report.yellow];
    return {
      type: 'bar',
      data: {
        // The counts are in the labels too: no hovering needed on a phone.
        labels: [`Pending ${formatCount(counts[0]!)}`, `Contacted ${formatCount(counts[1]!)}`, `Converted ${formatCount(counts[2]!)}`, `Yellow ${formatCount(counts[3]!)}`],
        datasets: [
          {
            label: 'Contacts',
            data: counts,
            backgroundColor: [COLOURS.pending, COLOURS.contacted, COLOURS.converted, COLOURS.yellow],
            borderRadius: 4,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    };
  }, [report]);
  return (
    <figure class="report__figure">
      <ChartCanvas config={config} summary={statusSummary(report)} />
      <figcaption class="muted">Each contact counts once, in the status it is in now.</figcaption>
    </figure>
  );
}
