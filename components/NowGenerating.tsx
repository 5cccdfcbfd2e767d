import { isActive, type Job } from '../lib/model/job';
import { MODE_INFO } from '../lib/model/modes';
import { useThumbUrl } from '../lib/ui/media-url';
import { statusLabel } from './JobCard';
import { formatNumber, t } from '../lib/i18n';

/**
 * A one-line strip pinned under the panel's header while jobs run: how many, and each one's mode and state
 * (no progress claims: the queue card says what is known). Clicking it brings the Queue into view, so
 * running work is in sight even while the composer fills the screen.
 */
export function NowGenerating({ jobs }: { jobs: Job[] }) {
  const active = jobs.filter((j) => isActive(j.status) && j.request.mode !== 'describe-image').sort((a, b) => a.createdAt - b.createdAt);
  if (active.length === 0) return null;
  const showQueue = () => {
    const queue = document.getElementById('queue');
    queue?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    queue?.focus({ preventScroll: true });
  };
  return (
    <button type="button" className="now-generating" onClick={showQueue} title={t('ux.nowGenerating.show')} data-testid="now-generating">
      <span className="spinner" aria-hidden="true" />
      <span className="now-label">{t('ux.nowGenerating.count', active.length, { count: formatNumber(active.length) })}</span>
      <span className="now-jobs" aria-hidden="true">
        {active.slice(0, 4).map((job) => (
          <NowChip key={job.id} job={job} />
        ))}
      </span>
    </button>
  );
}

function NowChip({ job }: { job: Job }) {
  const source = 'sources' in job.request ? job.request.sources[0] : undefined;
  const thumb = useThumbUrl(source?.mediaId);
  return (
    <span className="now-chip" title={`${MODE_INFO[job.request.mode].label} · ${statusLabel(job.status)}`}>
      {thumb ? <img src={thumb} alt="" /> : <span className={`now-dot kind-${MODE_INFO[job.request.mode].output}`} />}
    </span>
  );
}
