import { useEffect, useState } from 'react';
import type { Job } from '../../lib/model/job';
import { MODE_INFO, type Mode } from '../../lib/model/modes';
import { send } from '../../lib/messaging/client';
import { userMessage } from '../../lib/errors/taxonomy';
import { applyResultAs } from '../../lib/ui/composer-store';
import { copyResultImage, downloadResult, openFullSize, originTabOpen } from '../../lib/ui/result-actions';
import { useCapabilities } from '../../lib/ui/settings-view-store';
import { useOpenVersions } from '../../lib/ui/versions-store';
import { formatNumber, t } from '../../lib/i18n';
import type { IconName } from './Icon';

export interface ResultAction {
  id: string;
  label: string;
  icon: IconName;
  run(): void;
  disabled?: boolean;
  danger?: boolean;
  /** Shown on the tile itself (as an icon); the others sit in its More actions menu. */
  primary?: boolean;
  /** Keeps the menu open after the click (Delete → Confirm delete). */
  keepOpen?: boolean;
}

export type ActionMessage = { tone: 'ok' | 'error'; text: string } | undefined;

/**
 * Every action on one finished result, in one list the tile (icons + menu) and the viewer (buttons) both
 * draw, so the two never disagree. Names are the ones the tests and screen readers know ("Download",
 * "Edit this", …). `onStatus` gets one-line outcomes for the page's polite live region.
 */
export function useResultActions(job: Job, index: number, onStatus: (message: string) => void) {
  const caps = useCapabilities();
  const openVersions = useOpenVersions();
  const isVideo = job.results[index]?.kind === 'video';
  const [canReplace, setCanReplace] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<ActionMessage>();

  useEffect(() => {
    let live = true;
    setMessage(undefined);
    if (job.origin?.tabId !== undefined) void originTabOpen(job).then((open) => live && setCanReplace(open));
    return () => {
      live = false;
    };
  }, [job, index]);

  useEffect(() => {
    if (!confirming) return;
    const timer = setTimeout(() => setConfirming(false), 5_000);
    return () => clearTimeout(timer);
  }, [confirming]);

  const report = (tone: 'ok' | 'error', text: string) => {
    setMessage({ tone, text });
    onStatus(text);
  };
  /** `done`: the sentence once `run` succeeds, given what it returned (e.g. the file name being saved). */
  const attempt = (run: () => Promise<string | void>, done: string | ((extra: string) => string)) => () => {
    void (async () => {
      try {
        const extra = await run();
        report('ok', typeof done === 'function' ? done(extra ?? '') : typeof extra === 'string' ? `${done} ${extra}` : done);
      } catch (error) {
        report('error', error instanceof Error ? error.message : String(error));
      }
    })();
  };
  const use = (mode: Mode) => () => {
    applyResultAs(job, index, mode, caps);
    onStatus(t('panel.resultTile.addedToComposer', { mode: MODE_INFO[mode].label }));
  };

  const actions: ResultAction[] = [
    { id: 'download', label: t('panel.resultTile.download'), icon: 'download', primary: true, run: attempt(() => downloadResult(job, index), (file) => t('panel.animationExport.downloading', { file })) },
  ];
  if (canReplace) {
    actions.push({
      id: 'replace',
      label: t('panel.resultTile.replaceOnPage'),
      icon: 'replace',
      primary: true,
      run: attempt(async () => {
        const reply = await send({ type: 'result.replace-on-page', jobId: job.id, index });
        if (!reply.ok) throw new Error(userMessage(reply.error));
      }, t('panel.resultTile.replacedOnPage')),
    });
  }
  if (isVideo) {
    actions.push({ id: 'extend', label: t('panel.resultTile.extendThis'), icon: 'extend', primary: true, disabled: !caps.modes['extend-video'], run: use('extend-video') });
    actions.push({ id: 'edit-video', label: t('panel.resultTile.editThis'), icon: 'edit', disabled: !caps.modes['edit-video'], run: use('edit-video') });
  } else {
    actions.push({ id: 'edit', label: t('panel.resultTile.editThis'), icon: 'edit', primary: true, disabled: !caps.modes['edit-image'], run: use('edit-image') });
    actions.push({ id: 'animate', label: t('panel.resultTile.animateThis'), icon: 'animate', disabled: !caps.modes['animate-image'], run: use('animate-image') });
    actions.push({ id: 'copy', label: t('panel.resultTile.copyImage'), icon: 'copy', run: attempt(() => copyResultImage(job, index), t('panel.resultTile.copiedImage')) });
    actions.push({ id: 'reference', label: t('panel.resultTile.useAsReference'), icon: 'reference', disabled: !caps.modes['reference-video'], run: use('reference-video') });
  }
  actions.push({ id: 'open', label: t('panel.resultTile.openFullSize'), icon: 'open', run: attempt(() => openFullSize(job, index), t('panel.resultTile.openedInTab')) });
  actions.push({ id: 'versions', label: t('panel.versions.open'), icon: 'versions', run: () => openVersions(job.id, index) });
  actions.push(
    confirming
      ? {
          id: 'confirm-delete',
          label: job.results.length > 1 ? t('panel.resultTile.confirmDeleteAll', { count: formatNumber(job.results.length) }) : t('panel.resultTile.confirmDelete'),
          icon: 'trash',
          danger: true,
          run: () => {
            setConfirming(false);
            void send({ type: 'jobs.delete', jobIds: [job.id] }).then((reply) => (reply.ok ? onStatus(t('panel.resultTile.deleted')) : report('error', userMessage(reply.error))));
          },
        }
      : { id: 'delete', label: t('panel.resultTile.delete'), icon: 'trash', keepOpen: true, run: () => setConfirming(true) },
  );
  return { actions, message, report, isVideo };
}
