import type { Job } from '../model/job';
import { t } from '../i18n';
import { useAreaPicker } from './area-picker-store';
import { useComposer } from './composer-store';
import { importFile } from './import-media';
import type { Capabilities } from '../providers/types';

/**
 * "Edit an area of this frame" on a video result (issue 25): the frame the viewer's player shows becomes an
 * Edit image source, and the area picker opens on it. From there it is any area edit; its whole-picture
 * result can be animated ("Animate this"). The frame is read from the player's own element: the video is
 * the extension's stored blob (same origin), drawn once at its own size and stored losslessly (PNG).
 */
/** `beforeOpen` closes the viewer first: a closing <dialog> hands focus back to its opener, not to the picker. */
export async function editFrameArea(video: HTMLVideoElement, job: Job, index: number, caps: Capabilities, beforeOpen: () => void): Promise<void> {
  if (!video.videoWidth || !video.videoHeight) throw new Error(t('area.frameNotReady'));
  video.pause();
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error(t('area.frameNotReady'));
  ctx.drawImage(video, 0, 0);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error(t('area.frameNotReady'));
  const imported = await importFile(blob);
  if (!imported.ok) throw new Error(imported.message);
  const source = { width: canvas.width, height: canvas.height, ...imported.source, from: { kind: 'result' as const, jobId: job.id, output: index } };
  beforeOpen();
  useComposer.getState().handOver({ mode: 'edit-image', sources: [source] }, caps);
  useAreaPicker.getState().open(source);
}
