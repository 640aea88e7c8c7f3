// Insights in words: hours, windows and model cards as a person reads them.

import type { BestTime, ContactTimeWindow, ModelCard } from '../../api';
import type { Schemas } from '../../api/schema';

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** 18 -> "18:00". */
export function hourText(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** A share as a whole percentage: 0.423 -> "42%". */
export function percentText(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** "Tuesday 18:00-20:00" or "Every day 18:00-20:00". */
export function windowText(w: { weekday: number | null; start_hour: number; end_hour: number }): string {
  const day = w.weekday === null ? 'Every day' : WEEKDAYS[w.weekday - 1];
  return `${day} ${hourText(w.start_hour)}-${hourText(w.end_hour)}`;
}

/** "Tuesday 18:00-20:00, 42% pick up". */
export function bestWindowText(w: ContactTimeWindow): string {
  return `${windowText(w)}, ${percentText(w.rate)} pick up`;
}

/** "best 18:00-20:00" (with the weekday when there is one), or null when nothing is known. */
export function bestTimeText(best: BestTime | null | undefined): string | null {
  if (!best) return null;
  const hours = `${hourText(best.start_hour)}-${hourText(best.end_hour)}`;
  return best.weekday === null ? `best ${hours}` : `best ${WEEKDAYS[best.weekday - 1]} ${hours}`;
}

const KIND_TITLES: Record<ModelCard['kind'], string> = {
  conversion: 'Who will convert',
  lapse: 'Who will run out',
};

const KIND_POSITIVES: Record<ModelCard['kind'], string> = {
  conversion: 'conversions',
  lapse: 'lapses',
};

/** What a card is about. */
export function modelTitle(card: ModelCard): string {
  return KIND_TITLES[card.kind];
}

// What a model needs before it is trained (the server's rule: 200 labelled rows, 20 positives).
const NEEDED_ROWS = 200;
const NEEDED_POSITIVES = 20;

const KIND_ROWS: Record<ModelCard['kind'], string> = {
  conversion: 'contacts uploaded 30+ days ago',
  lapse: 'refills that ran out 7+ days ago',
};

/**
 * The card's finding in words: how much of the positives the top 20% by score finds against the
 * plain order, or what is missing when the data is too thin.
 */
export function modelSentences(card: ModelCard): string[] {
  const positives = KIND_POSITIVES[card.kind];
  if (card.reason === 'too_few_labelled') {
    return [`Not enough history yet: needs ${NEEDED_ROWS} ${KIND_ROWS[card.kind]}; has ${card.rows}.`, 'Scores use the plain rates by last outcome meanwhile.'];
  }
  if (card.reason === 'too_few_positives') {
    return [`Not enough ${positives} yet: needs ${NEEDED_POSITIVES}; has ${card.positives}.`, 'Scores use the plain rates by last outcome meanwhile.'];
  }
  const scored = card.scorer === 'model' ? card.holdout : card.baseline_holdout;
  const out: string[] = [];
  if (scored.lift !== null) {
    out.push(`Calling the top 20% first finds ${percentText(scored.lift)} of ${positives}; the plain order finds 20%.`);
  } else {
    out.push(`No ${positives} in the held-out data to measure against yet.`);
  }
  if (card.reason === 'model_not_better') {
    out.push('The trained model did not beat the plain rates by last outcome, so those are used.');
  }
  out.push(`Learned from ${card.rows} rows with ${card.positives} ${positives}.`);
  return out;
}

type InsightScore = Schemas['InsightScore'];

/** What a score predicts: a contact's conversion (high is good) or a lapse (high is a risk). */
export type ScoreKind = 'conversion' | 'lapse';

const BAND_WORDS: Record<InsightScore['band'], string> = { high: 'High', medium: 'Medium', low: 'Low' };

/** "High" for a conversion score; "High risk" for a lapse risk. */
export function scoreBandText(band: InsightScore['band'], kind: ScoreKind): string {
  return kind === 'lapse' ? `${BAND_WORDS[band]} risk` : BAND_WORDS[band];
}

/** The reasons as one line, "said they were interested · WhatsApp active"; blank ones left out. */
export function scoreReasonsText(reasons: readonly string[]): string {
  return reasons
    .map((r) => r.trim())
    .filter(Boolean)
    .join(' · ');
}
