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

/** A colour token of base.css (`--c-…`). Charts load after the style sheet, so it is set. */
function token(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";
Chart.defaults.color = token('--c-muted');
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;

/** The app's palette, read from the tokens in base.css when a chart is drawn. */
export const COLOURS = {
  get brand() {
    return token('--c-brand');
  },
  get brandSoft() {
    return token('--c-brand-light');
  },
  get contacted() {
    return token('--c-contacted');
  },
  get converted() {
    return token('--c-ok');
  },
  get yellow() {
    return token('--c-yellow');
  },
  get pending() {
    return token('--c-pending');
  },
  get warn() {
    return token('--c-error');
  },
};

export { Chart };
