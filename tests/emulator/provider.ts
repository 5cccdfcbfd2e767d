import type { FaultKind, FaultOf, FaultQueue, FaultTarget } from './faults';
import type { Reply, WireResponse } from './http';
import type { MediaStore } from './media';
import type { EmulatorConfig, ReceivedRequest, VideoJobInfo } from './types';

/**
 * A provider mode is one vendor's API dialect (xAI now; resellers like Vydra or Runware later), plugged
 * into the shared server: it brings its routes, its authentication, and how its errors look on the wire.
 * The server owns everything generic: recording, CORS, faults queue, media store, admin API.
 */

export interface ApiRequest {
  received: ReceivedRequest;
  rawBody: Buffer;
  params: Record<string, string>;
  target: FaultTarget;
  /** Takes a queued fault for this request (see FaultQueue.take). */
  takeFault<K extends FaultKind>(kinds: readonly K[], applies?: (fault: FaultOf<K>) => boolean): FaultOf<K> | undefined;
}

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  /** e.g. '/v1/videos/:id' */
  path: string;
  handle(request: ApiRequest): Promise<Reply> | Reply;
}

export type GateFault = FaultOf<'rate_limit' | 'credits_exhausted' | 'permission_denied' | 'server_error'>;
export type ErrorReply = Extract<Reply, { type: 'error' }>;
export type ErrorShape = 'native' | 'openai' | 'string';

export interface ProviderEnv {
  /** The live configuration (changes with configure()). */
  config(): EmulatorConfig;
  /** e.g. http://127.0.0.1:7878 */
  origin(): string;
  media: MediaStore;
  faults: FaultQueue;
}

export interface Provider {
  name: string;
  /** Paths under this prefix belong to this mode even when no route matches (its own 404). Default: none. */
  pathPrefix?: string;
  routes: Route[];
  /** undefined when the request may proceed; otherwise the rejection. */
  authenticate(request: ApiRequest): Reply | undefined;
  /** This provider's answer to a gate fault (rate limit, no credits, 5xx…). */
  gateFaultReply(fault: GateFault, request: ApiRequest): Reply;
  /** The answer for a path no route knows. */
  notFoundReply(request: ApiRequest): Reply;
  renderError(error: ErrorReply, shape: ErrorShape): WireResponse;
  videoJobs(): VideoJobInfo[];
  finishAllJobs(): void;
  /** Published results are gone (their media expired). */
  expireResults(): void;
  reset(): void;
}
