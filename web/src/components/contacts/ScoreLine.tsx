import type { Schemas } from '../../api/schema';

type InsightScore = Schemas['InsightScore'];

const BAND_LABELS: Record<InsightScore['band'], string> = { high: 'High', medium: 'Medium', low: 'Low' };

/** A contact's chance to convert, in words: the band, why, and whether it is the baseline's. */
export function ScoreLine({ score }: { score: InsightScore }) {
  return (
    <p class={`score-line score-line--${score.band}`}>
      <span class="score-line__band">{BAND_LABELS[score.band]}</span>
      {score.reasons.length > 0 && <span class="score-line__reasons">{score.reasons.join(' · ')}</span>}
      {score.model === 'baseline' && <span class="score-line__basis muted">from the shop's rates so far</span>}
    </p>
  );
}
