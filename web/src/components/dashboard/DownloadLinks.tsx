import { reportDownloadUrl, type ReportName } from '../../api';

interface DownloadLinksProps {
  report: ReportName;
  /** The same query as the figures shown (window, metric…). */
  params?: Record<string, string | number | undefined>;
  /** What is downloaded, in words: "conversion report". */
  what: string;
}

/** CSV and Excel downloads of a report: plain links, so the session cookie goes with them. */
export function DownloadLinks({ report, params = {}, what }: DownloadLinksProps) {
  return (
    <p class="downloads">
      <a class="btn btn--small" href={reportDownloadUrl(report, 'csv', params)} download aria-label={`Download the ${what} as CSV`}>
        CSV
      </a>
      <a class="btn btn--small" href={reportDownloadUrl(report, 'xlsx', params)} download aria-label={`Download the ${what} as XLSX (Excel)`}>
        XLSX
      </a>
    </p>
  );
}
