import { z } from 'zod';
import { ARCHIVE_LIMITS } from './archive-limits';
import { archiveIdSchema } from './archive-records';

/**
 * History archive: one .zip with
 *   manifest.json          format + version, the exported jobs (stored records), the media list with sha-256
 *   media/<mediaId>.<ext>  result and source bytes (stored, not deflated: they are already compressed)
 *   thumbs/<mediaId>.jpg   thumbnails, so the imported history is fast straight away
 * Never keys or settings: only job records and their media go in, by construction.
 *
 * Import (archive-import.ts) treats the file as hostile: it is validated whole before
 * anything is written, and imported jobs are history only (see archive-records.ts). It is idempotent: a
 * job whose id already exists is skipped, and so is media already present.
 */
export const ARCHIVE_FORMAT = 'reimagine-history';
export const ARCHIVE_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';

/** Every file name in an archive besides manifest.json: media/<id>.<ext> or thumbs/<id>.<ext>. */
export const ARCHIVE_PATH = /^(media|thumbs)\/[A-Za-z0-9][A-Za-z0-9_-]{0,127}\.[a-z0-9]{1,5}$/;

export const archiveMediaSchema = z.object({
  id: archiveIdSchema,
  /** Informational only: on import, role, owner and type come from the jobs and the bytes. */
  role: z.enum(['source', 'result']),
  jobId: z.string().optional(),
  mimeType: z.string().min(1).max(100),
  bytes: z.number().int().nonnegative().max(ARCHIVE_LIMITS.mediaBytes),
  createdAt: z.number(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  path: z.string().regex(ARCHIVE_PATH).startsWith('media/'),
  thumbPath: z.string().regex(ARCHIVE_PATH).startsWith('thumbs/').optional(),
});
export type ArchiveMedia = z.infer<typeof archiveMediaSchema>;

export const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  exportedAt: z.number(),
  /** Stored job records; each goes through migrateJob on import, so older job versions still import. */
  jobs: z.array(z.unknown()),
  media: z.array(archiveMediaSchema),
});
export type Manifest = z.infer<typeof manifestSchema>;

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

