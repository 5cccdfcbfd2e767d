import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { copyPrompt, currentWindowId, deleteEntries, downloadResults, exportArchive, openInSidePanel, openStoryInSidePanel, rerun, type Outcome } from '../../lib/ui/history-actions';
import { useHistory } from '../../lib/ui/history-store';
import { collapseStories, groupByPicture } from '../../lib/history/groups';
import { isFiltering, matcher, type HistorySummary } from '../../lib/history/summary';
import { groupByPicturePref, setGroupByPicturePref } from '../../lib/ui/prefs';
import { send } from '../../lib/messaging/client';
import { userMessage } from '../../lib/errors/taxonomy';
import type { EntryAction, GroupInfo } from './HistoryEntry';
import { HistoryList } from './HistoryList';
import { HistoryToolbar } from './HistoryToolbar';
import { StorageFooter } from './StorageFooter';
import { formatNumber, t } from '../../lib/i18n';

type Status = { tone: 'ok' | 'error'; text: string } | undefined;

/** The rows to show: every entry, or (grouped) one row per picture plus the versions of opened groups. */
function pictureRows(items: HistorySummary[], grouped: boolean, expanded: ReadonlySet<string>): { visible: HistorySummary[]; groupInfo?: Map<string, GroupInfo> } {
  if (!grouped) return { visible: items };
  const visible: HistorySummary[] = [];
  const groupInfo = new Map<string, GroupInfo>();
  for (const group of groupByPicture(items)) {
    const [lead, ...rest] = group.members;
    const open = expanded.has(group.key);
    groupInfo.set(lead!.id, { key: group.key, count: group.members.length, expanded: open });
    visible.push(lead!, ...(open ? rest : []));
  }
  return { visible, groupInfo };
}

