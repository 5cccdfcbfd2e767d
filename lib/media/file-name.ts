import { ACCEPTED_MEDIA_LABEL, sniffBlob, type SniffedMedia } from './sniff';

/**
 * "reimagine-2026-11-21-a-cat-in-a-hat.jpg": date first so a folder sorts by time, prompt for meaning.
 * The extension is always one of the six sniffed ones (see `downloadableResult`), never a MIME type's.
 */
export function resultFileName(prompt: string, at: number | Date, extension: SniffedMedia['extension'], index = 0, total = 1): string {
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const slug = prompt
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/<image_\d+>/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const suffix = total > 1 ? `-${index + 1}` : '';
  return `reimagine-${day}${slug ? `-${slug}` : ''}${suffix}.${extension}`;
}

export type Downloadable = { ok: true; blob: Blob; filename: string; mimeType: SniffedMedia['mimeType'] } | { ok: false; message: string };

export const NOT_SAVABLE_MESSAGE = `This file is not a ${ACCEPTED_MEDIA_LABEL} file, so Reimagine will not save it.`;

/**
 * The one rule for every download (panel, popup, page overlay): the file's own bytes choose the
 * extension and the type it is saved with; anything that is not one of the six formats is refused.
 * A stored MIME type (from a server's content-type or an imported archive) is never trusted.
 */
export async function downloadableResult(blob: Blob, prompt: string, at: number | Date, index = 0, total = 1): Promise<Downloadable> {
  const sniffed = await sniffBlob(blob);
  if (!sniffed) return { ok: false, message: NOT_SAVABLE_MESSAGE };
  return {
    ok: true,
    // Re-typed so the browser never sees the stored MIME type either (a slice shares the bytes: no copy).
    blob: blob.slice(0, blob.size, sniffed.mimeType),
    filename: resultFileName(prompt, at, sniffed.extension, index, total),
    mimeType: sniffed.mimeType,
  };
}
