import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'preact/hooks';
import { CUSTOMER_CATEGORIES, type CustomerReport } from '../../api';
import { formatCount } from '../../datetime';
import { ChartCanvas } from '../charts/ChartCanvas';
import { COLOURS } from '../charts/chartSetup';
import { CATEGORY_LABELS } from '../customers/labels';

export function categorySummary(r: CustomerReport): string {
  const parts = CUSTOMER_CATEGORIES.map((c) => `${CATEGORY_LABELS[c]}: ${formatCount(r.by_category[c])}`);
  return `Customers by category: ${parts.join(', ')}.`;
}

/** All customers (not only the window's) per category, as bars. */
export function CategoryChart({ report }: { report: CustomerReport }) {
  const config = useMemo<ChartConfiguration<'bar'>>(
    () => ({
      type: 'bar',
      data: {
        labels: CUSTOMER_CATEGORIES.map((c) => CATEGORY_LABELS[c]),
        datasets: [{ label: 'Customers', data: CUSTOMER_CATEGORIES.map((c) => report.by_category[c]), backgroundColor: COLOURS.brand, borderRadius: 4 }],
      },
      options: {
        indexAxis: 'y',
        plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    }),
    [report],
  );
  return <ChartCanvas config={config} summary={categorySummary(report)} />;
}
