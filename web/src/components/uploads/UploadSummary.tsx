import { uploadErrorsCsvUrl, type UploadDetail, type UploadImported } from '../../api';
import { UploadSplit } from './UploadSplit';
import { formatCount, formatDateTime } from '../../datetime';
import { Link } from '../../router';
import { useSession } from '../../session';

/** What an import did: the counts, then the rows it could not use. */
export function UploadSummary({ upload }: { upload: UploadDetail | UploadImported }) {
  const { shop } = useSession();
  const titleId = `upload-${upload.id}-title`;
  return (
    <section class="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>Result: {upload.file_name}</h2>
      <p class="muted">
        Uploaded by {upload.uploaded_by_name} · {formatDateTime(upload.created_at, shop?.time_zone)}
      </p>
      <dl class="counts" aria-label="Import counts">
        <div class="counts__item">
          <dt>Total rows</dt>
          <dd>{formatCount(upload.total_rows)}</dd>
        </div>
        <div class="counts__item counts__item--ok">
          <dt>Imported</dt>
          <dd>{formatCount(upload.imported)}</dd>
        </div>
        <div class="counts__item">
          <dt>Duplicates</dt>
          <dd>{formatCount(upload.duplicates)}</dd>
        </div>
        <div class="counts__item counts__item--bad">
          <dt>Invalid</dt>
          <dd>{formatCount(upload.invalid)}</dd>
        </div>
      </dl>
      {'assigned' in upload && <UploadSplit assigned={upload.assigned} unassigned={upload.unassigned} />}
      <p>
        <Link href={`/contacts?upload_id=${upload.id}`}>See the contacts from this sheet</Link>
      </p>
      {upload.errors.length > 0 ? (
        <>
          <h3>Rows not imported</h3>
          <p>
            <a href={uploadErrorsCsvUrl(upload.id)} download>
              Download errors.csv
            </a>
            {upload.errors_total > upload.errors.length &&
              ` (all ${formatCount(upload.errors_total)} rows; the first ${formatCount(upload.errors.length)} are shown below)`}
          </p>
          <div class="table-wrap">
            <table class="table">
              <caption class="visually-hidden">Rows not imported</caption>
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Value</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {upload.errors.map((e, i) => (
                  <tr key={`${e.row}-${i}`}>
                    <td class="num">{e.row}</td>
                    <td class="mono">{e.value || <span class="muted">(empty)</span>}</td>
                    <td>{e.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p class="muted">Every row was read.</p>
      )}
    </section>
  );
}
