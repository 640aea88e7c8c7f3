import { labelOf } from './contacts/labels';

/** The colour tones a status badge can take (classes `badge--<tone>` in base.css). */
export type BadgeTone = 'pending' | 'contacted' | 'ok' | 'off' | 'closed';

interface StatusBadgeProps<S extends string> {
  /** Class naming what kind of status this is (e.g. `refill-status`), for tests and lookups. */
  kind: string;
  status: S;
  labels: Record<S, string>;
  tones: Record<S, BadgeTone>;
}

/** A status shown as a badge: its words and its colour tone both follow the status code. */
export function StatusBadge<S extends string>({ kind, status, labels, tones }: StatusBadgeProps<S>) {
  const tone: BadgeTone | undefined = tones[status];
  return <span class={tone ? `badge ${kind} badge--${tone}` : `badge ${kind}`}>{labelOf(labels, status)}</span>;
}
