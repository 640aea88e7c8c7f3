import type { Schemas } from '../../api/schema';
import { scoreBandText, scoreReasonsText, type ScoreKind } from './words';

type InsightScore = Schemas['InsightScore'];

/**
 * A score in words, as contact, refill and adherence cards show it: the band (against the
 * shop's own rate), the reasons, and whether the shop's baseline gave it. A lapse risk's high
 * band is a warning; a conversion's is good news.
 */
export function ScoreLine({ score, kind = 'conversion' }: { score: InsightScore; kind?: ScoreKind }) {
  const reasons = scoreReasonsText(score.reasons);
  return (
    <p class={`score-line score-line--${kind} score-line--${score.band}`}>
      <span class="score-line__band">{scoreBandText(score.band, kind)}</span>
      {reasons && <span class="score-line__reasons">{reasons}</span>}
      {score.model === 'baseline' && <span class="score-line__basis muted">from the shop's rates so far</span>}
    </p>
  );
}
