import { PNG } from 'pngjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Job } from '../../lib/model/job';
import { jobSchema } from '../../lib/model/job';
import { spentTicks } from '../../lib/jobs/spend';
import { PROVIDERS } from '../../lib/providers/registry';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/schema';
import { askChat } from '../../lib/vision/api';
import { runVision, type VisionDeps } from '../../lib/vision/run';
import { createEmulator, type Emulator } from '../emulator/server';
import { TEST_TIMING } from '../emulator/timing';

/** The vision call end to end against the emulator: prompt text, history record, cost and the daily cap. */

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ ...TEST_TIMING, port: 0 });
});
afterAll(async () => emulator.close());
beforeEach(() => emulator.reset());

function png(): string {
  const image = new PNG({ width: 40, height: 30 });
  for (let i = 0; i < 40 * 30; i++) image.data.set([30, 60, 220, 255], i * 4);
  return `data:image/png;base64,${PNG.sync.write(image).toString('base64')}`;
}

const source = { mediaId: 'src-1', mimeType: 'image/png' };

function harness(overrides: Partial<Settings> = {}) {
  const jobs = new Map<string, Job>();
  const settings: Settings = { ...DEFAULT_SETTINGS, baseUrls: { ...DEFAULT_SETTINGS.baseUrls, xai: emulator.apiBaseUrl }, ...overrides };
  const deps: VisionDeps = {
    store: {
      put: async (job) => void jobs.set(job.id, jobSchema.parse(job)),
      spentSince: async (since) => spentTicks(jobs.values(), since),
    },
    providers: PROVIDERS,
    loadSettings: async () => settings,
    loadSecrets: async () => ({ xai: 'xai-emulator-key' }),
    resolveSource: async () => png(),
    frameOf: async () => ({ mediaId: 'frame-1', mimeType: 'image/jpeg' }),
    changed: () => undefined,
  };
  return { jobs, deps };
}

describe('runVision', () => {
  it('suggests an edit prompt from the image and the typed intent, kept as a done job with its cost', async () => {
    const { jobs, deps } = harness();
    const result = await runVision({ purpose: 'suggest', forMode: 'edit-image', intent: 'make it winter', sources: [source] }, deps);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.text).toContain('Task: write an image EDIT prompt');
    expect(result.text).toContain('What I want: make it winter');
    expect(result.text).toContain('mostly blue');
    const job = jobs.get(result.job.id);
    expect(job?.status).toBe('done');
    expect(job?.request).toMatchObject({ mode: 'describe-image', purpose: 'suggest', forMode: 'edit-image', prompt: 'make it winter' });
    expect(job?.text).toBe(result.text);
    expect(job?.costTicks).toBeGreaterThan(0);
    expect(job?.sentAt).toBeDefined();
    // The second answer carries no cost (rotating readings): the client prices the tokens itself.
    const second = await runVision({ purpose: 'suggest', forMode: 'animate-image', intent: '', sources: [source] }, deps);
    expect(second.ok && second.job.costTicks).toBeGreaterThan(0);
    expect(second.ok && second.text).toContain('ANIMATION prompt');
  });

  it('counts against the daily cap and refuses before sending when the cap is reached', async () => {
    const { deps } = harness({ dailySpendCapUsd: 0.001 });
    const result = await runVision({ purpose: 'describe', intent: '', sources: [source] }, deps);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.kind).toBe('spending_cap');
    expect(emulator.requests.filter((r) => r.path === '/v1/responses')).toHaveLength(0);
  });

  it('keeps a failed call in history with the reason (rate limit), and refuses resellers with theirs', async () => {
    const { jobs, deps } = harness();
    emulator.inject({ route: 'POST /v1/responses', kind: 'rate_limit' });
    const result = await runVision({ purpose: 'describe', intent: '', sources: [source] }, deps);
    expect(!result.ok && result.error.kind).toBe('rate_limited');
    expect([...jobs.values()][0]?.status).toBe('failed');
    const vydra = harness({ provider: 'vydra' });
    const refused = await runVision({ purpose: 'describe', intent: '', sources: [source] }, vydra.deps);
    expect(!refused.ok && refused.error.message).toMatch(/Vydra/);
  });

  it('uses a frame for a video source', async () => {
    const { deps } = harness();
    const result = await runVision({ purpose: 'suggest', forMode: 'extend-video', intent: 'the car drives away', sources: [{ mediaId: 'v', mimeType: 'video/mp4' }] }, deps);
    expect(result.ok && result.job.request).toMatchObject({ sources: [{ mediaId: 'frame-1' }] });
    expect(result.ok && result.text).toContain('NEXT');
  });

  it('reads the legacy chat completions answer too', async () => {
    const answer = await askChat(
      { apiKey: 'xai-emulator-key', baseUrl: emulator.apiBaseUrl },
      { model: 'grok-4.3', instructions: 'Task: DESCRIBE', images: [png()], text: 'hi', maxOutputTokens: 100 },
    );
    expect(answer.text).toContain('Task: DESCRIBE');
    expect(answer.usage?.inputTokens).toBeGreaterThan(0);
  });
});
