import { PNG } from 'pngjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Job } from '../../lib/model/job';
import { jobSchema } from '../../lib/model/job';
import { spentTicks } from '../../lib/jobs/spend';
import { PROVIDERS } from '../../lib/providers/registry';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/schema';
import { listedPrices, listLanguageModels } from '../../lib/vision/api';
import { ASSUMED_PRICE_SOURCE, LISTED_PRICE_SOURCE, TEXT_PRICES, tokenPrice } from '../../lib/pricing/vision-models';
import { runVision, type VisionDeps } from '../../lib/vision/run';
import { createEmulator, type Emulator } from '../emulator/server';
import { TEST_TIMING } from '../emulator/timing';

/**
 * Vision token prices come from GET /v1/language-models' price fields (xai-proto: USD cents per 100 M tokens);
 * the assumed $3/$15 is only the labelled fallback. No model id that no source documents is bundled.
 */

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ ...TEST_TIMING, port: 0, rotateReadings: false });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const png = () => {
  const image = new PNG({ width: 8, height: 8 });
  image.data.fill(120);
  return `data:image/png;base64,${PNG.sync.write(image).toString('base64')}`;
};

describe('listed vision prices', () => {
  it('reads the listing price fields, by id and alias, and prefers them to the assumed ones', async () => {
    const models = await listLanguageModels({ apiKey: 'xai-emulator-key', baseUrl: emulator.apiBaseUrl });
    const prices = listedPrices(models);
    expect(prices['grok-4.3']).toEqual({ usdPerMInput: 2, usdPerMOutput: 10 });
    expect(prices['grok-4.3-latest']).toEqual(prices['grok-4.3']);
    expect(tokenPrice('grok-4.3', prices)).toMatchObject({ usdPerMInput: 2, source: LISTED_PRICE_SOURCE });
    expect(tokenPrice('grok-4.3')).toMatchObject({ usdPerMInput: 3, usdPerMOutput: 15, source: ASSUMED_PRICE_SOURCE });
    expect(Object.keys(TEXT_PRICES)).toEqual(['grok-4.3']);
    expect(models.map((m) => m.id)).not.toContain('grok-4.3-mini');
  });

  it('a call without a cost of its own is priced from the listing, or at the assumed price with a note saying so', async () => {
    const jobs = new Map<string, Job>();
    const settings: Settings = { ...DEFAULT_SETTINGS, baseUrls: { ...DEFAULT_SETTINGS.baseUrls, xai: emulator.apiBaseUrl } };
    const deps = (listed?: Record<string, { usdPerMInput: number; usdPerMOutput: number }>): VisionDeps => ({
      store: { put: async (job) => void jobs.set(job.id, jobSchema.parse(job)), spentSince: async (since) => spentTicks(jobs.values(), since) },
      providers: PROVIDERS,
      loadSettings: async () => settings,
      loadSecrets: async () => ({ xai: 'xai-emulator-key' }),
      resolveSource: async () => png(),
      frameOf: async () => ({ mediaId: 'f', mimeType: 'image/jpeg' }),
      changed: () => undefined,
      // A fixed answer without cost_in_usd_ticks: 1 M input tokens, 100 k output.
      ask: async () => ({ text: 'a grey square', truncated: false, usage: { inputTokens: 1_000_000, outputTokens: 100_000 } }),
      ...(listed ? { listedPrices: async () => listed } : {}),
    });
    const input = { purpose: 'describe' as const, intent: '', sources: [{ mediaId: 's', mimeType: 'image/png' }] };
    const listed = await runVision(input, deps({ 'grok-4.3': { usdPerMInput: 2, usdPerMOutput: 10 } }));
    expect(listed.ok && listed.job.costTicks).toBe(3 * 1e10); // $2 + $1
    expect(listed.ok && listed.job.note).toBeUndefined();
    const assumed = await runVision(input, deps());
    expect(assumed.ok && assumed.job.costTicks).toBe(4.5 * 1e10); // $3 + $1.5
    expect(assumed.ok && assumed.job.note).toBeTruthy();
  });
});
