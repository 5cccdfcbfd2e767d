import { z } from 'zod';
import { type Fault, faultSchema } from './faults';
import { type WireResponse, jsonWire } from './http';
import { PROGRESS_SHAPES } from './types';
import type { ConfigPatch, Emulator, EmulatorConfig, ReceivedRequest } from './types';

/**
 * The control API under /__emulator/ for the demo page and the bench (same process, no auth), mirroring
 * the programmatic Emulator methods one to one.
 */

export type AdminControls = Pick<
  Emulator,
  'inject' | 'configure' | 'expireAllMedia' | 'finishAllVideos' | 'videoJobs' | 'reset' | 'requests' | 'mediaRequests'
> & {
  pendingFaults(): unknown[];
  clearFaults(): void;
  config(): EmulatorConfig;
};

const configPatchSchema = z
  .object({
    apiKeys: z.array(z.string().min(1)),
    mediaTtlMs: z.number().int().nonnegative(),
    videoRenderMs: z.number().int().nonnegative(),
    rotateReadings: z.boolean(),
    fetchPrivateUrls: z.boolean(),
    cors: z.boolean(),
    progressShape: z.enum(PROGRESS_SHAPES),
    maxBodyBytes: z.number().int().positive(),
    imageLatencyMs: z.union([z.number().int().nonnegative(), z.literal('realistic')]),
    faultRate: z.number().min(0).max(1),
  })
  .partial()
  .strict();

const ok = (body: unknown = { ok: true }): WireResponse => jsonWire(200, body);
const badRequest = (message: string): WireResponse => jsonWire(400, { error: message });

function parseJson(raw: Buffer): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: raw.length === 0 ? undefined : JSON.parse(raw.toString('utf8')) };
  } catch (error) {
    return { ok: false, message: `invalid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

// Request logs can hold multi-megabyte data URIs; the HTTP view shortens long strings unless ?full=1.
function abbreviate(value: unknown): unknown {
  if (typeof value === 'string') return value.length > 256 ? `${value.slice(0, 96)}…[${value.length} chars]` : value;
  if (Array.isArray(value)) return value.map(abbreviate);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, abbreviate(inner)]));
  }
  return value;
}

function requestLog(requests: ReceivedRequest[], full: boolean): unknown {
  return full ? requests : requests.map((request) => ({ ...request, body: abbreviate(request.body) }));
}

export function handleAdmin(method: string, path: string, query: URLSearchParams, raw: Buffer, controls: AdminControls): WireResponse {
  const action = `${method} ${path.replace(/^\/__emulator/, '').replace(/\/$/, '')}`;
  const full = query.get('full') === '1';
  switch (action) {
    case 'POST /faults': {
      const body = parseJson(raw);
      if (!body.ok) return badRequest(body.message);
      const list = Array.isArray(body.value) ? body.value : [body.value];
      const parsed = z.array(faultSchema).safeParse(list);
      if (!parsed.success) return badRequest(`invalid fault: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
      controls.inject(...(parsed.data as Fault[]));
      return ok({ queued: parsed.data.length, pending: controls.pendingFaults() });
    }
    case 'GET /faults':
      return ok(controls.pendingFaults());
    case 'DELETE /faults':
      controls.clearFaults();
      return ok();
    case 'POST /config': {
      const body = parseJson(raw);
      if (!body.ok) return badRequest(body.message);
      const parsed = configPatchSchema.safeParse(body.value ?? {});
      if (!parsed.success) return badRequest(`invalid config: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
      controls.configure(parsed.data as ConfigPatch);
      return ok(controls.config());
    }
    case 'GET /config':
      return ok(controls.config());
    case 'POST /expire-media':
      controls.expireAllMedia();
      return ok();
    case 'POST /finish-videos':
      controls.finishAllVideos();
      return ok();
    case 'POST /reset':
      controls.reset();
      return ok();
    case 'GET /requests':
      return ok(requestLog(controls.requests, full));
    case 'GET /media-requests':
      return ok(requestLog(controls.mediaRequests, full));
    case 'GET /video-jobs':
      return ok(controls.videoJobs());
    default:
      return jsonWire(404, { error: `unknown admin route: ${action}` });
  }
}
