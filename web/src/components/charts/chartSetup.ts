// Chart.js, with only the parts the app draws registered (the rest is tree-shaken away),
// and defaults in the app's type and colours. Chart.js sets the canvas size through the
// element's style object (CSSOM), which the server's CSP (style-src 'self') allows.

import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";
Chart.defaults.color = '#4b5563';
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;

/** The app's palette (base.css and the status badges). */
export const COLOURS = {
  brand: '#0f766e',
  brandSoft: '#5eead4',
  contacted: '#7c3aed',
  converted: '#166534',
  yellow: '#eab308',
  pending: '#0284c7',
  warn: '#b91c1c',
} as const;

export { Chart };
