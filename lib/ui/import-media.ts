import { INPUT_IMAGE_MAX_BYTES, INPUT_IMAGE_MIME_TYPES } from '../model/imagine-models';
import type { SourceRef } from '../model/request';
import { send } from '../messaging/client';
import { userMessage } from '../errors/taxonomy';
import { formatNumber, t } from '../i18n';

/** Longest edge sent to the API: enough for 2k output, and keeps PNG conversions well under 10 MiB. */
export const MAX_SOURCE_EDGE = 2048;
const VIDEO_MAX_BYTES = 50 * 1024 * 1024;

export type ImportOutcome = { ok: true; source: SourceRef } | { ok: false; message: string };

/**
 * A file from the picker, a paste or a drop → a stored source. Images the API cannot take (GIF, AVIF,
 * BMP, SVG…) are converted to PNG here, where there is a DOM to decode them, and very large ones are
 * scaled down, so the background only ever stores JPEG/PNG/WebP ≤ 10 MiB.
 */
export async function importFile(file: Blob): Promise<ImportOutcome> {
  try {
    let blob = file;
    if (file.type.startsWith('video/')) {
      if (file.type !== 'video/mp4') return { ok: false, message: t('import.onlyMp4') };
      if (file.size > VIDEO_MAX_BYTES) return { ok: false, message: t('import.videoTooLarge', { max: formatNumber(50, { style: 'unit', unit: 'megabyte' }) }) };
    } else if (file.type.startsWith('image/') || file.type === '') {
      blob = await normaliseImage(file);
    } else {
      return { ok: false, message: t('import.notMedia') };
    }
    const name = file instanceof File && file.name ? { name: file.name.slice(0, 255) } : {};
    const reply = await send({ type: 'media.import', dataUrl: await readAsDataUrl(blob), ...name });
    return reply.ok ? { ok: true, source: reply.source } : { ok: false, message: userMessage(reply.error) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

async function normaliseImage(file: Blob): Promise<Blob> {
  const accepted = (INPUT_IMAGE_MIME_TYPES as readonly string[]).includes(file.type);
  const image = await decode(file);
  const edge = Math.max(image.width, image.height);
  if (accepted && edge <= MAX_SOURCE_EDGE && file.size <= INPUT_IMAGE_MAX_BYTES) return file;
  const scale = Math.min(1, MAX_SOURCE_EDGE / edge);
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(image.width * scale));
  canvas.height = Math.max(1, Math.round(image.height * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error(t('import.convertFailed'));
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  // Photos stay JPEG (smaller); everything else becomes lossless PNG, JPEG only if PNG is too large.
  const preferJpeg = file.type === 'image/jpeg';
  let out = await toBlob(canvas, preferJpeg ? 'image/jpeg' : 'image/png');
  if (out.size > INPUT_IMAGE_MAX_BYTES) out = await toBlob(canvas, 'image/jpeg');
  return out;
}

/** An <img> decodes every format the browser knows, SVG included (createImageBitmap does not). */
function decode(blob: Blob): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(blob);
    const img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      resolve(img);
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error(t('import.unreadable')));
    };
    img.src = url;
  });
}

function toBlob(canvas: HTMLCanvasElement, type: string): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(t('import.convertFailed')))), type, 0.92));
}

export function readAsDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error(t('import.readFailed')));
    reader.readAsDataURL(blob);
  });
}

/** Files out of a paste or a drop (images and videos only). */
export function mediaFiles(data: DataTransfer | null): File[] {
  if (!data) return [];
  const files = [...data.files];
  if (files.length === 0) {
    for (const item of data.items ?? []) {
      if (item.kind === 'file') {
        const file = item.getAsFile();
        if (file) files.push(file);
      }
    }
  }
  return files.filter((f) => f.type.startsWith('image/') || f.type.startsWith('video/'));
}
