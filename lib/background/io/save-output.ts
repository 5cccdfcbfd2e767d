import { browser } from 'wxt/browser';
import { b64ToBlob, fetchMedia } from '../../api/download';
import { ImagineError } from '../../errors/taxonomy';
import { acceptedMediaLabel, sniffBlob } from '../../media/sniff';
import { checkResultUrl } from '../../providers/result-url';
import { originPattern } from '../../providers/media-origins';
import type { Job, JobResult, PendingOutput } from '../../model/job';
import { makeThumbnail } from '../../media/thumbnail';
import { putMedia, putThumb } from '../../storage/media';
import { videoPoster } from '../platform/video-poster';
import { wholePicture } from './area-edit';
import { t } from '../../i18n';

/**
 * Keep one provider output locally. Vendor URLs expire (minutes for images, ~24 h for videos), so the
 * bytes go into IndexedDB as soon as the job is done; history never shows a dead link.
 */
export async function saveOutput(job: Job, output: PendingOutput, signal: AbortSignal): Promise<JobResult> {
  const received = output.b64 ? b64ToBlob(output.b64, output.mimeType ?? 'image/jpeg') : await fetchMedia(await readableResultUrl(job, output), { signal });
  // The server's content-type is not trusted: the bytes say what this is, and only media of the job's kind is kept.
  const sniffed = await sniffBlob(received);
  if (!sniffed || !sniffed.mimeType.startsWith(`${output.kind}/`)) {
    const accepted = acceptedMediaLabel(output.kind);
    throw new ImagineError({ kind: 'unsafe_response', message: output.kind === 'image' ? t('worker.imageNotMedia', { accepted }) : t('worker.videoNotMedia', { accepted }) });
  }
  const answer = received.type === sniffed.mimeType ? received : new Blob([received], { type: sniffed.mimeType });
  // A region edit's answer is the crop: the result kept is the whole picture, blended at full size.
  const blob = output.kind === 'image' ? await wholePicture(job, answer) : answer;
  const mimeType = blob === answer ? sniffed.mimeType : blob.type;
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

/**
 * The output's URL, once it is known to be one of the provider's media hosts and the browser has actually
 * granted access to it (permissions.contains, not the manifest: the user can revoke access at any time).
 * Media hosts send no CORS headers, so without access the read would fail anyway — as `no_access`, the job
 * waits for the user's "Allow access to <host>" instead of failing, and nothing is submitted again.
 */
async function readableResultUrl(job: Job, output: PendingOutput): Promise<string> {
  if (!output.url) throw new ImagineError({ kind: 'unsafe_response', message: t('worker.noUrlNorData') });
  const check = checkResultUrl(output.url, job.provider, job.baseUrl);
  if (!check.ok) throw new ImagineError({ kind: 'unsafe_response', message: check.reason });
  const origin = check.url.origin;
  const granted = await browser.permissions.contains({ origins: [originPattern(origin)] }).catch(() => false);
  if (!granted) throw new ImagineError({ kind: 'no_access', message: t('worker.noAccessTo', { host: check.url.host }), origin });
  return check.url.href;
}
