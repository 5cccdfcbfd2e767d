import type { Mode } from '../../model/modes';
import type { SourceRef } from '../../model/request';
import type { CaptureState } from '../../messaging/panel-request';
import { parseHttpUrl } from '../../net/hosts';
import type { Settings } from '../../settings/schema';
import { markBatchCapture } from './batch-submit';
import { loadSettings } from '../state/settings-store';
import { markStoryCapture } from './story-capture';
import { t } from '../../i18n';
import { saveCapture, writePendingPanelRequest, type PendingCapture } from './pending';
import { loadReferences } from './references';

/**
 * The panel follows each capture through the pending request's `capture` state (pending → ready |
 * failed): it switches mode at once, shows "Reading image…" and offers no Generate until the bytes are
 * there. A failed capture stays in session storage so the panel can run it again after a host grant, or
 * crop a screenshot instead (fallbacks.ts).
 */
const hostOf = (url: string | undefined) => parseHttpUrl(url)?.host;

/** The mode the panel shows for this capture (references: edit with up to 3 images, then reference video). */
async function panelModeOf(capture: PendingCapture, settings?: Settings): Promise<{ mode: Mode; sources: SourceRef[]; prompt?: string }> {
  const { purpose } = capture;
  if (purpose.kind === 'panel') return { mode: purpose.mode, sources: [], ...(capture.prompt !== undefined ? { prompt: capture.prompt } : {}) };
  if (purpose.kind === 'describe' || purpose.kind === 'batch' || purpose.kind === 'story') return { mode: 'create-image', sources: [] };
  if (purpose.kind === 'reference') {
    const refs = await loadReferences();
    return { mode: refs.length + 1 <= 3 ? 'edit-image' : 'reference-video', sources: refs };
  }
  const action = (settings ?? (await loadSettings())).quickActions.find((a) => a.id === purpose.actionId);
  return { mode: action?.mode ?? 'edit-image', sources: [], ...(action ? { prompt: action.prompt } : {}) };
}

/** Tell the panel where a capture stands (panel and reference captures; quick actions only on failure). */
export async function announceCapture(capture: PendingCapture, state: Omit<CaptureState, 'id'>): Promise<void> {
  // A batch's images are followed in the batch's own record, never in the composer.
  if (capture.purpose.kind === 'batch') return markBatchCapture(capture.purpose.batchId, capture.captureId, state);
  if (capture.purpose.kind === 'story') return markStoryCapture(capture.purpose, state);
  if (capture.purpose.kind === 'describe') {
    const describe = state.state === 'failed' ? { state: 'failed' as const, message: state.message ?? t('panel.captureStatus.theImageCouldNot') } : { state: 'reading' as const };
    return writePendingPanelRequest({ id: crypto.randomUUID(), mode: 'create-image', sources: [], describe });
  }
  const target = await panelModeOf(capture);
  const host = hostOf(capture.chosenSrc ?? capture.srcUrl);
  await writePendingPanelRequest({
    id: crypto.randomUUID(),
    ...target,
    capture: { id: capture.captureId, ...(host ? { host } : {}), ...state },
  });
}

/** Keep the failed capture (for a retry or a screenshot) and tell the panel what went wrong and what it can do. */
export async function failCapture(capture: PendingCapture, message: string, options: { accessOrigin?: string; canScreenshot: boolean; quietForQuick?: boolean }): Promise<void> {
  capture.failed = true;
  await saveCapture(capture);
  if (capture.purpose.kind === 'quick' && options.quietForQuick) return; // the overlay says it; nothing in the panel to do
  await announceCapture(capture, {
    state: 'failed',
    message: message.slice(0, 1000),
    ...(options.accessOrigin ? { accessOrigin: options.accessOrigin } : {}),
    canScreenshot: options.canScreenshot,
  });
}

/** A screenshot needs the image on screen and the panel's own card: not for a batch's many images. */
export const canScreenshotFor = (capture: PendingCapture) => capture.mediaType === 'image' && capture.frameId === 0 && capture.purpose.kind !== 'batch' && capture.purpose.kind !== 'story';
