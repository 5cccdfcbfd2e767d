import { z } from 'zod';
import { MODES } from '../model/modes';
import { jobOriginSchema, sourceRefSchema } from '../model/request';
import { batchPickerSchema } from '../batch/batch-schema';
import { SESSION_NAMES } from '../storage/keys';

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

/**
 * "Describe image" from the menu: where the description stands. The panel shows it in its own card
 * (reading the image → describing → the text, or why it failed) and leaves the composer alone until the
 * user picks "Use as prompt".
 */
export const describeStateSchema = z.object({
  state: z.enum(['reading', 'running', 'done', 'failed']),
  text: z.string().max(20_000).optional(),
  message: z.string().max(1000).optional(),
  jobId: z.string().max(100).optional(),
  model: z.string().max(200).optional(),
  cost: z.string().max(100).optional(),
  tokens: z.number().int().nonnegative().optional(),
});
export type DescribeState = z.infer<typeof describeStateSchema>;

export const pendingPanelRequestSchema = z.object({
  id: z.string(),
  mode: z.enum(MODES),
  sources: z.array(sourceRefSchema).default([]),
  prompt: z.string().optional(),
  origin: jobOriginSchema.optional(),
  capture: captureStateSchema.optional(),
  describe: describeStateSchema.optional(),
  /** "Edit an area…": open the area picker on `sources[0]` (kept at its own size). */
  pickArea: z.boolean().optional(),
  /** "Reimagine images on this page…": the picker's images (the composer is left alone). */
  batch: batchPickerSchema.optional(),
});
export type PendingPanelRequest = z.infer<typeof pendingPanelRequestSchema>;

export const PENDING_PANEL_REQUEST_KEY = SESSION_NAMES.pendingPanelRequest;

/** A job id the popup asks the panel to bring into view ("Open in side panel"), same storage area. */
export const PANEL_FOCUS_KEY = SESSION_NAMES.panelFocusJob;
