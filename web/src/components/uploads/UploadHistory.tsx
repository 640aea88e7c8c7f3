import type { Upload } from '../../api';
import { formatCount, formatDateTime } from '../../datetime';
import { useSession } from '../../session';

interface UploadHistoryProps {
  items: Upload[];
  total: number;
  onShow: (id: number) => void;
}

/** Earlier uploads with their counts, newest first. */
export function UploadHistory({ items, total, onShow }: UploadHistoryProps) {
  const { shop } = useSession();
  if (items.length === 0) return <p class="muted">No sheets uploaded yet.</p>;
  return (
    <>
      <ul class="card-list" aria-label="Past uploads">
        {items.map((u) => (
          <li key={u.id} class="card">
            <div class="card__head">
              <h3 class="card__title">{u.file_name}</h3>
              <span class="badge">{u.file_format.toUpperCase()}</span>
            </div>
            <p class="muted">
              {formatDateTime(u.created_at, shop?.time_zone)} · {u.uploaded_by_name}
            </p>
            <p>
              {formatCount(u.total_rows)} rows: {formatCount(u.imported)} imported, {formatCount(u.duplicates)} duplicates,{' '}
              {formatCount(u.invalid)} invalid
            </p>
            <button type="button" class="btn btn--small" onClick={() => onShow(u.id)} aria-label={`Show result of ${u.file_name} (upload ${u.id})`}>
              Show result
            </button>
          </li>
        ))}
      </ul>
      {total > items.length && <p class="muted">Showing the latest {items.length} of {formatCount(total)} uploads.</p>}
    </>
  );
}
