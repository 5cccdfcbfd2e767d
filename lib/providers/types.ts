import type { ErrorInfo } from '../errors/taxonomy';
import type { Job, PendingOutput } from '../model/job';
import type { JobMode } from '../model/modes';
import type { SourceRef } from '../model/request';
import type { ProviderId } from '../model/provider-ids';

/**
 * What the job engine needs from a provider. Nothing outside lib/providers knows a vendor's wire format:
 * the engine hands over a validated job and gets back outputs, a remote id to poll, or an ImagineError.
 */
export interface ProviderContext {
  apiKey: string;
  baseUrl: string;
  signal: AbortSignal;
  /** Source media as a data: URI (or its public URL when the user allowed sending URLs). */
  resolveSource(ref: SourceRef): Promise<string>;
}

/**
 * `servedModel`: the model the provider says actually served the request (a retired slug is served by its
 * successor); stored on the job and shown when it differs from the one asked for.
 *
 * Cost as the provider reports it: `costTicks` in USD ticks (1 USD = 1e10), or `costCredits` in the vendor's
 * own credits when it bills in credits and publishes no exchange rate (Vydra). Never both invented.
 */
export type SubmitOutcome =
  | { type: 'outputs'; outputs: PendingOutput[]; moderatedCount: number; costTicks?: number; costCredits?: number; servedModel?: string }
  | { type: 'async'; remoteId: string; costTicks?: number; costCredits?: number };

export type PollOutcome =
  | { state: 'pending'; progress?: number }
  | { state: 'done'; outputs: PendingOutput[]; costTicks?: number; costCredits?: number; servedModel?: string }
  | { state: 'failed'; error: ErrorInfo }
  | { state: 'expired' };

export interface Capabilities {
  modes: Partial<Record<JobMode, true>>;
  /**
   * Image understanding ("Suggest a prompt", "Describe image") through a Grok vision model. When false,
   * `unavailableReason['describe-image']` says why. Never a queued mode: see DESCRIBE_MODE.
   */
  vision: boolean;
  /** Can turn a video's sound off (`generate_audio: false`); only then does the composer offer Sound. */
  soundOff?: true;
  /** Why a mode is missing, in words for the composer and the menus. */
  unavailableReason: Partial<Record<JobMode, string>>;
  imageAspectRatios: readonly string[];
  videoAspectRatios: readonly string[];
  imageResolutions: readonly string[];
  videoResolutions: readonly string[];
  maxCount: number;
  maxEditSources: number;
  maxReferenceImages: number;
  videoDuration: { min: number; max: number };
  outputFormats: readonly ('jpeg' | 'png' | 'webp')[];
  models: { image: readonly string[]; video: readonly string[] };
  promptMaxLength: number;
}

export interface Provider {
  id: ProviderId;
  capabilities: Capabilities;
  submit(job: Job, ctx: ProviderContext): Promise<SubmitOutcome>;
  poll(job: Job & { remoteId: string }, ctx: ProviderContext): Promise<PollOutcome>;
  /**
   * Asks the provider to stop a job it is running (Vydra: DELETE /jobs/{id}). Best effort: the engine
   * has already marked the job cancelled, and a failure here is only logged. Absent = no such call.
   */
  cancel?(job: Job & { remoteId: string }, ctx: Omit<ProviderContext, 'resolveSource'>): Promise<void>;
  /** Cheap authenticated call for "Test connection"; throws ImagineError on failure. */
  testConnection(ctx: Omit<ProviderContext, 'resolveSource'>): Promise<string>;
}
