import type { ModelCard } from '../../api';
import { formatDateTime } from '../../datetime';
import { modelSentences, modelTitle } from './words';

/** What each model has learned, in words; "not available" when the server has no models yet. */
export function ModelCards({ models }: { models: ModelCard[] | null }) {
  if (models === null) {
    return <p class="muted">Scores are not available on this server yet.</p>;
  }
  if (models.length === 0) {
    return <p class="muted">No model has been trained yet: it is trained after each upload and every night.</p>;
  }
  return (
    <ul class="model-cards" aria-label="Models">
      {models.map((m) => (
        <li key={m.kind} class="model-card">
          <h4>{modelTitle(m)}</h4>
          <p class="model-card__scorer">{m.scorer === 'model' ? 'Learned from this shop' : 'Plain rates by last outcome'}</p>
          {modelSentences(m).map((line) => (
            <p key={line}>{line}</p>
          ))}
          <p class="muted">
            Version {m.version}, trained {formatDateTime(m.trained_at)}
          </p>
        </li>
      ))}
    </ul>
  );
}
