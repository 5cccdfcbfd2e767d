import { ImagineError } from '../../errors/taxonomy';
import { t } from '../../i18n';
import { areaBounds } from '../../media/area/geometry';
import { blendAnswer, cropForEdit } from '../../media/area/image';
import type { Area } from '../../media/area/area';
import { makeThumbnail } from '../../media/thumbnail';
import type { Job } from '../../model/job';
import type { SourceFrom } from '../../model/lineage';
import { jobRequestSchema, type JobRequest } from '../../model/request';
import { getMedia, putMedia, putThumb } from '../../storage/media';

/**
 * Region edits in the background (docs/ARCHITECTURE.md "Editing part of a picture"). The worker is the only
 * writer of job state, and it is where every job ends, panel open or not, so it both cuts the crop before
 * the job is created and blends each answer back before the result is stored. Chrome's service worker is a
 * worker thread with OffscreenCanvas (it cannot start a Worker of its own, and needs none): the panel's main
 * thread never does this work. Firefox runs it in the event page, a hidden document with no input to delay.
 */

/**
 * The request as it will be sent: `sources[0]` becomes the padded, scaled crop of the picture the area was
 * drawn on, and `areaSource` keeps that full-size original and the crop's box for the blend. A request
 * prepared before (a retry, a Re-run) is left alone.
 */
export async function prepareAreaEdit(request: JobRequest): Promise<JobRequest> {
  if (request.mode !== 'edit-image' || !request.area || request.areaSource) return request;
  // An invalid request goes on unchanged: the engine answers with the field's message, nothing is cut.
  if (!jobRequestSchema.safeParse(request).success) return request;
  const original = request.sources[0];
  if (!original || request.sources.length !== 1) throw new ImagineError({ kind: 'invalid_request', message: t('validation.areaOneSource') });
  const media = await getMedia(original.mediaId);
  if (!media) throw new ImagineError({ kind: 'invalid_request', message: t('worker.aSourceImageIsMissing') });
  const blob = new Blob([media.blob], { type: original.mimeType });
  const size = await makeThumbnail(blob);
  if (size && (size.width !== request.area.width || size.height !== request.area.height)) {
    throw new ImagineError({ kind: 'invalid_request', message: t('validation.areaSizeMismatch') });
  }
  const cut = await cropForEdit(blob, request.area);
  const stored = await putMedia({ blob: cut.blob, mimeType: cut.blob.type, role: 'source' });
  const thumb = await makeThumbnail(cut.blob);
  if (thumb) await putThumb(stored.id, thumb.blob);
  // Lineage: the crop sent is the original's picture (same parent), and the part of it this edit changed.
  const from = cropFrom(original.from, request.area);
  const crop = { mediaId: stored.id, mimeType: cut.blob.type, bytes: stored.bytes, width: cut.width, height: cut.height, ...(from ? { from } : {}) };
  const full = { ...original, ...(size ? { width: size.width, height: size.height } : {}) };
  return { ...request, sources: [crop], areaSource: { original: full, crop: cut.crop } };
}

/** One answer of a region edit, blended into the original: the whole picture at the original's size. */
export async function wholePicture(job: Job, answer: Blob): Promise<Blob> {
  const { request } = job;
  if (request.mode !== 'edit-image' || !request.area || !request.areaSource) return answer;
  const { original, crop } = request.areaSource;
  const media = await getMedia(original.mediaId);
  if (!media) throw new ImagineError({ kind: 'invalid_request', message: t('worker.areaOriginalMissing') });
  return blendAnswer(new Blob([media.blob], { type: original.mimeType }), answer, request.area, crop);
}

/**
 * The crop's lineage: the original's (same page image, file or parent result), with lineage's `area` = the area's
 * box as fractions of the picture. An inverted edit changed all but the area: no `area` then.
 */
export function cropFrom(from: SourceFrom | undefined, area: Area): SourceFrom | undefined {
  if (!from) return undefined;
  const { area: _earlier, ...rest } = from;
  if (area.invert) return rest;
  const box = areaBounds(area);
  const fit = (v: number) => Math.min(1, Math.max(0, v));
  return { ...rest, area: { x: fit(box.x / area.width), y: fit(box.y / area.height), width: fit(box.w / area.width), height: fit(box.h / area.height) } };
}
