/** Reading job state the way a page does (IndexedDB, read-only) and sending commands the way a page does. */
import type { Page } from '@playwright/test';
import type { Job } from '../../lib/model/job';
import type { JobRequest } from '../../lib/model/request';

export async function readJobs(page: Page): Promise<Job[]> {
  return page.evaluate(
    () =>
      new Promise<Job[]>((resolve, reject) => {
        const open = indexedDB.open('reimagine');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('jobs')) return resolve([]);
          const req = db.transaction('jobs').objectStore('jobs').getAll();
          req.onsuccess = () => {
            resolve(req.result as Job[]);
            db.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

export async function waitForJobState(page: Page, id: string, statuses: Job['status'][], timeoutMs = 60_000): Promise<Job> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const job = (await readJobs(page)).find((j) => j.id === id);
    if (job && statuses.includes(job.status)) return job;
    if (Date.now() > end) throw new Error(`job ${id} never reached ${statuses.join('/')}; last ${job?.status} ${JSON.stringify(job?.error)}`);
    await page.waitForTimeout(200);
  }
}

/** The same message the side panel sends. */
export async function submitFromPage(page: Page, request: JobRequest): Promise<string> {
  const reply = await page.evaluate((r) => chrome.runtime.sendMessage({ type: 'job.submit', input: { request: r } }), request);
  if (!reply?.ok) throw new Error(`submit refused: ${JSON.stringify(reply)}`);
  return reply.jobId as string;
}

export const videoRequest = (prompt: string, duration = 4): JobRequest => ({
  mode: 'create-video',
  prompt,
  model: 'grok-imagine-video',
  duration,
  aspectRatio: '16:9',
  resolution: '480p',
});
