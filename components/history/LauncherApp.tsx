import { useEffect, useMemo, useRef, useState } from 'react';
import { currentWindowId, openHistoryPage, openInSidePanel, openStoryInSidePanel, type Outcome } from '../../lib/ui/history-actions';
import { collapseStories } from '../../lib/history/groups';
import { useHistory } from '../../lib/ui/history-store';
import { matcher, type HistorySummary } from '../../lib/history/summary';
import { useHistoryThumb } from '../../lib/history/thumbs';
import { MODE_INFO } from '../../lib/model/modes';
import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n';

/** Recent results shown in the popup: four rows of four. */
const RECENT = 16;

/**
 * The toolbar popup as a launcher: open the side panel, search prompts, the latest results as a grid
 * (a click opens that result in the panel), and the way to the full-page History. Filters, purge, export
 * and import live on that page (entrypoints/history).
 */
export function LauncherApp() {
  const { summaries, loaded, filter, setFilter } = useHistory();
  const [status, setStatus] = useState<Outcome>();
  const windowId = useRef<number>();
  useEffect(() => {
    void currentWindowId().then((id) => (windowId.current = id));
  }, []);
  // A story is one tile (its newest shot's picture), which opens the story editor.
  const { rows: recent, stories } = useMemo(
    () => collapseStories(summaries.filter((s) => s.resultCount > 0 && s.thumbId).filter(matcher({ ...filter, kind: 'all', status: 'all' }))),
    [summaries, filter],
  );
  // No await before openInSidePanel: sidePanel.open needs the click's user gesture.
  const open = (id?: string) => void openInSidePanel(id, windowId.current).then(setStatus);
  const showHistory = () => void openHistoryPage(filter.text).then(closeIfPopup);

  return (
    <main className="launcher">
      <header className="launcher-head">
        <h1>
          <span className="brand-mark" aria-hidden="true" />
          {t('panel.sidePanelApp.reimagine')}
        </h1>
        <button type="button" className="icon-link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('ux.launcher.options')}
        </button>
      </header>
      <button type="button" className="primary launcher-open" onClick={() => open()}>
        {t('ux.launcher.openSidePanel')}
      </button>
      <form
        role="search"
        className="launcher-search"
        onSubmit={(e) => {
          e.preventDefault();
          showHistory();
        }}
      >
        <input type="search" aria-label={t('history.historyToolbar.searchPrompts')} placeholder={t('history.historyToolbar.searchPrompts')} value={filter.text} onChange={(e) => setFilter({ text: e.target.value })} />
      </form>
      <section aria-labelledby="recent-title" className="launcher-recent">
        <div className="launcher-row">
          <h2 id="recent-title">{t('ux.launcher.recent')}</h2>
          <button type="button" className="link" onClick={showHistory}>
            {t('ux.launcher.allHistory')}
          </button>
        </div>
        {!loaded ? (
          <p className="hint">{t('history.historyApp.loading')}</p>
        ) : recent.length === 0 ? (
          <p className="launcher-empty hint">{filter.text.trim() ? t('history.historyApp.nothingMatchesTheseFilters') : t('ux.launcher.empty')}</p>
        ) : (
          <ul className="launcher-grid" aria-label={t('ux.launcher.recentResults')}>
            {recent.slice(0, RECENT).map((s) => {
              const story = stories.get(s.id);
              return <RecentTile key={s.id} summary={s} story={!!story} onOpen={() => (story ? void openStoryInSidePanel(story.storyId, windowId.current).then(setStatus) : open(s.id))} />;
            })}
          </ul>
        )}
      </section>
      <p role="status" className={`launcher-status hint${status && !status.ok ? ' error' : ''}`}>
        {status?.message}
      </p>
    </main>
  );
}

/** The popup gets out of the way of the tab it opened; the same page opened as a tab stays. */
async function closeIfPopup(): Promise<void> {
  if (!(await browser.tabs.getCurrent())) window.close();
}

function RecentTile({ summary: s, story, onOpen }: { summary: HistorySummary; story: boolean; onOpen(): void }) {
  const thumb = useHistoryThumb(s.thumbId);
  const label = story ? t('story.historyLabel', { prompt: s.prompt.trim() }) : s.prompt.trim() || MODE_INFO[s.mode].label;
  return (
    <li>
      <button type="button" className="launcher-tile" aria-label={story ? t('story.openNamed', { title: label }) : t('ux.launcher.openResult', { title: label })} title={label} onClick={onOpen} data-job-id={s.id}>
        {thumb ? <img src={thumb} alt="" decoding="async" /> : <span className="placeholder" aria-hidden="true" />}
        {story && <span className="launcher-story">{t('story.region')}</span>}
        {s.kind === 'video' && <span className="launcher-badge" aria-hidden="true" />}
      </button>
    </li>
  );
}
