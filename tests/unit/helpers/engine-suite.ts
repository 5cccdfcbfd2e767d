import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/server';
import type { JobRequest } from '../../../lib/model/request';
import { createHarness, freshDatabase } from './engine-harness';
import { TEST_TIMING } from '../../emulator/timing';

/**
 * One emulator per engine test file (the engine tests wait in real time on polls and Retry-After, so they
 * are split over several files that vitest runs side by side). Call at the top of the file.
 */
export function useEngineEmulator(): { readonly emulator: Emulator } {
  const suite = {} as { emulator: Emulator };
  beforeAll(async () => {
    suite.emulator = await createEmulator({ ...TEST_TIMING, port: 0, videoRenderMs: 1_500, rotateReadings: false });
  });
  afterAll(() => suite.emulator.close());
  beforeEach(() => {
    suite.emulator.reset();
    suite.emulator.configure({ videoRenderMs: 1_500 });
    freshDatabase();
  });
  return suite;
}

export const image = (prompt: string): JobRequest => ({ mode: 'create-image', prompt, model: 'grok-imagine-image', n: 1, aspectRatio: '1:1', resolution: '1k' });
export const video = (prompt: string): JobRequest => ({ mode: 'create-video', prompt, model: 'grok-imagine-video', duration: 4, aspectRatio: '16:9', resolution: '480p' });

export async function submit(h: ReturnType<typeof createHarness>, request: JobRequest) {
  const result = await h.engine.submit({ request });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.job;
}
