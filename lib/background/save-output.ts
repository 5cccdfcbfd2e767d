import { b64ToBlob, fetchMedia } from '../api/download';
import type { Job, JobResult, PendingOutput } from '../jobs/job';
import { makeThumbnail } from '../media/thumbnail';
import { putMedia, putThumb } from '../storage/media';
import { videoPoster } from './video-poster';

/**
 * Keep one provider output locally. Vendor URLs expire (minutes for images, ~24 h for videos), so the
 * bytes go into IndexedDB as soon as the job is done; history never shows a dead link.
 */
export async function saveOutput(job: Job, output: PendingOutput, signal: AbortSignal): Promise<JobResult> {
  const blob = output.b64 ? b64ToBlob(output.b64, output.mimeType ?? 'image/jpeg') : await fetchMedia(requireUrl(output), { signal });
  const mimeType = blob.type || output.mimeType || (output.kind === 'video' ? 'video/mp4' : 'image/jpeg');
  const imageThumb = output.kind === 'image' ? await makeThumbnail(blob) : undefined;
  const media = await putMedia({ blob, mimeType, role: 'result', jobId: job.id });
  // Videos are decoded where a decoder exists (offscreen document), after the bytes are safely stored.
  const thumb = imageThumb ?? (output.kind === 'video' ? await videoPoster(media.id) : undefined);
  if (thumb) await putThumb(media.id, thumb.blob);
  return {
    mediaId: media.id,
    kind: output.kind,
    mimeType,
    bytes: media.bytes,
    ...(thumb ? { width: thumb.width, height: thumb.height } : {}),
    ...(output.durationS !== undefined ? { durationS: output.durationS } : {}),
    thumb: thumb !== undefined,
  };
}

function requireUrl(output: PendingOutput): string {
  if (!output.url) throw new Error('Output has neither a URL nor data.');
  return output.url;
}
