import type { ConversionReport, ReportWindow } from '../../api';
import { formatDate, plural } from '../../datetime';
import { useSession } from '../../session';
import { ConversionFigures } from './ConversionFigures';
import { DownloadLinks } from './DownloadLinks';
import { ReportPanel } from './ReportPanel';
import { StaffTable } from './StaffTable';
import { StatusChart } from './StatusChart';
import { UploadTable } from './UploadTable';
import type { Loaded } from './useReport';

interface ConversionPanelProps {
  loaded: Loaded<ConversionReport>;
  /** The chosen dates, or none: every contact. */
  dates: ReportWindow;
}

/** Contact sheets: the conversion report whole (its figures, the statuses, per staff member and per upload). */
export function ConversionPanel({ loaded, dates }: ConversionPanelProps) {
  const { shop } = useSession();
  return (
    <ReportPanel id="conversion-title" title="Contact sheets" wide loaded={loaded} actions={<DownloadLinks report="conversion" params={{ ...dates }} what="conversion report" />}>
      {(r) => (
        <>
          <p class="muted">
            {r.from && r.to ? `Contacts added ${formatDate(r.from)} to ${formatDate(r.to)}.` : 'Every contact.'}{' '}
            {plural(r.self_reported_contacted, 'bill')} where the customer said we had contacted them.
          </p>
          <ConversionFigures report={r} />
          <StatusChart report={r} />
          <h3>Per staff member</h3>
          <StaffTable rows={r.by_staff} />
          <h3>Per upload</h3>
          <UploadTable rows={r.by_upload} zone={shop?.time_zone} />
        </>
      )}
    </ReportPanel>
  );
}
