import { useId, useState } from 'preact/hooks';
import { uploadContactSheet, type UploadDetail, type UploadProgress } from '../../api';
import { formatCount } from '../../datetime';
import { formErrors } from '../../forms';
import { Alert } from '../Alert';

const ACCEPT = '.xlsx,.xls,.csv,.tsv,.txt';
const MAX_BYTES = 20 * 1024 * 1024;

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${formatCount(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** Picks a sheet and sends it, showing how much has gone up. */
export function UploadForm({ onUploaded }: { onUploaded: (u: UploadDetail) => void }) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    if (!file) {
      setError('Choose a spreadsheet file first.');
      return;
    }
    if (file.size > MAX_BYTES) {
      setError('The file is larger than 20 MB. Split it into smaller sheets.');
      return;
    }
    setBusy(true);
    setError(null);
    setProgress({ loaded: 0, total: file.size });
    try {
      const result = await uploadContactSheet(file, setProgress);
      form.reset();
      setFile(null);
      onUploaded(result);
    } catch (err) {
      setError(formErrors(err, []).message);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const pct = progress && progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : null;
  const sent = progress && pct !== null && pct >= 100;

  return (
    <form class="form panel" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Upload a contact sheet</h2>
      <p class="muted">Excel (.xlsx, .xls) or CSV/text, up to 20 MB. The sheet needs a column headed “Phone” or “Mobile”.</p>
      {error && <Alert>{error}</Alert>}
      <div class={error ? 'field field--invalid' : 'field'}>
        <label for={`${id}-file`}>Spreadsheet file</label>
        <input
          id={`${id}-file`}
          name="file"
          type="file"
          accept={ACCEPT}
          disabled={busy}
          onChange={(e) => {
            setFile(e.currentTarget.files?.[0] ?? null);
            setError(null);
          }}
        />
        {file && (
          <p class="field__hint">
            {file.name} · {sizeText(file.size)}
          </p>
        )}
      </div>
      {progress && (
        <div class="field">
          <label for={`${id}-progress`}>{sent ? 'Uploaded; reading the sheet…' : 'Uploading…'}</label>
          <progress id={`${id}-progress`} class="progress" max={100} value={pct ?? undefined}>
            {pct ?? 0}%
          </progress>
          <p class="field__hint" aria-live="polite">
            {pct !== null ? `${pct}%` : 'Sending…'}
          </p>
        </div>
      )}
      <div class="form__actions">
        <button type="submit" class="btn btn--primary" disabled={busy}>
          {busy ? 'Uploading…' : 'Upload'}
        </button>
      </div>
    </form>
  );
}
