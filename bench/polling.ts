/**
 * Video completion latency and request count: Reimagine's adaptive poller (the real JobEngine on a
 * fake IndexedDB, the real client, the emulator) against a fixed 5 s poller (what xAI's TS SDK and the
 * Vercel AI SDK do), on the same set of jobs in the same run.
 *
 * Delay = moment the poller learns the job is done − moment the emulator finished it.
 */
import 'fake-indexeddb/auto';
import { ImagineClient } from '../lib/api/client';
import { createEmulator } from '../tests/emulator/server';
import { createHarness, freshDatabase, waitForJob } from '../tests/unit/helpers/engine-harness';
import type { BenchContext, BenchSection } from './types';
import { median } from './stats';

const RENDER_SECONDS = [12, 18, 25, 33, 40, 47, 55, 62];
const FIXED_INTERVAL_MS = 5_000;

export async function run(ctx: BenchContext): Promise<BenchSection> {
  // rotateReadings: every 4th pending poll is an empty 202, as real servers sometimes answer.
  const emulator = await createEmulator({ port: 0, rotateReadings: true });
  emulator.configure({ progressShape: 'linear' });
  freshDatabase();
  const harness = createHarness(emulator.apiBaseUrl, { concurrency: 20 });
  const client = new ImagineClient({ apiKey: 'xai-emulator-key', baseUrl: emulator.apiBaseUrl });
  ctx.log(`polling: ${RENDER_SECONDS.length} jobs per poller, renders of ${RENDER_SECONDS.join(', ')} s (about a minute)…`);

  const detectedAt = new Map<string, number>(); // remote id → when the poller saw "done"
  const oursRemote: string[] = [];
  const fixedRemote: string[] = [];

  const ours = RENDER_SECONDS.map(async (seconds) => {
    emulator.inject({ route: 'POST /v1/videos/generations', kind: 'render_ms', ms: seconds * 1000 });
    const submitted = await harness.engine.submit({
      request: { mode: 'create-video', prompt: `ours ${seconds}s`, model: 'grok-imagine-video', duration: 5, aspectRatio: '16:9', resolution: '480p' },
    });
    if (!submitted.ok) throw new Error(submitted.error.message);
    const running = await waitForJob(submitted.job.id, (j) => j.remoteId !== undefined, 10_000);
    oursRemote.push(running.remoteId!);
    const seen = await waitForJob(submitted.job.id, (j) => j.status === 'downloading' || j.status === 'done' || j.status === 'failed', 120_000);
    detectedAt.set(running.remoteId!, seen.updatedAt);
  });

  const fixed = RENDER_SECONDS.map(async (seconds) => {
    emulator.inject({ route: 'POST /v1/videos/generations', kind: 'render_ms', ms: seconds * 1000 });
    const { requestId } = await client.generateVideo({ prompt: `fixed ${seconds}s`, model: 'grok-imagine-video', duration: 5 });
    fixedRemote.push(requestId);
    for (;;) {
      await new Promise((r) => setTimeout(r, FIXED_INTERVAL_MS));
      const status = await client.getVideo(requestId);
      if (status.state !== 'pending') {
        detectedAt.set(requestId, Date.now());
        return;
      }
    }
  });

  // Submissions are serialised per poller so each render_ms fault lands on its own job.
  await Promise.all([...ours, ...fixed]);
  const jobs = new Map(emulator.videoJobs().map((j) => [j.requestId, j]));
  const polls = (id: string) => emulator.requests.filter((r) => r.method === 'GET' && r.path === `/v1/videos/${id}`).length;
  const measure = (ids: string[]) => {
    const delays = ids.map((id) => detectedAt.get(id)! - jobs.get(id)!.doneAt!);
    const requests = ids.map(polls);
    return { delay: median(delays), maxDelay: Math.max(...delays), requests: requests.reduce((a, b) => a + b, 0) / ids.length };
  };
  const a = measure(oursRemote);
  const b = measure(fixedRemote);
  harness.kill();
  await emulator.close();

  return {
    title: 'Video polling: adaptive (Reimagine) vs fixed 5 s (TS SDK / Vercel AI SDK)',
    columns: [
      { key: 'delay', label: 'median delay', unit: 'ms' },
      { key: 'maxDelay', label: 'max delay', unit: 'ms' },
      { key: 'requests', label: 'status requests / job', unit: 'count' },
    ],
    rows: [
      { label: 'fixed 5 s poller', values: { delay: Math.round(b.delay), maxDelay: Math.round(b.maxDelay), requests: round1(b.requests) } },
      {
        label: 'Reimagine adaptive',
        values: { delay: Math.round(a.delay), maxDelay: Math.round(a.maxDelay), requests: round1(a.requests) },
        target: { key: 'delay', max: Math.round(b.delay / 2), note: 'less than half the fixed poller’s median delay' },
      },
      {
        label: 'Reimagine requests vs fixed',
        values: { delay: null, maxDelay: null, requests: round1(a.requests - b.requests) },
        target: { key: 'requests', max: 0, note: 'no more status requests than the fixed poller' },
      },
    ],
    notes: [
      `${RENDER_SECONDS.length} jobs per poller, renders ${RENDER_SECONDS[0]}–${RENDER_SECONDS.at(-1)} s, emulator progress linear in time, every 4th pending poll an empty 202.`,
    ],
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
