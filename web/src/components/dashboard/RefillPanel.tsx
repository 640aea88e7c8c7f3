import type { RefillReport, ReportWindow } from '../../api';
import { formatDate } from '../../datetime';
import { DownloadLinks } from './DownloadLinks';
import { RefillFacts } from './RefillFacts';
import { RefillTrend } from './RefillTrend';
import { ReportPanel } from './ReportPanel';
import type { Loaded } from './useReport';

/** Refill reminders in the window, and the refill / bill trend. */
export function RefillPanel({ loaded, dates }: { loaded: Loaded<RefillReport>; dates: ReportWindow }) {
  return (
    <ReportPanel id="refills-title" title="Refills" loaded={loaded} actions={<DownloadLinks report="refills" params={{ ...dates }} what="refill report" />}>
      {(r) => (
        <>
          <p class="muted">
            Reminders due {formatDate(r.from)} to {formatDate(r.to)}.
          </p>
          <RefillFacts report={r} />
          <RefillTrend dates={{ from: r.from, to: r.to }} />
        </>
      )}
    </ReportPanel>
  );
}
