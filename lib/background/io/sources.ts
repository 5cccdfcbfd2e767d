import { ImagineError } from '../../errors/taxonomy';
import { INPUT_IMAGE_MAX_BYTES } from '../../model/imagine-models';
import type { SourceRef } from '../../model/request';
import { blobToDataUrl, dataUrlToBlob, sniffImageType } from '../../media/encode';
import { makeThumbnail } from '../../media/thumbnail';
import { isPublicUrl } from '../../security/public-url';
import { getMedia, putMedia, putThumb } from '../../storage/media';
import { t } from '../../i18n';

/** What the provider receives for a source: bytes as a data: URI, or the page URL if the user allowed it. */
export async function resolveSource(ref: SourceRef): Promise<string> {
  // Re-judged here, whatever the capture said: only a public, unsigned https URL ever leaves as a URL.
  if (ref.sendAsUrl && ref.srcUrl && isPublicUrl(ref.srcUrl)) return ref.srcUrl;
  const media = await getMedia(ref.mediaId);
  if (!media) throw new ImagineError({ kind: 'invalid_request', message: t('worker.aSourceImageIsMissing') });
  return blobToDataUrl(media.blob, ref.mimeType);
}

const VIDEO_MAX_BYTES = 50 * 1024 * 1024;

/**
 * Store bytes handed over by a page (file picker, paste, drop) or by the content script (capture) as a
 * source. The type is sniffed from the bytes; the API takes only JPEG, PNG and WebP images ≤ 10 MiB
 * (conversion/downscaling happens before, where the pixels are: in the page or the panel).
 */
export async function importSource(dataUrl: string, extra: Partial<SourceRef> = {}, limits: { maxBytes: number } = { maxBytes: INPUT_IMAGE_MAX_BYTES }): Promise<SourceRef> {
  const blob = dataUrlToBlob(dataUrl);
  const head = new Uint8Array(await blob.slice(0, 16).arrayBuffer());
  const imageType = sniffImageType(head);
  const isVideo = blob.type.startsWith('video/');
  if (!imageType && !isVideo) throw new ImagineError({ kind: 'invalid_request', message: t('worker.thatFileIsNotAn') });
  if (imageType && !['image/jpeg', 'image/png', 'image/webp'].includes(imageType)) {
    throw new ImagineError({ kind: 'invalid_request', message: t('worker.imageTypeRefused', { type: imageType }) });
  }
  // A region edit's original may be larger (only its crop is sent): its caller passes a larger cap.
  if (imageType && blob.size > limits.maxBytes) throw new ImagineError({ kind: 'invalid_request', message: t('worker.thatImageIsLargerThan') });
  if (isVideo && blob.size > VIDEO_MAX_BYTES) throw new ImagineError({ kind: 'invalid_request', message: t('worker.thatVideoIsLargerThan') });
  const mimeType = imageType ?? blob.type;
  const typed = new Blob([blob], { type: mimeType });
  // The bytes are stored while the thumbnail is made: a quick action's request waits for both (makeThumbnail
  // never rejects; at worst there is no thumbnail).
  const [thumb, media] = await Promise.all([imageType ? makeThumbnail(typed) : undefined, putMedia({ blob: typed, mimeType, role: 'source' })]);
  if (thumb) await putThumb(media.id, thumb.blob);
  return {
    ...extra,
    mediaId: media.id,
    mimeType,
    bytes: media.bytes,
    ...(thumb ? { width: thumb.width, height: thumb.height } : {}),
  };
}
