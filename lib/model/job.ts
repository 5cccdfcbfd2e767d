import { z } from 'zod';
import { errorInfoSchema } from '../errors/taxonomy';
import { PROVIDER_IDS } from './provider-ids';
import { jobOriginSchema, jobRequestSchema } from './request';

/**
 * The persisted job. The background is its only writer; every read goes through `jobSchema` so a record
 * written by an older version (or corrupted) is never trusted blindly.
 *
 *   queued → submitting → running → downloading → done
 *                 │            │           │
 *                 └────────────┴───────────┴──→ failed | cancelled
 *
 * "submitting" is the dangerous state: the POST may or may not have reached the provider. A worker that
 * starts and finds a job there marks it failed/`interrupted` and never resends it by itself.
 */
export const JOB_STATUSES = ['queued', 'submitting', 'running', 'downloading', 'done', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const ACTIVE_STATUSES: readonly JobStatus[] = ['queued', 'submitting', 'running', 'downloading'];
export const isActive = (s: JobStatus) => ACTIVE_STATUSES.includes(s);
export const isTerminal = (s: JobStatus) => !isActive(s);

export const resultSchema = z.object({
  mediaId: z.string(),
  kind: z.enum(['image', 'video']),
  mimeType: z.string(),
  bytes: z.number().int().nonnegative(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  durationS: z.number().nonnegative().optional(),
  /** Has a thumbnail in the thumbs store. */
  thumb: z.boolean().default(false),
});
export type JobResult = z.infer<typeof resultSchema>;

/** Outputs the provider handed back that still have to be saved locally (persisted: a kill mid-download resumes). */
export const pendingOutputSchema = z.object({
  kind: z.enum(['image', 'video']),
  url: z.string().optional(),
  b64: z.string().optional(),
  mimeType: z.string().optional(),
  durationS: z.number().optional(),
});
export type PendingOutput = z.infer<typeof pendingOutputSchema>;

/** 2: sources carry lineage (`from`, lib/model/lineage.ts). */
export const JOB_SCHEMA_VERSION = 2;

export const jobSchema = z.object({
  schemaVersion: z.literal(JOB_SCHEMA_VERSION),
  id: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  request: jobRequestSchema,
  /** Frozen at creation: switching provider in Options never disturbs jobs in flight. */
  provider: z.enum(PROVIDER_IDS),
  baseUrl: z.string(),
  origin: jobOriginSchema.optional(),
  status: z.enum(JOB_STATUSES),
  /** How many times the user asked to send it (1 + retries). Never increased automatically. */
  sends: z.number().int().nonnegative().default(0),
  /** Automatic attempts within the current phase (429 backoff, poll/download retries). */
  attempts: z.number().int().nonnegative().default(0),
  notBefore: z.number().optional(),
  remoteId: z.string().optional(),
  /** When the request last left for the provider (status → submitting): from then on it may be billed. */
  sentAt: z.number().optional(),
  submittedAt: z.number().optional(),
  progress: z.number().min(0).max(100).optional(),
  /** When `progress` was reported (the poll schedule estimates the finish from it). */
  progressAt: z.number().optional(),
  /** Poll schedule (persisted so an alarm can resume it after the worker is stopped). */
  nextPollAt: z.number().optional(),
  polls: z.number().int().nonnegative().default(0),
  stalledPolls: z.number().int().nonnegative().default(0),
  /** The last poll that found the job still rendering, and the first that found it done: the render time learned from it. */
  lastPendingAt: z.number().optional(),
  renderSeenAt: z.number().optional(),
  deadlineAt: z.number().optional(),
  pendingOutputs: z.array(pendingOutputSchema).default([]),
  /**
   * Set while a download waits for host access the browser has not granted (media hosts send no CORS);
   * the queue offers "Allow access to <host>" and the engine resumes on permissions.onAdded.
   */
  blockedOrigin: z.string().optional(),
  results: z.array(resultSchema).default([]),
  /** A vision call's answer (mode describe-image): the description or the suggested prompt. */
  text: z.string().max(20_000).optional(),
  /** Tokens a vision call used, as the provider reported them. */
  usage: z.object({ inputTokens: z.number().int().nonnegative(), outputTokens: z.number().int().nonnegative() }).optional(),
  /** Images the provider replaced with a moderation placeholder. */
  moderatedCount: z.number().int().nonnegative().default(0),
  costTicks: z.number().nonnegative().optional(),
  /** Cost in the provider's own credits, when it bills in credits without a published USD rate (Vydra). */
  costCredits: z.number().nonnegative().optional(),
  /** The model the provider says served the job, when it named one (a retired slug names its successor). */
  servedModel: z.string().optional(),
  /** Worst-case cost reserved against the daily cap before sending. */
  estimatedCostTicks: z.number().nonnegative().optional(),
  error: errorInfoSchema.optional(),
  /** Plain-language note shown with the job (e.g. "stopped polling; the provider may still finish"). */
  note: z.string().optional(),
  finishedAt: z.number().optional(),
  /**
   * Came from a history archive: history only. Never active, never retried with the file's provider or
   * base URL (Re-run starts a new job with today's settings), never counted in today's spending, and
   * the first to go when retention needs room.
   */
  imported: z.literal(true).optional(),
});
export type Job = z.infer<typeof jobSchema>;
