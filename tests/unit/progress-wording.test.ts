import { describe, expect, it } from 'vitest';
import { describeProgress, elapsedWords, expectedRange, formatRange, type ProgressFacts } from '../../lib/jobs/progress-wording';

const NOW = 1_800_000_000_000;
const facts = (patch: Partial<ProgressFacts>): ProgressFacts => ({ status: 'running', output: 'image', now: NOW, ...patch });
/** About 1–5 min: a 2 min median with a log-spread of 0.7 (a factor of two either way). */
const VIDEO_EXPECTED = { medianMs: 120_000, spread: 0.7 };

describe('progress wording', () => {
  it('queued: says why it waits, never a countdown to done or a bar', () => {
    expect(describeProgress(facts({ status: 'queued', ahead: 2 }))).toEqual({ headline: '2 ahead in the queue', bar: { kind: 'none' } });
    expect(describeProgress(facts({ status: 'queued', ahead: 1 })).headline).toBe('1 ahead in the queue');
    expect(describeProgress(facts({ status: 'queued', ahead: 0 }))).toEqual({ headline: 'Next in line', bar: { kind: 'none' } });
    expect(describeProgress(facts({ status: 'queued', output: 'video', ahead: 3, expected: VIDEO_EXPECTED })).detail).toBeUndefined();
  });

  it('rate-limited: paused, with the seconds until the retry (not until done)', () => {
    const words = describeProgress(facts({ status: 'queued', ahead: 4, rateLimitedUntil: NOW + 8_200 }));
    expect(words).toEqual({ headline: 'Paused: rate limited, retrying in 9 s', bar: { kind: 'none' } });
    // Once the pause is over it is back in line.
    expect(describeProgress(facts({ status: 'queued', ahead: 0, rateLimitedUntil: NOW - 1 })).headline).toBe('Next in line');
  });

  it('sent without progress: "Generating…" with an indeterminate bar, never 0 % or "almost done"', () => {
    for (const status of ['submitting', 'running'] as const) {
      const words = describeProgress(facts({ status, sentAt: NOW - 12_000 }));
      expect(words).toEqual({ headline: 'Generating…', bar: { kind: 'indeterminate' } });
    }
    expect(describeProgress(facts({ sentAt: NOW - 600_000, progress: 0 })).bar).toEqual({ kind: 'indeterminate' });
    // An image has no expected range: however long it takes, nothing claims it is nearly there.
    expect(describeProgress(facts({ sentAt: NOW - 600_000 })).detail).toBeUndefined();
  });

  it('video: a range from the user’s own renders, and leave to close the tab', () => {
    const words = describeProgress(facts({ output: 'video', sentAt: NOW - 30_000, expected: VIDEO_EXPECTED }));
    expect(words).toEqual({ headline: 'Generating…', bar: { kind: 'indeterminate' }, detail: 'Videos usually take 1–5 min; you can close this tab.' });
    expect(describeProgress(facts({ output: 'video', sentAt: NOW - 30_000, progress: 40, expected: VIDEO_EXPECTED })).bar).toEqual({ kind: 'determinate', percent: 40 });
  });

  it('"almost done" only past 90 % or past the end of the expected range', () => {
    const video = (patch: Partial<ProgressFacts>) => describeProgress(facts({ output: 'video', expected: VIDEO_EXPECTED, ...patch })).detail;
    expect(video({ sentAt: NOW - 30_000, progress: 89 })).not.toBe('Almost done');
    expect(video({ sentAt: NOW - 30_000, progress: 90 })).toBe('Almost done');
    const { highMs } = expectedRange(VIDEO_EXPECTED);
    expect(video({ sentAt: NOW - highMs + 1_000 })).not.toBe('Almost done');
    expect(video({ sentAt: NOW - highMs - 1_000 })).toBe('Almost done');
    // Not yet sent: the clock has not started, whatever the time.
    expect(video({ status: 'submitting', sentAt: undefined })).not.toBe('Almost done');
  });

  it('saving the result, and the finished states say nothing about progress', () => {
    expect(describeProgress(facts({ status: 'downloading' }))).toEqual({ headline: 'Saving the result…', bar: { kind: 'indeterminate' } });
    for (const status of ['done', 'failed', 'cancelled'] as const) expect(describeProgress(facts({ status })).bar).toEqual({ kind: 'none' });
  });

  it('ranges read in seconds or whole minutes', () => {
    expect(formatRange(18_000, 41_000)).toBe('18–40 s');
    expect(formatRange(22_000, 41_000)).toBe('20–40 s');
    expect(formatRange(2_000, 4_000)).toBe('2–4 s');
    expect(formatRange(200, 700)).toBe('1–2 s');
    expect(formatRange(50_000, 300_000)).toBe('1–5 min');
    expect(formatRange(61_000, 95_000)).toBe('1–2 min');
  });

  it('failed and cancelled cards drop "0 sec elapsed"', () => {
    expect(elapsedWords('failed', NOW, NOW)).toBeUndefined();
    expect(elapsedWords('cancelled', NOW - 5_000, NOW)).toBeUndefined();
    expect(elapsedWords('running', NOW - 12_000, NOW)).toMatch(/^12 sec elapsed$/);
  });
});
