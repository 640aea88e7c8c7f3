export interface Figure {
  label: string;
  value: string;
  /** A line of context under the value. */
  note?: string | undefined;
}

interface FigureGridProps {
  label: string;
  items: Figure[];
  /** Smaller figures, for inside a report panel. */
  small?: boolean;
}

/** Labelled numbers in a grid of boxes (two across on a phone). */
export function FigureGrid({ label, items, small = false }: FigureGridProps) {
  return (
    <dl class={small ? 'figures figures--small' : 'figures'} aria-label={label}>
      {items.map((it) => (
        <div class="figures__item" key={it.label}>
          <dt>{it.label}</dt>
          <dd>
            <span class="figures__value">{it.value}</span>
            {it.note && <span class="figures__note">{it.note}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
