import { useEffect, useState } from 'preact/hooks';
import { listStaff } from '../../api';
import { formatCount } from '../../datetime';

interface UploadSplitProps {
  assigned: Record<string, number>;
  unassigned: number;
}

/** How an upload's new contacts were shared out by auto-assign (nothing shown when it is off). */
export function UploadSplit({ assigned, unassigned }: UploadSplitProps) {
  const [names, setNames] = useState<Map<number, string>>(new Map());
  useEffect(() => {
    listStaff().then(
      (res) => setNames(new Map(res.items.map((s) => [s.id, s.name]))),
      () => setNames(new Map()),
    );
  }, []);
  const entries = Object.entries(assigned);
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="upload-split-title">
      <h3 id="upload-split-title">Shared out automatically</h3>
      <ul class="split" aria-label="Auto-assigned">
        {entries.map(([sid, n]) => (
          <li key={sid}>
            <span>{names.get(Number(sid)) ?? `Staff #${sid}`}</span> <strong>{formatCount(n)}</strong>
          </li>
        ))}
        <li>
          <span>Left unassigned (no one had room)</span> <strong>{formatCount(unassigned)}</strong>
        </li>
      </ul>
    </section>
  );
}
