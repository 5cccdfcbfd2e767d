import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../emulator/server';
import { imageLatencyMs, randomFault, REALISTIC_FAULT_RATE, REALISTIC_VIDEO_RENDER_MS, TEST_TIMING } from '../emulator/timing';

/** The emulator is as slow and unreliable as the service by default; tests make it fast on purpose. */

const seeded = (seed: number) => () => {
  seed = (seed * 1664525 + 1013904223) % 2 ** 32;
  return seed / 2 ** 32;
};

describe('realistic timing', () => {
  it('image latency: ~8 s median and ≤ 15 s at 1K, up to 45 s at 2K; a number is taken as is', () => {
    const random = seeded(7);
    const draws = (resolution: string) => Array.from({ length: 2000 }, () => imageLatencyMs('realistic', resolution, 1, random)).sort((a, b) => a - b);
    const oneK = draws('1k');
    expect(oneK[1000]).toBeGreaterThan(7_000);
    expect(oneK[1000]).toBeLessThan(9_000);
    expect(oneK[1900]).toBeGreaterThan(10_000);
    expect(oneK.at(-1)).toBeLessThanOrEqual(15_000);
    const twoK = draws('2k');
    expect(twoK[1000]).toBeGreaterThan(15_000);
    expect(twoK.at(-1)).toBeLessThanOrEqual(45_000);
    expect(imageLatencyMs('realistic', '1k', 0.1, () => 0.5)).toBeLessThan(1_000);
    expect(imageLatencyMs(40, '2k', 1)).toBe(40);
  });

  it('random faults: only on submissions, at the rate, as 5xx, moderation 400 or moderation in the answer', () => {
    const random = seeded(3);
    const drawn = Array.from({ length: 4000 }, () => randomFault('POST', '/v1/images/generations', 0.25, random)).filter(Boolean);
    expect(drawn.length).toBeGreaterThan(800);
    expect(drawn.length).toBeLessThan(1200);
    expect(new Set(drawn.map((f) => f!.kind))).toEqual(new Set(['server_error', 'moderation_http', 'moderation_flag']));
    expect(randomFault('GET', '/v1/videos/abc', 1, random)).toBeUndefined();
    expect(randomFault('POST', '/v1/images/generations', 0, random)).toBeUndefined();
  });

  it('defaults are realistic; TEST_TIMING is fast, reliable and never instant', async () => {
    const plain = await createEmulator({ port: 0 });
    try {
      const config = await (await fetch(`${plain.url}/__emulator/config`)).json();
      expect(config).toMatchObject({ imageLatencyMs: 'realistic', faultRate: REALISTIC_FAULT_RATE, videoRenderMs: REALISTIC_VIDEO_RENDER_MS });
    } finally {
      await plain.close();
    }
    expect(TEST_TIMING.faultRate).toBe(0);
    expect(TEST_TIMING.imageLatencyMs).toBeGreaterThan(0);
    expect(TEST_TIMING.videoRenderMs).toBeGreaterThan(0);
  });
});

describe('a flaky emulator', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await createEmulator({ ...TEST_TIMING, port: 0, faultRate: 1 });
  });
  afterAll(() => emulator.close());

  it('with faultRate 1 every image submission fails one of the documented ways, and nothing is left queued', async () => {
    const statuses = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const response = await fetch(`${emulator.apiBaseUrl}/images/generations`, {
        method: 'POST',
        headers: { authorization: 'Bearer xai-emulator-key', 'content-type': 'application/json' },
        body: JSON.stringify({ prompt: `try ${i}` }),
      });
      const body = (await response.json()) as { data?: { respect_moderation?: boolean }[]; code?: string };
      statuses.add(response.status === 200 ? (body.data?.every((d) => d.respect_moderation === false) ? 'moderated-in-body' : 'ok') : String(response.status));
    }
    expect(statuses.has('ok')).toBe(false);
    expect([...statuses].every((s) => ['503', '400', 'moderated-in-body'].includes(s))).toBe(true);
    emulator.configure({ faultRate: 0 });
    const fine = await fetch(`${emulator.apiBaseUrl}/images/generations`, {
      method: 'POST',
      headers: { authorization: 'Bearer xai-emulator-key', 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'calm' }),
    });
    expect(fine.status).toBe(200);
  });
});
