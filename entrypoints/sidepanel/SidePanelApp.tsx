import { useCallback, useEffect, useRef, useState } from 'react';
import { userMessage } from '../../lib/errors/taxonomy';
import { isActive, type Job } from '../../lib/model/job';
import { MODE_INFO } from '../../lib/model/modes';
import { useJobs } from '../../lib/ui/jobs-store';
import { PANEL_FOCUS_KEY } from '../../lib/messaging/panel-request';
import { Composer } from '../../components/Composer';
import { SetupCard } from '../../components/SetupCard';
import { useSettings } from '../../lib/ui/settings-view-store';
import { DescriptionCard } from '../../components/DescriptionCard';
import { BatchSection } from '../../components/batch/BatchSection';
import { StoryButton, StorySwitch } from '../../components/story/StorySwitch';
import { Gallery } from '../../components/Gallery';
import { VersionsDialog } from '../../components/versions/VersionsDialog';
import { QueueList } from '../../components/QueueList';
import { NowGenerating } from '../../components/NowGenerating';
import { usePanelKeys } from '../../lib/ui/use-panel-keys';
import { formatNumber, t } from '../../lib/i18n';
import { slot, withNodes } from '../../lib/i18n/nodes';

/**
 * The side panel (and the same page opened as a tab: a full-page layout from 900 px). All job state comes
 * from IndexedDB + the background's change notifications (lib/ui/jobs-store), never from polling the API.
 */
export function SidePanelApp() {
  const jobs = useJobs((s) => s.jobs);
  const loaded = useJobs((s) => s.loaded);
  const loadError = useJobs((s) => s.error);
  const hasMore = useJobs((s) => s.hasMore);
  const loadMore = useJobs((s) => s.loadMore);
  const [announcement, setAnnouncement] = useState('');
  const announce = useCallback((text: string) => {
    // Clearing first makes a repeated sentence ("Copied the image.") be read again.
    setAnnouncement('');
    requestAnimationFrame(() => setAnnouncement(text));
  }, []);
  useCompletionAnnouncements(jobs, loaded, announce);
  useFocusJob(loaded);
  usePanelKeys(announce);

  // Until a key is saved the composer could send nothing: the setup card stands in its place.
  const needsKey = useSettings((s) => s.hasKey === false);
  // A story's shots live in its editor (Story; one entry in history), not one by one among the results.
  const results = jobs.filter((j) => j.status === 'done' && j.results.length > 0 && !j.origin?.storyId);
  return (
    <div className="panel">
      <header className="panel-header">
        <h1>
          <span className="brand-mark" aria-hidden="true" />
          {t('panel.sidePanelApp.reimagine')}
        </h1>
        <NowGenerating jobs={jobs} />
        {!needsKey && <StoryButton />}
      </header>
      <div className="panel-main">
        <div className="panel-left">
          <BatchSection />
          <DescriptionCard />
          {needsKey ? (
            <SetupCard />
          ) : (
            <>
              <StorySwitch>
                <Composer onQueued={() => announce(t('panel.app.queued'))} />
              </StorySwitch>
              <QueueList jobs={jobs} />
            </>
          )}
        </div>
        {!(needsKey && loaded && results.length === 0) && <section aria-label={t('panel.sidePanelApp.results')} className="results">
          <h2>
            {results.length > 0
              ? withNodes(t('panel.sidePanelApp.resultsCount', { count: slot('count') }), {
                  count: <span className="hint">{formatNumber(results.reduce((n, j) => n + j.results.length, 0))}</span>,
                })
              : t('panel.sidePanelApp.results')}
          </h2>
          {loadError ? (
            <p className="error" role="alert">
              {t('panel.sidePanelApp.historyUnreadable', { reason: loadError })}
            </p>
          ) : !loaded ? (
            <div className="skeleton-grid" role="status" aria-label={t('panel.sidePanelApp.loadingResults')}>
              <span />
              <span />
            </div>
          ) : results.length === 0 ? (
            <div className="empty-results">
              <div className="empty-art" aria-hidden="true" />
              <p>{t('panel.sidePanelApp.noResultsYet')}</p>
              <p className="hint">{t('panel.sidePanelApp.finishedImagesAndVideos')}</p>
            </div>
          ) : (
            <Gallery jobs={results} onStatus={announce} />
          )}
          {loaded && hasMore && jobs.length > 0 && (
            <button type="button" className="load-more" onClick={() => void loadMore()}>
              {t('panel.sidePanelApp.loadOlderResults')}
            </button>
          )}
        </section>}
      </div>
      <VersionsDialog onStatus={announce} />
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
        {announcement}
      </div>
    </div>
  );
}

/** "Image ready", "Video failed: …" once per job, for jobs that finish while this page is open. */
function useCompletionAnnouncements(jobs: Job[], loaded: boolean, announce: (text: string) => void) {
  const seen = useRef<Map<string, Job['status']> | null>(null);
  useEffect(() => {
    if (!loaded) return;
    const previous = seen.current;
    const next = new Map(jobs.map((j) => [j.id, j.status]));
    seen.current = next;
    if (!previous) return; // first load: nothing "just" finished
    const messages: string[] = [];
    for (const job of jobs) {
      const before = previous.get(job.id);
      if (before === job.status || (before !== undefined && !isActive(before))) continue;
      if (job.request.mode === 'describe-image') continue; // its button or card says how it went
      const prompt = job.request.prompt.slice(0, 80);
      if (job.status === 'done') messages.push(MODE_INFO[job.request.mode].output === 'video' ? t('panel.app.videoReady', { prompt }) : job.results.length > 1 ? t('panel.app.imagesReady', { count: formatNumber(job.results.length), prompt }) : t('panel.app.imageReady', { prompt }));
      else if (job.status === 'failed') messages.push(t('panel.app.failed', { mode: MODE_INFO[job.request.mode].label, reason: job.error ? userMessage(job.error) : '' }));
    }
    if (messages.length) announce(messages.join(' '));
  }, [jobs, loaded, announce]);
}

/**
 * Bring one job (card or result) into view: a notification click opens `sidepanel.html?job=<id>`, and
 * the popup's "Open in side panel" leaves the id in session storage for the panel to take.
 */
function useFocusJob(loaded: boolean) {
  const [focusId, setFocusId] = useState(() => new URLSearchParams(location.search).get('job'));
  useEffect(() => {
    const session = chrome.storage?.session;
    if (!session) return;
    const take = async () => {
      const value: unknown = (await session.get(PANEL_FOCUS_KEY))[PANEL_FOCUS_KEY];
      if (typeof value !== 'string') return;
      setFocusId(value);
      await session.remove(PANEL_FOCUS_KEY);
    };
    void take();
    const onChanged = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
      if (area === 'session' && changes[PANEL_FOCUS_KEY]?.newValue) void take();
    };
    chrome.storage.onChanged.addListener(onChanged);
    return () => chrome.storage.onChanged.removeListener(onChanged);
  }, []);
  useEffect(() => {
    if (!loaded || !focusId) return;
    const frame = requestAnimationFrame(() => {
      const el = document.querySelector<HTMLElement>(`[data-job-id="${CSS.escape(focusId)}"]`);
      if (!el) return;
      el.scrollIntoView({ block: 'center' });
      el.classList.add('highlight');
    });
    return () => cancelAnimationFrame(frame);
  }, [loaded, focusId]);
}
