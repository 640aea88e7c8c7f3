import { useEffect, useState } from 'preact/hooks';
import { getUpload, listUploads, type UploadDetail, type UploadImported } from '../api';
import { Alert } from '../components/Alert';
import { Loading } from '../components/Loading';
import { UploadForm } from '../components/uploads/UploadForm';
import { UploadHistory } from '../components/uploads/UploadHistory';
import { UploadSummary } from '../components/uploads/UploadSummary';
import { Link } from '../router';
import { useLoaded } from '../useLoaded';

/** Upload a contact sheet, see what was imported, and earlier uploads (owner and manager). */
export function ContactUploadPage() {
  const [result, setResult] = useState<UploadDetail | UploadImported | null>(null);
  const uploads = useLoaded(() => listUploads(20, 0), 'uploads', { failure: 'Could not load uploads.', keep: true });
  const history = uploads.data;
  const [showError, setError] = useState<string | null>(null);
  const error = showError ?? uploads.error;

  // Bring a new result into view (it sits under the form).
  useEffect(() => {
    if (result) document.getElementById('upload-result')?.scrollIntoView({ block: 'start' });
  }, [result]);

  const show = async (id: number) => {
    setError(null);
    try {
      setResult(await getUpload(id));
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not load that upload.');
    }
  };

  return (
    <section class="page">
      <div class="page__head">
        <h1>Upload contacts</h1>
        <Link href="/contacts" class="btn">
          Contact list
        </Link>
      </div>
      <UploadForm
        onUploaded={(u) => {
          setResult(u);
          uploads.reload();
        }}
      />
      <div id="upload-result" class="scroll-target">{result && <UploadSummary upload={result} />}</div>
      <h2>Past uploads</h2>
      {error && <Alert>{error}</Alert>}
      {!history && !error && <Loading />}
      {history && <UploadHistory items={history.items} total={history.total} onShow={(id) => void show(id)} />}
    </section>
  );
}
