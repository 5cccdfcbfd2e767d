import type { Page } from '@playwright/test';
import type { Area, PixelBox } from '../../lib/media/area/area';
import { readJobs } from './jobs-helpers';

/** Area edits' e2e helpers: the background's newest job record, read from the panel's origin. */
export interface StoredJob {
  id: string;
  status: string;
  createdAt: number;
  request: { mode?: string; area?: Area; areaSource?: { original: { mediaId: string }; crop: PixelBox } };
  results: Array<{ mediaId: string; mimeType: string; width?: number; height?: number }>;
}

/** The newest job, seen through the fields area tests read (Job's request is a union by mode). */
export const newestJob = async (panel: Page): Promise<StoredJob | undefined> =>
  ((await readJobs(panel)) as unknown as StoredJob[]).sort((a, b) => b.createdAt - a.createdAt)[0];

