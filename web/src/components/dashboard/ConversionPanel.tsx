import type { ConversionReport, ReportWindow } from '../../api';
import { formatDate, plural } from '../../datetime';
import { DownloadLinks } from './DownloadLinks';
import { FunnelChart } from './FunnelChart';
import { ReportPanel } from './ReportPanel';
import { StaffTable } from './StaffTable';
import type { Loaded } from './useReport';

interface ConversionPanelProps {
  loaded: Loaded<ConversionReport>;
  /** The chosen dates, or none: every contact. */
  dates: ReportWindow;
}

/** Contact sheets: the funnel and the per-staff table. */
export function ConversionPanel({ loaded, dates }: ConversionPanelProps) {
  return (
    <ReportPanel id="conversion-title" title="Contact sheets" wide loaded={loaded} actions={<DownloadLinks report="conversion" params={{ ...dates }} what="conversion report" />}>
      {(r) => (
        <>
          <p class="muted">
            {r.from && r.to ? `Contacts uploaded ${formatDate(r.from)} to ${formatDate(r.to)}.` : 'Every contact uploaded.'}{' '}
            {plural(r.self_reported_contacted, 'bill')} where the customer said we had contacted them.
          </p>
          <FunnelChart report={r} />
          <h3>Per staff member</h3>
          <StaffTable rows={r.by_staff} />
        </>
      )}
    </ReportPanel>
  );
}