/** The full-page History (entrypoints/history); `page` is its wide layout. */
export function HistoryApp({ page = false }: { page?: boolean }) {
  const { summaries, jobs, loaded, loading, exhausted, filter, selected, loadMore, loadAll, setFilter, toggle, setSelection } = useHistory();
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState(false);
  const [confirmBulk, setConfirmBulk] = useState(false);
  const windowId = useRef<number>();
  useEffect(() => {
    void currentWindowId().then((id) => (windowId.current = id));
  }, []);

  const matching = useMemo(() => (isFiltering(filter) ? summaries.filter(matcher(filter)) : summaries), [summaries, filter]);
  const [grouped, setGrouped] = useState(groupByPicturePref);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  // A story is one entry (its shots are not listed one by one); the rest as listed or grouped by picture.
  const { rows, stories } = useMemo(() => collapseStories(matching), [matching]);
  const { visible, groupInfo } = useMemo(() => pictureRows(rows, grouped, expanded), [rows, grouped, expanded]);
  const report = useCallback((o: Outcome) => setStatus({ tone: o.ok ? 'ok' : 'error', text: o.message }), []);

  async function run(task: () => Promise<Outcome>) {
    setBusy(true);
    try {
      report(await task());
    } catch (error) {
      report({ ok: false, message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  const onAction = useCallback(
    (action: EntryAction, id: string) => {
      if (action === 'open-story') return void openStoryInSidePanel(id, windowId.current).then(report);
      const job = useHistory.getState().jobs.get(id);
      if (!job) return;
      // No await before openInSidePanel: sidePanel.open needs the click's user gesture.
      if (action === 'open') return void openInSidePanel(id, windowId.current).then(report);
      const task = { download: () => downloadResults(job), copy: () => copyPrompt(job), rerun: () => rerun(job), delete: () => deleteEntries([id]) }[action];
      void run(task);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- run/report are stable in behaviour
    [],
  );

  const selectedIds = [...selected];
  const allVisibleSelected = visible.length > 0 && visible.every((s) => selected.has(s.id));

  return (
    <main className={`history${page ? ' page' : ''}`}>
      <header>
        <div className="row-flex" style={{ justifyContent: 'space-between' }}>
          <h1>
            {page && <span className="brand-mark" aria-hidden="true" />}
            {t('history.historyApp.history')}
          </h1>
          <span className="small hint" aria-live="polite">
            {!loaded ? t('history.historyApp.loading') : t(isFiltering(filter) ? 'history.historyApp.matching' : 'history.historyApp.entries', visible.length, { count: formatNumber(visible.length) + (exhausted ? '' : '+') })}
          </span>
        </div>
        <HistoryToolbar filter={filter} onFilter={setFilter} />
        <label className="small" style={{ display: 'flex', gap: 4, alignItems: 'center', fontWeight: 400, margin: 0 }}>
          <input
            type="checkbox"
            style={{ width: 'auto' }}
            checked={grouped}
            onChange={(e) => {
              setGrouped(e.target.checked);
              setGroupByPicturePref(e.target.checked);
            }}
          />
          {t('history.historyApp.groupByPicture')}
        </label>
        <div className="row-flex small">
          <label style={{ display: 'flex', gap: 4, alignItems: 'center', fontWeight: 400, margin: 0 }}>
            <input
              type="checkbox"
              style={{ width: 'auto' }}
              checked={allVisibleSelected}
              onChange={(e) => setSelection(e.target.checked ? visible.map((s) => s.id) : [])}
            />
            {t('history.historyApp.selectAllShown')}
          </label>
          {selected.size > 0 && (
            <>
              <span>{t('history.historyApp.selectedCount', { count: formatNumber(selected.size) })}</span>
              {confirmBulk ? (
                <button
                  type="button"
                  className="primary"
                  disabled={busy}
                  onClick={() => {
                    setConfirmBulk(false);
                    void run(async () => {
                      const outcome = await deleteEntries(selectedIds);
                      if (outcome.ok) setSelection([]);
                      return outcome;
                    });
                  }}
                >
                  {t('history.historyApp.confirmDelete', { count: formatNumber(selected.size) })}
                </button>
              ) : (
                <button type="button" disabled={busy} onClick={() => setConfirmBulk(true)}>
                  {t('history.historyApp.deleteSelected')}
                </button>
              )}
              <button type="button" disabled={busy} onClick={() => void run(() => exportArchive(selectedIds.map((id) => jobs.get(id)).filter((j) => j !== undefined)))}>
                {t('history.historyApp.exportSelected')}
              </button>
            </>
          )}
        </div>
      </header>

      {loaded && visible.length === 0 && exhausted ? (
        <p className="empty">{isFiltering(filter) ? t('history.historyApp.nothingMatchesTheseFilters') : t('history.historyApp.noGenerationsYetRight')}</p>
      ) : (
        <HistoryList
          items={visible}
          selected={selected}
          canLoadMore={!exhausted && !loading}
          loadMore={() => void loadMore()}
          onToggle={toggle}
          onAction={onAction}
          groups={groupInfo}
          stories={stories}
          onExpand={(key) => setExpanded((now) => (now.has(key) ? new Set([...now].filter((k) => k !== key)) : new Set([...now, key])))}
        />
      )}

      <footer>
        <StorageFooter
          version={summaries.length}
          busy={busy}
          onPurge={(count) =>
            void run(async () => {
              const reply = await send({ type: 'history.purge-oldest', count });
              return reply.ok ? { ok: true, message: t('history.historyApp.removedOldest', reply.deleted, { count: formatNumber(reply.deleted) }) } : { ok: false, message: userMessage(reply.error) };
            })
          }
        />
        <div className="row-flex small">
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await loadAll();
                return exportArchive([...useHistory.getState().jobs.values()]);
              })
            }
          >
            {t('history.historyApp.exportAll')}
          </button>
          <label className="file-button">
            <span aria-hidden="true">{t('ux.history.importButton')}</span>
            <input
              type="file"
              accept=".zip,application/zip"
              aria-label={t('history.historyApp.importArchive')}
              className="visually-hidden"
              disabled={busy}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (!file) return;
                void run(async () => {
                  setStatus({ tone: 'ok', text: t('history.historyApp.importing') });
                  const { sendArchiveForImport } = await import('../../lib/history/transfer');
                  const reply = await sendArchiveForImport(file);
                  if (!reply.ok) return { ok: false, message: t('history.historyApp.nothingImported', { reason: reply.message }) };
                  const skipped = reply.skipped ? ` ${t('history.historyApp.alreadyPresent', reply.skipped, { count: formatNumber(reply.skipped) })}` : '';
                  return { ok: true, message: t('history.historyApp.imported', reply.added, { count: formatNumber(reply.added) }) + skipped };
                });
              }}
            />
          </label>
        </div>
        <p role="status" className={`small ${status?.tone === 'error' ? 'error' : 'success'}`} style={{ margin: 0, minHeight: 18 }}>
          {status?.text}
        </p>
      </footer>
    </main>
  );
}
