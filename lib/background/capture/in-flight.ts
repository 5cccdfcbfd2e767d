import { browser } from 'wxt/browser';
import type { PendingCapture } from './pending-capture';

/**
 * The captures in flight, in session storage (a worker restart between click and bytes loses nothing), and the
 * page script that reads them. Apart from pending.ts, whose panel-request import brings zod's schemas, because
 * the start script's quick-action kickoff (kickoff.ts) stores a capture before the services are loaded.
 */

/** The page script, injected on demand into the frame the user pointed at. */
export const CONTENT_SCRIPT_FILE = '/page.js' as const;
const CAPTURE_PREFIX = 'capture:';
const session = () => browser.storage.session;

export async function loadCapture(captureId: string): Promise<PendingCapture | undefined> {
  const key = CAPTURE_PREFIX + captureId;
  return (await session().get(key))[key] as PendingCapture | undefined;
}

export async function saveCapture(capture: PendingCapture): Promise<void> {
  await session().set({ [CAPTURE_PREFIX + capture.captureId]: capture });
}

export const forgetCapture = (capture: PendingCapture) => session().remove(CAPTURE_PREFIX + capture.captureId);
