import type { ChartConfiguration, ChartType } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import { Chart } from './chartSetup';

interface ChartCanvasProps<T extends ChartType> {
  config: ChartConfiguration<T>;
  /** The chart's text alternative: what a sighted reader takes from it, with the numbers. */
  summary: string;
  /** Extra class for the box, e.g. a taller one. */
  class?: string;
}

/** A Chart.js chart on a canvas: made when mounted or when its config changes, destroyed after. */
export function ChartCanvas<T extends ChartType>({ config, summary, class: extra }: ChartCanvasProps<T>) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return undefined;
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [config]);
  return (
    <div class={extra ? `chart ${extra}` : 'chart'}>
      <canvas ref={canvas} role="img" aria-label={summary}>
        {summary}
      </canvas>
    </div>
  );
}
