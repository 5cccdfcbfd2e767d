import type { Fault } from './faults';

export type { Fault, FaultAction, FaultKind } from './faults';

/**
 * How a pending video reports progress. The doc allows a pending poll to be an empty 202, and real renders
 * stall and jump, so the least convenient reading is the default: 'none' (an empty 202 on every pending
 * poll). 'linear' rises with elapsed time; 'jump' sits at 0 (queued) until 80 % of the render, then says
 * 99; 'stall99' rises to 99 by 60 % of the render and stays there until done.
 */
export const PROGRESS_SHAPES = ['none', 'linear', 'jump', 'stall99'] as const;
export type ProgressShape = (typeof PROGRESS_SHAPES)[number];

export interface EmulatorOptions {
  /** 0 = a random free port. Default 0. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Also serve HTTPS (a throwaway self-signed certificate for the vendor hostnames). Default false. */
  https?: boolean;
  /** HTTPS port; 0 = a random free port. Default 0. */
  httpsPort?: number;
  /**
   * Where result URLs point: 'vendor' = the vendors' real CDN names over https (imgen.x.ai, vidgen.x.ai,
   * cdn.vydra.ai, im/vm.runware.ai), for a browser that maps them here (`hostResolverRules()`); 'local' = this
   * emulator's own origin, for Node clients. Default 'local'.
   */
  mediaHosts?: 'local' | 'vendor';
  /** Send CORS headers on API and media responses (undocumented, so off by default). Default false. */
  cors?: boolean;
  /** Keys the emulator accepts. Default ['xai-emulator-key']. */
  apiKeys?: string[];
  /** Keys the Vydra mode (under /vydra/api/v1) accepts. Default ['vydra-emulator-key']. */
  vydraApiKeys?: string[];
  /** Keys the Runware mode (under /runware/v1) accepts. Default ['runware-emulator-key']. */
  runwareApiKeys?: string[];
  /** How long a media URL works after it was issued. Default 10 min. */
  mediaTtlMs?: number;
  /**
   * Time from a video submission to "done". Default 60 000 (realistic: timing.ts), times `timeScale`.
   * Deferred image jobs use it too.
   */
  videoRenderMs?: number;
  /**
   * How long a synchronous image call takes: a fixed number of ms, or 'realistic' (default: about 8 s
   * median at 1K with a tail to 12 s, up to 45 s at 2K; timing.ts), times `timeScale`.
   */
  imageLatencyMs?: number | 'realistic';
  /**
   * The share of submissions that fail on their own (0–1): a 5xx, moderation as HTTP 400 (billed), or
   * moderation inside the answer. Default 0.05 (timing.ts). Tests pass 0.
   */
  faultRate?: number;
  /** Scales the realistic timings (image latency, default render time), e.g. 0.1 for a demo. Default 1. */
  timeScale?: number;
  /**
   * Where the doc lists several readings the emulator rotates between them (a wrong key answers 400 then
   * 401 alternately; every 4th pending poll of a job is an empty 202). false = always the most common
   * documented reading. Default true.
   */
  rotateReadings?: boolean;
  /**
   * xAI fetches image/video URLs from the public internet, so it cannot reach localhost or private
   * networks: such URLs fail with 400 like the real service. true lets the emulator fetch them anyway.
   * (The emulator's own /media URLs always work: they stand for imgen.x.ai / vidgen.x.ai.) Default false.
   */
  fetchPrivateUrls?: boolean;
  /** See ProgressShape. Set with configure(); default 'none'. */
  progressShape?: ProgressShape;
  /** Larger request bodies get 413. Default 64 MiB (tests lower it rather than upload 65 MB). */
  maxBodyBytes?: number;
}

export type EmulatorConfig = Required<Omit<EmulatorOptions, 'port' | 'host' | 'https' | 'httpsPort' | 'mediaHosts' | 'progressShape'>> & { progressShape?: ProgressShape };
export type ConfigPatch = Partial<
  Pick<
    EmulatorOptions,
    'apiKeys' | 'vydraApiKeys' | 'runwareApiKeys' | 'mediaTtlMs' | 'videoRenderMs' | 'rotateReadings' | 'fetchPrivateUrls' | 'cors' | 'progressShape' | 'maxBodyBytes' | 'imageLatencyMs' | 'faultRate'
  >
>;

export interface ReceivedRequest {
  id: number;
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Parsed JSON, or undefined when the body was empty or not JSON. */
  body: unknown;
  rawBodyBytes: number;
  /** Date.now() when the request arrived. */
  at: number;
}

export interface VideoJobInfo {
  requestId: string;
  status: string;
  progress: number;
  createdAt: number;
  doneAt?: number;
  kind: string;
}

export interface Emulator {
  /** Base origin, e.g. http://127.0.0.1:7878. */
  url: string;
  /** `${url}/v1`. */
  apiBaseUrl: string;
  /** Vydra mode's base URL (what the extension's Vydra base URL setting takes): `${url}/vydra/api/v1`. */
  vydraBaseUrl: string;
  /** Runware mode's base URL (its single task endpoint): `${url}/runware/v1`. */
  runwareBaseUrl: string;
  /** Every API request received (not admin, not media, not CORS preflight), in order. */
  requests: ReceivedRequest[];
  /** Media downloads, in order. */
  mediaRequests: ReceivedRequest[];
  inject(...faults: Fault[]): void;
  configure(patch: ConfigPatch): void;
  /** Every media URL issued so far now 404s (like vendor URLs after their TTL). */
  expireAllMedia(): void;
  /** Every running job (videos and deferred images) completes now. */
  finishAllVideos(): void;
  videoJobs(): VideoJobInfo[];
  /** Clears requests, faults, jobs and media, and restores the configuration given at creation. */
  reset(): void;
  /** The HTTPS listener's port (when started with `https: true`). */
  httpsPort?: number;
  /** Chromium `--host-resolver-rules` entries mapping every vendor hostname to the HTTPS listener ([] without it). */
  hostResolverRules(): string[];
  close(): Promise<void>;
}
