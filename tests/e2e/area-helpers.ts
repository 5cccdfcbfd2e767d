import type { Page } from '@playwright/test';
import type { Area, PixelBox } from '../../lib/media/area/area';

/** Area edits' e2e helpers: the background's newest job record, read from the panel's origin. */
export interface StoredJob {
  id: string;
  status: string;
  request: { mode?: string; area?: Area; areaSource?: { original: { mediaId: string }; crop: PixelBox } };
  results: Array<{ mediaId: string; mimeType: string; width?: number; height?: number }>;
}

export const newestJob = (panel: Page) =>
  panel.evaluate(
    () =>
      new Promise<StoredJob | undefined>((resolve, reject) => {
        const open = indexedDB.open('reimagine');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('jobs').objectStore('jobs').getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve((all.result as Array<StoredJob & { createdAt: number }>).sort((a, b) => b.createdAt - a.createdAt)[0]);
          };
        };
      }),
  );

