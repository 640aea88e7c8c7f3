import { getCallFirst, getContactTimes, getModels, type CallFirst, type ContactTimes, type ModelCard } from '../../api';
import { ReportPanel } from '../dashboard/ReportPanel';
import { useReport } from '../dashboard/useReport';
import { CallFirstList } from './CallFirstList';
import { ModelCards } from './ModelCards';
import { ReachHeatmap } from './ReachHeatmap';

interface Insights {
  times: ContactTimes;
  models: ModelCard[] | null;
  callFirst: CallFirst;
}

async function loadInsights(): Promise<Insights> {
  const [times, models, callFirst] = await Promise.all([getContactTimes(), getModels(), getCallFirst()]);
  return { times, models, callFirst };
}

/** The dashboard's insights (owner, manager): when people pick up, what the models found, whom to call first. */
export function InsightsPanel() {
  const loaded = useReport(loadInsights, 'insights');
  return (
    <ReportPanel id="insights-title" title="Insights" loaded={loaded} wide>
      {(i) => (
        <div class="insights">
          <section aria-label="When people pick up">
            <ReachHeatmap times={i.times} />
          </section>
          <section aria-label="What the scores found">
            <h3>Scores</h3>
            <ModelCards models={i.models} />
          </section>
          <section aria-label="Whom to call first">
            <CallFirstList callFirst={i.callFirst} />
          </section>
        </div>
      )}
    </ReportPanel>
  );
}
