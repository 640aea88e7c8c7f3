import { MESSAGE_CHANNELS, MESSAGE_STATUSES } from '../../api';
import { FilterSelect } from '../FilterSelect';
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
      <FilterSelect label="Status" name="status" value={filter.status ?? ''} onValue={(v) => set('status', v)} any="Any status" codes={MESSAGE_STATUSES} labels={MESSAGE_STATUS_LABELS} />
      <FilterSelect label="Channel" name="channel" value={filter.channel ?? ''} onValue={(v) => set('channel', v)} any="Any channel" codes={MESSAGE_CHANNELS} labels={CHANNEL_LABELS} />
    </form>
  );
}
