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

/** Labelled numbers in a grid of boxes (two across on a phone). A dl cannot carry a name: the group around it does. */
export function FigureGrid({ label, items, small = false }: FigureGridProps) {
  return (
    <div role="group" aria-label={label}>
      <dl class={small ? 'figures figures--small' : 'figures'}>
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
    </div>
  );
}
