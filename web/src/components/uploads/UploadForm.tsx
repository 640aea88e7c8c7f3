import { useId, useRef, useState } from 'preact/hooks';
import {
  previewContactSheet,
  uploadContactSheet,
  type FieldErrors,
  type SheetChoice,
  type UploadDetail,
  type UploadImported,
  type UploadPreview,
  type UploadProgress,
} from '../../api';
import { formatCount } from '../../datetime';
import { formErrors } from '../../forms';
import { Alert } from '../Alert';
import { changeChoice, UploadPreviewPanel } from './UploadPreviewPanel';

const ACCEPT = '.xlsx,.xls,.csv,.tsv,.txt';
const MAX_BYTES = 20 * 1024 * 1024;
const CHOICE_FIELDS = ['sheet', 'header_row', 'phone_column', 'name_column'] as const;

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${formatCount(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/**
 * Picks a sheet, previews how it will be read (changing the sheet, header row or columns reads it
 * again), then imports it with those choices, showing how much has gone up.
 */
export function UploadForm({ onUploaded }: { onUploaded: (u: UploadDetail | UploadImported) => void }) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [choice, setChoice] = useState<SheetChoice>({});
  const [preview, setPreview] = useState<UploadPreview | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [counting, setCounting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [busy, setBusy] = useState(false);
  // Only the answer to the latest preview counts.
  const latest = useRef(0);

  const showError = (err: unknown) => {
    const shown = formErrors(err, CHOICE_FIELDS);
    setFieldErrors(shown.fields);
    setError(shown.message);
  };

  // Two reads: the layout and first rows at once (they stop after 20 rows), then the counts over
  // the whole file, which take as long as reading all of it. The import does not wait for them.
  const runPreview = async (f: File, c: SheetChoice) => {
    const mine = ++latest.current;
    setPreviewing(true);
    setCounting(false);
    try {
      const quick = await previewContactSheet(f, c, false);
      if (mine !== latest.current) return;
      setPreview(quick);
      setFieldErrors({});
      setError(null);
    } catch (err) {
      if (mine === latest.current) showError(err);
      return;
    } finally {
      if (mine === latest.current) setPreviewing(false);
    }
    setCounting(true);
    try {
      const whole = await previewContactSheet(f, c, true);
      if (mine === latest.current) setPreview(whole);
    } catch {
      // The counts are a help, not a step: the quick preview stands and the import still works.
    } finally {
      if (mine === latest.current) setCounting(false);
    }
  };

  const choose = (f: File | null) => {
    ++latest.current; // an answer still on its way is for the file before
    setCounting(false);
    setFile(f);
    setChoice({});
    setPreview(null);
    setError(null);
    setFieldErrors({});
    if (!f) return;
    if (f.size > MAX_BYTES) {
      setError('The file is larger than 20 MB. Split it into smaller sheets.');
      return;
    }
    void runPreview(f, {});
  };

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    if (!file) {
      setError('Choose a spreadsheet file first.');
      return;
    }
    setBusy(true);
    setError(null);
    setProgress({ loaded: 0, total: file.size });
    try {
      const result = await uploadContactSheet(file, setProgress, choice);
      form.reset();
      choose(null);
      onUploaded(result);
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const pct = progress && progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : null;
  const sent = progress && pct !== null && pct >= 100;
  const canImport = !!file && !!preview?.phone_column && !previewing && !busy && Object.keys(fieldErrors).length === 0;

  return (
    <form class="form panel" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Upload a contact sheet</h2>
      <p class="muted">
        Excel (.xlsx, .xls) or CSV/text, up to 20 MB. You see how the sheet will be read, and can choose its phone
        and name columns, before anything is imported.
      </p>
      {error && <Alert>{error}</Alert>}
      <div class={error && !preview ? 'field field--invalid' : 'field'}>
        <label for={`${id}-file`}>Spreadsheet file</label>
        <input
          id={`${id}-file`}
          name="file"
          type="file"
          accept={ACCEPT}
          disabled={busy}
          onChange={(e) => choose(e.currentTarget.files?.[0] ?? null)}
        />
        {file && (
          <p class="field__hint">
            {file.name} · {sizeText(file.size)}
          </p>
        )}
      </div>
      {previewing && (
        <p class="muted" role="status">
          Reading the sheet…
        </p>
      )}
      {counting && !preview?.counts && (
        <p class="muted" role="status">
          Counting the whole sheet…
        </p>
      )}
      {preview?.problem && <Alert>{preview.problem}</Alert>}
      {preview && file && (
        <UploadPreviewPanel
          preview={preview}
          busy={previewing || busy}
          fieldErrors={fieldErrors}
          onChange={(change) => {
            const next = changeChoice(choice, change);
            setChoice(next);
            void runPreview(file, next);
          }}
        />
      )}
      {progress && (
        <div class="field">
          <label for={`${id}-progress`}>{sent ? 'Uploaded; importing the sheet…' : 'Uploading…'}</label>
          <progress id={`${id}-progress`} class="progress" max={100} value={pct ?? undefined}>
            {pct ?? 0}%
          </progress>
          <p class="field__hint" aria-live="polite">
            {pct !== null ? `${pct}%` : 'Sending…'}
          </p>
        </div>
      )}
      <div class="form__actions">
        <button type="submit" class="btn btn--primary" disabled={!canImport}>
          {busy ? 'Importing…' : 'Import'}
        </button>
      </div>
    </form>
  );
}
