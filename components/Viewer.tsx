import { useEffect, useState } from 'react';
import type { Job } from '../lib/model/job';
import { useMediaUrl } from '../lib/ui/media-url';
import { downloadResult } from '../lib/ui/result-actions';
import { getJob } from '../lib/storage/jobs';
import { t } from '../lib/i18n';

/** "Open full size": one result at its natural size, in a tab of its own. */
export function Viewer({ jobId, index }: { jobId: string; index: number }) {
  const [job, setJob] = useState<Job | null>();
  useEffect(() => {
    void getJob(jobId).then((j) => setJob(j ?? null));
  }, [jobId]);
  const result = job?.results[index];
  const url = useMediaUrl(result?.mediaId);
  const [downloadError, setDownloadError] = useState<string>();
  useEffect(() => {
    if (job) document.title = t('panel.viewer.documentTitle', { title: job.request.prompt.slice(0, 60) || t('panel.viewer.result') });
  }, [job]);
  if (job === undefined) return <p role="status" className="viewer-status">{t('panel.viewer.loading')}</p>;
  if (!job || !result) return <p className="viewer-status error">{t('panel.viewer.thisResultNoLonger')}</p>;
  return (
    <main className="viewer">
      <header className="viewer-bar">
        <p className="viewer-title">{job.request.prompt}</p>
        <button
          type="button"
          onClick={() => {
            setDownloadError(undefined);
            downloadResult(job, index).catch((error: unknown) => setDownloadError(error instanceof Error ? error.message : String(error)));
          }}
        >
          {t('panel.viewer.download')}
        </button>
      </header>
      {downloadError && (
        <p role="alert" className="viewer-status error">
          {downloadError}
        </p>
      )}
      {url && (result.kind === 'video' ? <video src={url} controls autoPlay muted loop aria-label={job.request.prompt} /> : <img src={url} alt={job.request.prompt} />)}
    </main>
  );
}
