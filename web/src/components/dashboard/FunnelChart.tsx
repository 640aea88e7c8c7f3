import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'preact/hooks';
import type { ConversionReport } from '../../api';
import { formatCount } from '../../datetime';
import { ChartCanvas } from '../charts/ChartCanvas';
import { COLOURS } from '../charts/chartSetup';

/** The funnel's steps. "Contacted" counts everyone past pending (contacted, converted or yellow). */
export function funnelSteps(r: ConversionReport) {
  return {
    uploaded: r.total_contacts,
    contacted: r.total_contacts - r.pending,
    converted: r.converted,
    yellow: r.yellow,
  };
}

export function funnelSummary(r: ConversionReport): string {
  const s = funnelSteps(r);
  return (
    `Conversion funnel: ${formatCount(s.uploaded)} uploaded, ${formatCount(s.contacted)} contacted, ` +
    `${formatCount(s.converted)} converted; beside them ${formatCount(s.yellow)} yellow (came in, did not buy).`
  );
}

/** Uploaded → contacted → converted as bars, with yellow beside converted. */
export function FunnelChart({ report }: { report: ConversionReport }) {
  const config = useMemo<ChartConfiguration<'bar'>>(() => {
    const s = funnelSteps(report);
    return {
      type: 'bar',
      data: {
        // The counts are in the labels too: no hovering needed on a phone.
        labels: [`Uploaded ${formatCount(s.uploaded)}`, `Contacted ${formatCount(s.contacted)}`, `Converted ${formatCount(s.converted)}`, `Yellow ${formatCount(s.yellow)}`],
        datasets: [
          {
            label: 'Contacts',
            data: [s.uploaded, s.contacted, s.converted, s.yellow],
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
      <ChartCanvas config={config} summary={funnelSummary(report)} />
      <figcaption class="muted">Contacted counts everyone called or further along (converted or yellow).</figcaption>
    </figure>
  );
}
