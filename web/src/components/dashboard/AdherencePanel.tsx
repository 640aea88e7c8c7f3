import type { AdherenceReport } from '../../api';
import { formatDate } from '../../datetime';
import { AdherenceChart } from './AdherenceChart';
import { DownloadLinks } from './DownloadLinks';
import { LowAdherenceList } from './LowAdherenceList';
import { ReportPanel } from './ReportPanel';
import type { Loaded } from './useReport';

/** Chronic customers' proportion of days covered, and who to call first. */
export function AdherencePanel({ loaded }: { loaded: Loaded<AdherenceReport> }) {
  return (
    <ReportPanel id="adherence-title" title="Adherence" loaded={loaded} actions={<DownloadLinks report="adherence" what="adherence report" />}>
      {(r) => (
        <>
          <p class="muted">
            The {r.window_days} days to {formatDate(r.as_of)}; customers with a recorded condition and a medicine bought twice or more. The dates
            above do not apply.
          </p>
          <AdherenceChart report={r} />
          <h3>Below 80%: call the most at risk first</h3>
          <LowAdherenceList rows={r.below_threshold} />
        </>
      )}
    </ReportPanel>
  );
}
