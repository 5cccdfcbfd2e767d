import type { Fault } from './faults';

/**
 * How long the service takes and how often it fails, as third-party monitoring reports it (imagine-api.md,
 * "second pass" — not xAI's word): an image call takes about 8 s median and 12 s p95 at 1K, up to about
 * 45 s at 2K; videos take from about 20 s to several minutes; moderation rejections and 5xx answers are
 * routine. These are the emulator's defaults: an emulator that answers at once and never fails is friendlier
 * than the service, and hides the UI's problems. Tests and scripts make it fast or flaky explicitly
 * (`TEST_TIMING` below, or `imageLatencyMs` / `faultRate` / `timeScale`).
 */

/** A video render, realistically (the middle of "20 s to several minutes"). */
export const REALISTIC_VIDEO_RENDER_MS = 60_000;
/** About one submission in twenty fails: a 5xx, a moderation 400 (billed), or moderation inside the answer. */
export const REALISTIC_FAULT_RATE = 0.05;

/**
 * Fast and reliable, said out loud: what unit tests and the e2e fixtures pass. Images still take a moment
 * and videos still render (never zero), so nothing in a test can assume an instant answer.
 */
export const TEST_TIMING = { imageLatencyMs: 40, faultRate: 0, videoRenderMs: 6_000 } as const;

/** Median and p95 (lognormal), and the cap, per image resolution. 1.5k is not measured: between the two. */
const IMAGE_SHAPE = {
  '1k': { medianMs: 8_000, p95Ms: 12_000, maxMs: 15_000 },
  '1.5k': { medianMs: 14_000, p95Ms: 24_000, maxMs: 30_000 },
  '2k': { medianMs: 22_000, p95Ms: 38_000, maxMs: 45_000 },
} as const;
export type ImageResolutionKey = keyof typeof IMAGE_SHAPE;

/** One image call's latency: fixed when configured as a number, else drawn from the realistic shape. */
export function imageLatencyMs(setting: number | 'realistic', resolution: string, timeScale: number, random: () => number = Math.random): number {
  if (typeof setting === 'number') return setting;
  const shape = IMAGE_SHAPE[(resolution in IMAGE_SHAPE ? resolution : '1k') as ImageResolutionKey];
  const sigma = Math.log(shape.p95Ms / shape.medianMs) / 1.645;
  // Box–Muller: one standard normal draw.
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const ms = Math.min(shape.maxMs, shape.medianMs * Math.exp(sigma * normal));
  return Math.round(ms * timeScale);
}

/** Which requests are submissions (where a failure costs the user something), for the random faults. */
const SUBMISSIONS = [/^\/v1\/images\/(generations|edits)$/, /^\/v1\/videos\/(generations|edits|extensions)$/, /^\/vydra\/api\/v1\/models\/grok-imagine$/, /^\/runware\/v1$/];

/**
 * A fault drawn for one submission, or none: a 5xx (40 %), moderation as HTTP 400 (30 %, billed), or
 * moderation inside the answer (30 %: placeholder images, or a done video whose respect_moderation is false).
 */
export function randomFault(method: string, path: string, rate: number, random: () => number = Math.random): Fault | undefined {
  if (rate <= 0 || method !== 'POST' || !SUBMISSIONS.some((pattern) => pattern.test(path)) || random() >= rate) return undefined;
  const route = `POST ${path}`;
  const pick = random();
  if (pick < 0.4) return { route, kind: 'server_error', status: 503 };
  if (pick < 0.7) return { route, kind: 'moderation_http' };
  return { route, kind: 'moderation_flag' };
}
