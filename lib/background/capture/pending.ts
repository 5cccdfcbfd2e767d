import { browser } from 'wxt/browser';
import { PENDING_PANEL_REQUEST_KEY, type PendingPanelRequest } from '../../messaging/panel-request';

/**
 * A capture's types (pending-capture.ts) and its session-storage record (in-flight.ts) are zod-free files of
 * their own: the start script's quick-action kickoff uses them. Here, the panel request a capture ends in.
 */
export type { CapturePurpose, CaptureTarget, PendingCapture } from './pending-capture';
export { forArea } from './pending-capture';
export { CONTENT_SCRIPT_FILE, forgetCapture, loadCapture, saveCapture } from './in-flight';
const session = () => browser.storage.session;

export async function writePendingPanelRequest(request: PendingPanelRequest): Promise<void> {
  await session().set({ [PENDING_PANEL_REQUEST_KEY]: request });
}
