import { DEFAULT_FILE_NAME_TEMPLATE, renderFileName } from './file-template';
import { withMetadata } from './embed';
import { metadataFor, type Provenance } from './metadata';
import { t } from '../i18n';
import { acceptedMediaLabel, sniffBlob, type SniffedMedia } from '../media/sniff';

/**
 * "reimagine-2026-11-21-a-cat-in-a-hat.jpg" by default: date first so a folder sorts by time, prompt for
 * meaning; Options can change the pattern (lib/export/file-template.ts).
 * The extension is always one of the six sniffed ones (see `downloadableResult`), never a MIME type's.
 */
export function resultFileName(
  prompt: string,
  at: number | Date,
  extension: SniffedMedia['extension'] | 'gif' | 'webp',
  index = 0,
  total = 1,
  naming: { template?: string; mode?: string; model?: string } = {},
): string {
  return `${renderFileName(naming.template ?? DEFAULT_FILE_NAME_TEMPLATE, { prompt, at, index, total, mode: naming.mode, model: naming.model })}.${extension}`;
}

export type Downloadable = { ok: true; blob: Blob; filename: string; mimeType: SniffedMedia['mimeType'] } | { ok: false; message: string };

/** Why a download is refused, in the UI language (read when refused, not at import: the worker has no locale then). */
export const notSavableMessage = (): string => t('media.notSavable', { accepted: acceptedMediaLabel() });

/**
 * The one rule for every download (panel, popup, page overlay): the file's own bytes choose the
 * extension and the type it is saved with; anything that is not one of the six formats is refused.
 * A stored MIME type (from a server's content-type or an imported archive) is never trusted.
 */
export async function downloadableResult(blob: Blob, prompt: string, at: number | Date, index = 0, total = 1, template?: string): Promise<Downloadable> {
  const sniffed = await sniffBlob(blob);
  if (!sniffed) return { ok: false, message: notSavableMessage() };
  return {
    ok: true,
    // Re-typed so the browser never sees the stored MIME type either (a slice shares the bytes: no copy).
    blob: blob.slice(0, blob.size, sniffed.mimeType),
    filename: resultFileName(prompt, at, sniffed.extension, index, total, { template }),
    mimeType: sniffed.mimeType,
  };
}

interface ExportableJob {
  request: { prompt: string; mode: string; model?: string };
  servedModel?: string;
  createdAt: number;
  finishedAt?: number;
  results: unknown[];
}

/**
 * A job's result as a download: sniffed and named as above (with the user's pattern), with its prompt,
 * model, date and provenance (IPTC source type; the chain and source page from lib/versions/provenance.ts)
 * written inside the file (lib/export/embed.ts).
 */
export async function downloadableJobResult(job: ExportableJob, blob: Blob, index: number, template?: string, provenance?: Provenance): Promise<Downloadable> {
  const sniffed = await sniffBlob(blob);
  if (!sniffed) return { ok: false, message: notSavableMessage() };
  const meta = metadataFor(job, provenance);
  return {
    ok: true,
    blob: await withMetadata(blob.slice(0, blob.size, sniffed.mimeType), sniffed.extension, meta),
    filename: resultFileName(job.request.prompt, job.finishedAt ?? job.createdAt, sniffed.extension, index, job.results.length, {
      template,
      mode: job.request.mode,
      model: meta.model,
    }),
    mimeType: sniffed.mimeType,
  };
}
