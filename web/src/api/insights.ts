// The insights: when the shop's contacts pick up, how well its models rank, whom to call first.

import { ApiError, request } from './http';
import { TRACKING, listContacts } from './contacts';
import type { Schemas } from './schema';
import type { Contact } from './tracking-types';

export type ContactTimes = Schemas['ContactTimes'];
export type ContactTimeCell = Schemas['ContactTimeCell'];
export type ContactTimeWindow = Schemas['ContactTimeWindow'];
export type BestTime = Schemas['BestTime'];

/** The shop's reach rates by weekday and hour (the last 90 days). */
export const getContactTimes = () => request<ContactTimes>('GET', `${TRACKING}/insights/contact-times`);

/** One held-out evaluation of a scorer: ranking quality and how many positives its top 20% finds. */
export interface HoldoutMetrics {
  rows: number;
  auc: number | null;
  brier: number | null;
  lift: number | null;
}

export type ModelKind = 'conversion' | 'lapse';
export type ModelReason = 'none' | 'too_few_labelled' | 'too_few_positives' | 'model_not_better';

/** A trained (or fallen-back) scorer of GET /insights/models. */
export interface ModelCard {
  kind: ModelKind;
  scorer: 'model' | 'baseline';
  reason: ModelReason;
  version: number;
  trained_at: string;
  rows: number;
  positives: number;
  holdout: HoldoutMetrics;
  baseline_holdout: HoldoutMetrics;
}

/**
 * The shop's models, or null when this server has no models endpoint (404): the cards then say
 * "not available" rather than failing the dashboard.
 */
export async function getModels(): Promise<ModelCard[] | null> {
  try {
    const answer = await request<{ models: ModelCard[] }>('GET', `${TRACKING}/insights/models`);
    return answer.models;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

export interface CallFirst {
  items: Contact[];
  /** False when the server cannot order by score (422 on sort=score): then by upload. */
  byScore: boolean;
}

/** The ten open contacts most worth calling: by score, or by upload when scores are not there. */
export async function getCallFirst(): Promise<CallFirst> {
  try {
    const page = await listContacts({ sort: 'score', limit: 10 });
    return { items: page.items, byScore: true };
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 422) throw err;
    const page = await listContacts({ status: 'pending', sort: 'oldest', limit: 10 });
    return { items: page.items, byScore: false };
  }
}
