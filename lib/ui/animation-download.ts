import type { AnimationOptions } from '../export/animation';
import { exportAnimation, type ExportProgress } from '../export/export-animation';
import type { Job } from '../model/job';
import { resultFileName } from '../export/file-name';
import { sniffBlob } from '../media/sniff';
import { getMedia } from '../storage/media';
import { downloadFile, fileNameTemplate } from './result-actions';
import { t } from '../i18n';

/** "Save as GIF / WebP" on a video result: export (lib/export), then download under the user's name pattern. */
export async function downloadAnimation(job: Job, index: number, options: AnimationOptions, onProgress: (p: ExportProgress) => void): Promise<string> {
  const result = job.results[index];
  if (!result || result.kind !== 'video') throw new Error(t('results.onlyVideosAnimate'));
  const media = await getMedia(result.mediaId);
  if (!media) throw new Error(t('results.missingFile'));
  // The stored type is not trusted: only a file that is really a video is decoded.
  if ((await sniffBlob(media.blob))?.kind !== 'video') throw new Error(t('results.notVideo'));
  const blob = await exportAnimation(media.blob, options, onProgress);
  const filename = resultFileName(job.request.prompt, job.finishedAt ?? job.createdAt, options.format, index, job.results.length, {
    template: await fileNameTemplate(),
    mode: job.request.mode,
    model: job.servedModel ?? job.request.model,
  });
  return downloadFile(blob, filename);
}
