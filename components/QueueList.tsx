import { useEffect, useState } from 'react';
import { isActive, type Job } from '../lib/model/job';
import { dismissedJobs } from '../lib/ui/prefs';
import { queueFacts } from '../lib/ui/queue-facts';
import { JobCard } from './JobCard';
import { formatNumber, t } from '../lib/i18n';
import { slot, withNodes } from '../lib/i18n/nodes';

/** Failed/cancelled jobs stay in the queue (with their reason and Retry) for this long unless dismissed. */
const KEEP_FAILED_MS = 12 * 60 * 60 * 1000;

export function QueueList({ jobs }: { jobs: Job[] }) {
  const [dismissed, setDismissed] = useState(() => new Set(dismissedJobs()));
  // Another panel window dismissing a job updates this one too.
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === null || e.key === 'reimagine.dismissedJobs') setDismissed(new Set(dismissedJobs()));
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);
  const now = Date.now();
  const queue = jobs
    .filter((j) => isActive(j.status) || ((j.status === 'failed' || j.status === 'cancelled') && !dismissed.has(j.id) && now - (j.finishedAt ?? j.updatedAt) < KEEP_FAILED_MS))
    // Oldest active first (the order they run in), then recent failures.
    .sort((a, b) => Number(isActive(b.status)) - Number(isActive(a.status)) || a.createdAt - b.createdAt);
  const activeCount = queue.filter((j) => isActive(j.status)).length;
  const facts = queueFacts(jobs);
  return (
    <section id="queue" tabIndex={-1} aria-label={t('panel.queueList.queue')} className={`queue${queue.length === 0 ? ' idle' : ''}`}>
      <h2>
        {activeCount > 0
          ? withNodes(t('panel.queueList.heading', { count: slot('count') }), {
              count: (
                <span className="count-badge" aria-label={t('panel.queueList.inProgress', { count: formatNumber(activeCount) })}>
                  {formatNumber(activeCount)}
                </span>
              ),
            })
          : t('panel.queueList.queue')}
      </h2>
      {queue.length === 0 ? (
        <p className="empty hint" title={t('panel.queueList.nothingInProgressJobs')}>
          {t('ux.queue.idle')}
        </p>
      ) : (
        <ul className="plain job-list">
          {queue.map((job) => (
            <li key={job.id}>
              <JobCard job={job} facts={facts.get(job.id)} onDismiss={(id) => setDismissed((s) => new Set([...s, id]))} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
