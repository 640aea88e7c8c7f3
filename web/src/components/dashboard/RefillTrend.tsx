import type { ChartConfiguration } from 'chart.js';
import { useMemo, useState } from 'preact/hooks';
import { getTimeseries, type ReportWindow, type TimeseriesInterval, type TimeseriesReport } from '../../api';
import { formatDate, plural } from '../../datetime';
import { Alert } from '../Alert';
import { Loading } from '../Loading';
import { ChartCanvas } from '../charts/ChartCanvas';
import { COLOURS } from '../charts/chartSetup';
import { DownloadLinks } from './DownloadLinks';
import { IntervalToggle } from './IntervalToggle';
import { useReport } from './useReport';

interface Trend {
  refills: TimeseriesReport;
  bills: TimeseriesReport;
}

const total = (r: TimeseriesReport) => r.points.reduce((n, p) => n + p.count, 0);

/** "1 Oct" / "week of 6 Oct" for an axis label. */
function pointLabel(date: string, interval: TimeseriesInterval): string {
  const day = formatDate(date).replace(/ \d{4}$/, '');
  return interval === 'week' ? `wk ${day}` : day;
}

export function trendSummary({ refills, bills }: Trend): string {
  const per = refills.interval === 'week' ? 'week' : 'day';
  return (
    `Refill trend by ${per}, ${formatDate(refills.from)} to ${formatDate(refills.to)}: ` +
    `${plural(total(refills), 'refill')} and ${plural(total(bills), 'bill')} in all.`
  );
}

function TrendChart({ trend }: { trend: Trend }) {
  const config = useMemo<ChartConfiguration<'bar' | 'line'>>(
    () => ({
      type: 'bar',
      data: {
        labels: trend.bills.points.map((p) => pointLabel(p.date, trend.bills.interval)),
        datasets: [
          { type: 'bar', label: 'Bills', data: trend.bills.points.map((p) => p.count), backgroundColor: COLOURS.brandSoft, yAxisID: 'y', order: 2 },
          {
            type: 'line',
            label: 'Refills',
            data: trend.refills.points.map((p) => p.count),
            borderColor: COLOURS.brand,
            backgroundColor: COLOURS.brand,
            pointRadius: 2,
            yAxisID: 'y1',
            order: 1,
          },
        ],
      },
      options: {
        plugins: { legend: { position: 'bottom' } },
        scales: {
          x: { ticks: { maxRotation: 0, autoSkipPadding: 8 } },
          y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Bills' } },
          y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, ticks: { precision: 0 }, title: { display: true, text: 'Refills' } },
        },
      },
    }),
    [trend],
  );
  return <ChartCanvas config={config} summary={trendSummary(trend)} class="chart--tall" />;
}

/** Refills and bills over the window, by day or by week. */
export function RefillTrend({ dates }: { dates: ReportWindow }) {
  const [interval, setStep] = useState<TimeseriesInterval>('day');
  const key = `${dates.from ?? ''}|${dates.to ?? ''}|${interval}`;
  const loaded = useReport<Trend>(
    () =>
      Promise.all([getTimeseries({ ...dates, metric: 'refills', interval }), getTimeseries({ ...dates, metric: 'bills', interval })]).then(
        ([refills, bills]) => ({ refills, bills }),
      ),
    key,
  );
  return (
    <section class="report__part" aria-labelledby="trend-title">
      <div class="report__head">
        <h3 id="trend-title">Refill trend</h3>
        <IntervalToggle value={interval} onChange={setStep} />
      </div>
      {loaded.error && <Alert>{loaded.error}</Alert>}
      {!loaded.data && !loaded.error && <Loading />}
      {loaded.data && <TrendChart trend={loaded.data} />}
      <div class="downloads-group">
        {(['refills', 'bills'] as const).map((metric) => (
          <div class="downloads-group__row" key={metric}>
            <span class="muted">
              {metric === 'refills' ? 'Refills' : 'Bills'} by {interval}:
            </span>
            <DownloadLinks report="timeseries" params={{ ...dates, metric, interval }} what={`${metric} by ${interval}`} />
          </div>
        ))}
      </div>
    </section>
  );
}
