import { z } from 'zod';

/**
 * Lineage: where one source of a job came from. Every source a job takes (request.sources[i]) carries
 * `from`, one of
 *   - `page`:   an image on a web page (the page's and the image's addresses — only when the user lets
 *               Reimagine remember source pages — and when it was captured);
 *   - `result`: an earlier result (job id + output index): this is what makes versions a tree;
 *   - `file`:   a file the user picked, pasted or dropped.
 * `area` is the part of the source a region edit changed (fractions of the width and height).
 *
 * Records written before lineage existed have no `from`: storage/migrations.ts turns page sources into
 * `page` references, and lib/versions links a source to the result whose stored file it reuses. A
 * source that can't be linked is kept as it is.
 */

const MAX_URL = 8192;
const fraction = z.number().min(0).max(1);

export const sourceAreaSchema = z
  .object({ x: fraction, y: fraction, width: fraction, height: fraction })
  .refine((a) => a.width > 0 && a.height > 0 && a.x + a.width <= 1.000001 && a.y + a.height <= 1.000001, { message: 'area outside the image' });
export type SourceArea = z.infer<typeof sourceAreaSchema>;

export const sourceFromSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('page'),
    pageUrl: z.string().max(MAX_URL).optional(),
    imageUrl: z.string().max(MAX_URL).optional(),
    capturedAt: z.number().nonnegative(),
    /** A crop of the visible tab rather than the image file. */
    screenshot: z.boolean().optional(),
    area: sourceAreaSchema.optional(),
  }),
  z.object({
    kind: z.literal('result'),
    jobId: z.string().min(1).max(200),
    output: z.number().int().min(0).max(99),
    area: sourceAreaSchema.optional(),
  }),
  z.object({
    kind: z.literal('file'),
    /** The file's own name, for the user only: never written into a download. */
    name: z.string().max(255).optional(),
    area: sourceAreaSchema.optional(),
  }),
]);
export type SourceFrom = z.infer<typeof sourceFromSchema>;
export type ResultFrom = Extract<SourceFrom, { kind: 'result' }>;

/** The parents of a job among other results: the job ids its sources were made from, in source order. */
export function parentJobIds(sources: readonly { mediaId?: string; from?: SourceFrom | undefined }[]): string[] {
  const ids: string[] = [];
  for (const source of sources) if (source.from?.kind === 'result' && !ids.includes(source.from.jobId)) ids.push(source.from.jobId);
  return ids;
}

export function sourcesOf(request: object): readonly { mediaId: string; from?: SourceFrom | undefined }[] {
  return 'sources' in request && Array.isArray(request.sources) ? (request.sources as { mediaId: string; from?: SourceFrom }[]) : [];
}
