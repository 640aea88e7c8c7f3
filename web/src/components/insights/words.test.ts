import { describe, expect, it } from 'vitest';
import type { ModelCard } from '../../api';
import { bestTimeText, bestWindowText, modelSentences, scoreBandText, scoreReasonsText } from './words';

const card = (over: Partial<ModelCard>): ModelCard => ({
  kind: 'conversion',
  scorer: 'model',
  reason: 'none',
  version: 3,
  trained_at: '2026-12-07T10:00:00+05:30',
  rows: 2400,
  positives: 310,
  holdout: { rows: 480, auc: 0.81, brier: 0.11, lift: 0.48 },
  baseline_holdout: { rows: 480, auc: 0.66, brier: 0.13, lift: 0.31 },
  ...over,
});

describe('insights in words', () => {
  it('names windows and best times', () => {
    expect(bestWindowText({ weekday: 2, start_hour: 18, end_hour: 20, rate: 0.423, attempts: 90 })).toBe('Tuesday 18:00-20:00, 42% pick up');
    expect(bestWindowText({ weekday: null, start_hour: 9, end_hour: 10, rate: 0.3, attempts: 9 })).toBe('Every day 09:00-10:00, 30% pick up');
    expect(bestTimeText({ start_hour: 18, end_hour: 20, weekday: null, basis: 'contact' })).toBe('best 18:00-20:00');
    expect(bestTimeText({ start_hour: 10, end_hour: 11, weekday: 7, basis: 'shop' })).toBe('best Sunday 10:00-11:00');
    expect(bestTimeText(null)).toBeNull();
  });

  it('says what the top 20% finds, against the plain order', () => {
    expect(modelSentences(card({}))[0]).toBe('Calling the top 20% first finds 48% of conversions; the plain order finds 20%.');
    const fallback = modelSentences(card({ scorer: 'baseline', reason: 'model_not_better' }));
    expect(fallback[0]).toBe('Calling the top 20% first finds 31% of conversions; the plain order finds 20%.');
    expect(fallback[1]).toMatch(/did not beat/);
  });

  it('says what is missing when the data is too thin', () => {
    expect(modelSentences(card({ scorer: 'baseline', reason: 'too_few_labelled', rows: 57 }))[0]).toBe(
      'Not enough history yet: needs 200 contacts uploaded 30+ days ago; has 57.',
    );
    expect(modelSentences(card({ kind: 'lapse', scorer: 'baseline', reason: 'too_few_positives', positives: 4 }))[0]).toBe(
      'Not enough lapses yet: needs 20; has 4.',
    );
  });
});

describe('scores in words', () => {
  it('names a conversion band plainly and a lapse band as a risk', () => {
    expect(scoreBandText('high', 'conversion')).toBe('High');
    expect(scoreBandText('low', 'conversion')).toBe('Low');
    expect(scoreBandText('high', 'lapse')).toBe('High risk');
    expect(scoreBandText('medium', 'lapse')).toBe('Medium risk');
  });

  it('joins the reasons on one line, leaving out blank ones', () => {
    expect(scoreReasonsText(['late for the last 3 refills', ' ', 'PDC 54% ', 'reminders unanswered'])).toBe(
      'late for the last 3 refills · PDC 54% · reminders unanswered',
    );
    expect(scoreReasonsText([])).toBe('');
  });
});
