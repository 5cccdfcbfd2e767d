import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { buildArchive } from '../../../lib/history/archive';
import { MANIFEST_PATH } from '../../../lib/history/archive-format';
import type { Job } from '../../../lib/model/job';
import { getMedia, getThumb } from '../../../lib/storage/media';

/** Hostile archives for the security suite: a real export, then edited the way an attacker would. */
export { writeZip, zeroBomb, type RawEntry } from './zip-bytes';

export interface ArchiveParts {
  manifest: { format: string; version: number; exportedAt: number; jobs: Record<string, unknown>[]; media: Record<string, unknown>[] };
  files: Record<string, Uint8Array>;
}

/** Exports `jobs` (already stored) with the real exporter and returns the pieces to tamper with. */
export async function exportParts(jobs: Job[]): Promise<ArchiveParts> {
  const { blob } = await buildArchive(jobs, { getMedia, getThumb });
  const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
  const manifest = JSON.parse(strFromU8(files[MANIFEST_PATH]!)) as ArchiveParts['manifest'];
  return { manifest, files };
}

export function zipParts({ manifest, files }: ArchiveParts): Uint8Array {
  return zipSync({ ...files, [MANIFEST_PATH]: strToU8(JSON.stringify(manifest)) });
}
