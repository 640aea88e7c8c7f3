import type { ContactTimes } from '../../api';
import { WEEKDAYS, bestWindowText, hourText, percentText } from './words';

/** A cell's colour: the brand colour, stronger the higher the rate. */
function cellStyle(rate: number): string {
  const strength = Math.round(Math.min(1, Math.max(0, rate)) * 100);
  return `background: color-mix(in srgb, var(--c-brand) ${strength}%, var(--c-card))`;
}

/** The weekday x hour grid of reach rates inside the shop's calling hours, and its best windows in words. */
export function ReachHeatmap({ times }: { times: ContactTimes }) {
  if (times.overall.attempts === 0) {
    return <p class="muted">No calls logged in the last 90 days: log calls and the best hours to reach people show here.</p>;
  }
  // The hours anyone was called in, so a phone shows a narrow grid.
  const called = times.cells.filter((c) => c.attempts > 0).map((c) => c.hour);
  const first = Math.min(...called);
  const last = Math.max(...called);
  const hours = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return (
    <>
      <h3>Best times to call</h3>
      <ol class="best-windows" aria-label="Best times to call">
        {times.best.map((w) => (
          <li key={`${w.weekday}-${w.start_hour}-${w.end_hour}`}>{bestWindowText(w)}</li>
        ))}
      </ol>
      <p class="muted">
        {percentText(times.overall.rate)} of {times.overall.attempts} calls were picked up from {times.from} to {times.to}.
      </p>
      <div class="heatmap" role="table" aria-label="Share of calls picked up by weekday and hour">
        <div class="heatmap__row" role="row">
          <span class="heatmap__corner" role="columnheader" />
          {WEEKDAYS.map((d) => (
            <span key={d} class="heatmap__day" role="columnheader" title={d}>
              {d.slice(0, 3)}
            </span>
          ))}
        </div>
        {hours.map((hour) => (
          <div key={hour} class="heatmap__row" role="row">
            <span class="heatmap__hour" role="rowheader">
              {hourText(hour)}
            </span>
            {WEEKDAYS.map((day, i) => {
              const cell = times.cells[i * 24 + hour];
              const label = `${day} ${hourText(hour)}: ${percentText(cell.rate)} (${cell.reached} of ${cell.attempts} calls)`;
              return (
                <span key={day} class={cell.rate > 0.5 ? 'heatmap__cell heatmap__cell--strong' : 'heatmap__cell'} role="cell" style={cellStyle(cell.rate)} title={label} aria-label={label}>
                  {cell.attempts > 0 ? percentText(cell.rate) : ''}
                </span>
              );
            })}
          </div>
        ))}
      </div>
    </>
  );
}
