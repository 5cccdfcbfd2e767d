import { formatDuration, formatNumber, t } from '../i18n';
import type { JobStatus } from '../model/job';

/**
 * What a job's progress says, in the panel's queue cards and the page overlay alike — and only what
 * Reimagine knows:
 * - once the request has left, "Generating…" (an image is rendered inside that one request, so there is
 *   no separate "sending" phase worth a clock);
 * - a queued job says why it waits ("2 ahead", "Paused: rate limited, retrying in 9 s"), never a
 *   countdown to done;
 * - a video's expectation is a range from the user's own finished renders (lib/jobs/render-time.ts), with
 *   leave to close the tab;
 * - no reported progress → an indeterminate bar, never "0 %";
 * - "almost done" only past 90 % reported, or once the expected range is over.
 * Pure: the caller passes the clock and the facts.
 */
export interface ProgressFacts {
  status: JobStatus;
  /** What the job makes ('text': a description). Only videos get an expected range. */
  output: 'image' | 'video' | 'text';
  now: number;
  /** When the request left (job.submittedAt); undefined while it has not. */
  sentAt?: number | undefined;
  /** The provider's own 0–100 figure, when it reports one. */
  progress?: number | undefined;
  /** Queued jobs created before this one that are still waiting. */
  ahead?: number | undefined;
  /** A 429 holds the job until then (job.notBefore). */
  rateLimitedUntil?: number | undefined;
  /** The expected render time (estimateRenderTime): median and log-spread. */
  expected?: { medianMs: number; spread: number } | undefined;
}

export type ProgressBar = { kind: 'none' } | { kind: 'indeterminate' } | { kind: 'determinate'; percent: number };

export interface ProgressWords {
  headline: string;
  bar: ProgressBar;
  /** A second sentence: what to expect, or "almost done". */
  detail?: string;
}

/** Reported progress at or past this is "almost done". */
export const ALMOST_DONE_PERCENT = 90;

/** The range most renders fall in: the median times e^±spread (about two in three renders). */
export function expectedRange(expected: { medianMs: number; spread: number }): { lowMs: number; highMs: number } {
  return { lowMs: expected.medianMs * Math.exp(-expected.spread), highMs: expected.medianMs * Math.exp(expected.spread) };
}

/** "20–40 s" under a minute and a half (whole seconds below 20, else steps of 5), else whole minutes "1–5 min". */
export function formatRange(lowMs: number, highMs: number): string {
  if (highMs < 90_000) {
    const seconds = (ms: number) => (ms < 20_000 ? Math.round(ms / 1000) : Math.round(ms / 5_000) * 5);
    const low = Math.max(1, seconds(lowMs));
    const high = Math.max(low + 1, seconds(highMs));
    return t('progress.rangeSeconds', { low: formatNumber(low), high: formatNumber(high) });
  }
  const low = Math.max(1, Math.floor(lowMs / 60_000));
  const high = Math.max(low + 1, Math.ceil(highMs / 60_000));
  return t('progress.rangeMinutes', { low: formatNumber(low), high: formatNumber(high) });
}

export function describeProgress(facts: ProgressFacts): ProgressWords {
  const { status, now } = facts;
  if (status === 'queued') {
    const wait = (facts.rateLimitedUntil ?? 0) - now;
    if (wait > 0) return { headline: t('progress.rateLimited', { seconds: formatNumber(Math.ceil(wait / 1000)) }), bar: { kind: 'none' } };
    if (facts.ahead && facts.ahead > 0) return { headline: t('progress.ahead', facts.ahead, { count: formatNumber(facts.ahead) }), bar: { kind: 'none' } };
    return { headline: t('progress.nextUp'), bar: { kind: 'none' } };
  }
  if (status === 'downloading') return { headline: t('progress.saving'), bar: { kind: 'indeterminate' } };
  if (status !== 'submitting' && status !== 'running') return { headline: '', bar: { kind: 'none' } };

  const reported = facts.progress !== undefined && facts.progress > 0 ? Math.min(100, facts.progress) : undefined;
  const bar: ProgressBar = reported !== undefined ? { kind: 'determinate', percent: reported } : { kind: 'indeterminate' };
  const words: ProgressWords = { headline: t('progress.generating'), bar };
  const range = facts.output === 'video' && facts.expected ? expectedRange(facts.expected) : undefined;
  const sinceSent = facts.sentAt !== undefined ? now - facts.sentAt : 0;
  if ((reported !== undefined && reported >= ALMOST_DONE_PERCENT) || (range && facts.sentAt !== undefined && sinceSent > range.highMs)) {
    words.detail = t('progress.almostDone');
  } else if (range) {
    words.detail = t('progress.videosUsually', { range: formatRange(range.lowMs, range.highMs) });
  }
  return words;
}

/** "12 sec" since the job was created, for cards still working or done — never for a failed one. */
export function elapsedWords(status: JobStatus, createdAt: number, endedAt: number): string | undefined {
  if (status === 'failed' || status === 'cancelled') return undefined;
  return t('panel.jobCard.elapsed', { duration: formatDuration(Math.max(0, endedAt - createdAt)) });
}
