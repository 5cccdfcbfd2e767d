import { z } from 'zod';
import { MODES } from '../jobs/modes';
import { jobOriginSchema, sourceRefSchema } from '../jobs/request';

/**
 * A request for the side panel's composer, written by the background (context menu / in-page capture)
 * into `chrome.storage.session` under `PENDING_PANEL_REQUEST_KEY` (trusted contexts only). The panel
 * reads it on open and on `storage.session.onChanged`, applies it (mode + sources, focus Prompt) and
 * removes the key. `id` lets the panel ignore a request it already applied.
 */
/**
 * A page-image capture behind the request, owned by the background: `pending` while the bytes are read
 * (the panel shows a "Reading image…" placeholder and no Generate), `failed` with what the user can do
 * (grant `accessOrigin`, or a screenshot), `ready` once `sources` hold the image. Each state is a new
 * write with a new `id`; `capture.id` ties them to one right-click.
 */
export const captureStateSchema = z.object({
  id: z.string(),
  state: z.enum(['pending', 'failed', 'ready']),
  /** Host of the image, for "Reading image from …". */
  host: z.string().max(300).optional(),
  message: z.string().max(1000).optional(),
  /** Failed for lack of host access: the origin to request ("Allow access to <host>"). */
  accessOrigin: z.string().max(300).optional(),
  canScreenshot: z.boolean().optional(),
});
export type CaptureState = z.infer<typeof captureStateSchema>;

export const pendingPanelRequestSchema = z.object({
  id: z.string(),
  mode: z.enum(MODES),
  sources: z.array(sourceRefSchema).default([]),
  prompt: z.string().optional(),
  origin: jobOriginSchema.optional(),
  capture: captureStateSchema.optional(),
});
export type PendingPanelRequest = z.infer<typeof pendingPanelRequestSchema>;

export const PENDING_PANEL_REQUEST_KEY = 'pendingPanelRequest';

/** A job id the popup asks the panel to bring into view ("Open in side panel"), same storage area. */
export const PANEL_FOCUS_KEY = 'panelFocusJob';
