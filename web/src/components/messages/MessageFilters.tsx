import { MESSAGE_CHANNELS, MESSAGE_STATUSES } from '../../api';
import { SelectField } from '../SelectField';
import type { MessageListFilter } from './filters';
import { CHANNEL_LABELS, MESSAGE_STATUS_LABELS } from './labels';

interface MessageFiltersProps {
  filter: MessageListFilter;
  onChange: (f: MessageListFilter) => void;
}

/** Status and channel; a choice applies at once. */
export function MessageFilters({ filter, onChange }: MessageFiltersProps) {
  const set = (key: keyof MessageListFilter, value: string) => {
    const next: MessageListFilter = { ...filter };
    if (value) next[key] = value;
    else delete next[key];
    onChange(next);
  };
  return (
    <form class="form filters__grid message-filters" aria-label="Message filters" onSubmit={(e) => e.preventDefault()}>
      <SelectField label="Status" name="status" value={filter.status ?? ''} onValue={(v) => set('status', v)}>
        <option value="">Any status</option>
        {MESSAGE_STATUSES.map((s) => (
          <option key={s} value={s}>
            {MESSAGE_STATUS_LABELS[s]}
          </option>
        ))}
      </SelectField>
      <SelectField label="Channel" name="channel" value={filter.channel ?? ''} onValue={(v) => set('channel', v)}>
        <option value="">Any channel</option>
        {MESSAGE_CHANNELS.map((c) => (
          <option key={c} value={c}>
            {CHANNEL_LABELS[c]}
          </option>
        ))}
      </SelectField>
    </form>
  );
}
