import { z } from 'zod';
import { MODES } from '../jobs/modes';
import { jobOriginSchema, sourceRefSchema } from '../jobs/request';

/**
 * A request for the side panel's composer, written by the background (context menu / in-page capture)
 * into `chrome.storage.session` under `PENDING_PANEL_REQUEST_KEY` (trusted contexts only). The panel
 * reads it on open and on `storage.session.onChanged`, applies it (mode + sources, focus Prompt) and
 * removes the key. `id` lets the panel ignore a request it already applied.
 */
export const pendingPanelRequestSchema = z.object({
  id: z.string(),
  mode: z.enum(MODES),
  sources: z.array(sourceRefSchema).default([]),
  prompt: z.string().optional(),
  origin: jobOriginSchema.optional(),
});
export type PendingPanelRequest = z.infer<typeof pendingPanelRequestSchema>;

export const PENDING_PANEL_REQUEST_KEY = 'pendingPanelRequest';

/** A job id the popup asks the panel to bring into view ("Open in side panel"), same storage area. */
export const PANEL_FOCUS_KEY = 'panelFocusJob';
