import { useMemo } from 'react';
import { expectedCallMs, type CallExpectation } from '../jobs/call-time';
import type { Job } from '../model/job';
import { formatDuration, t } from '../i18n';
import { useJobs } from './jobs-store';

/**
 * The expectation for a queue card's image call, from the jobs this panel already mirrors (lib/jobs/
 * call-time.ts holds the rule). Read from IndexedDB like everything else, so a panel reopened mid-call
 * shows the same expectation and the same elapsed time (both from stored timestamps).
 */
export function useCallExpectation(job: Job): CallExpectation | undefined {
  const history = useJobs((state) => state.jobs);
  return useMemo(() => expectedCallMs(job, history), [job, history]);
}

/**
 * "usually about 0:09 for you" while the call is younger than that, then "taking longer than your usual
 * 0:09" — never "almost done" for an answer that is not coming yet.
 */
export function callWaitText(expected: CallExpectation, sinceSentMs: number): string {
  const duration = formatDuration(expected.ms);
  if (sinceSentMs <= expected.ms) return t(expected.source === 'history' ? 'panel.jobCard.usuallyForYou' : 'panel.jobCard.usuallyTypical', { duration });
  return t(expected.source === 'history' ? 'panel.jobCard.longerThanYourUsual' : 'panel.jobCard.longerThanTypical', { duration });
}
