import { z } from 'zod';

/**
 * Faults make the emulator misbehave the way the real service is documented to, on purpose and on cue.
 *
 * Queue semantics: faults wait in the order they were injected. A request takes a fault when the fault's
 * route matches it AND the request reaches the point where that kind of fault applies (a `job_failed` is
 * only taken by a video submission that passed validation; a `b64_prefixed` only by a response that
 * actually carries b64_json). A request takes at most one fault per group below, the earliest queued.
 * `times` (default 1) counts how many requests take it before it is used up.
 */

const jobErrorCodeSchema = z.enum([
  'invalid_argument',
  'permission_denied',
  'failed_precondition',
  'service_unavailable',
  'internal_error',
]);
export type JobErrorCode = z.infer<typeof jobErrorCodeSchema>;

const positiveMs = z.number().int().nonnegative();

export const faultActionSchema = z.discriminatedUnion('kind', [
  // --- gate: answered before the body is even looked at (after routing and authentication)
  z.object({
    kind: z.literal('rate_limit'),
    /** Seconds, or 'http-date' for an HTTP date 2 s ahead; omitted = no Retry-After header. */
    retryAfter: z.union([z.number().nonnegative(), z.literal('http-date')]).optional(),
    /** 'kebab' = "resource-exhausted" (seen), 'grpc' = "Some resource has been exhausted" (also seen). */
    codeStyle: z.enum(['kebab', 'grpc']).optional(),
  }),
  z.object({ kind: z.literal('credits_exhausted'), legacy429: z.boolean().optional() }),
  z.object({ kind: z.literal('permission_denied') }),
  z.object({ kind: z.literal('server_error'), status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(529)]).optional() }),
  z.object({ kind: z.literal('malformed_json') }),
  /** after=true: the request is fully processed (a job IS created) and then the socket dies. */
  z.object({ kind: z.literal('network_drop'), after: z.boolean().optional() }),
  // --- transport: delay, then behave normally
  z.object({ kind: z.literal('slow'), ms: positiveMs }),
  // --- outcome of an image request, or of a video job (attached at submission)
  z.object({ kind: z.literal('moderation_http') }),
  /** items: images only — how many of the returned images are placeholders (default all). */
  z.object({ kind: z.literal('moderation_flag'), items: z.number().int().positive().optional() }),
  z.object({ kind: z.literal('job_failed'), code: jobErrorCodeSchema.optional(), message: z.string().optional() }),
  z.object({ kind: z.literal('job_expired') }),
  z.object({ kind: z.literal('render_ms'), ms: positiveMs }),
  // --- the form of one poll answer
  z.object({ kind: z.literal('poll_empty_202') }),
  z.object({ kind: z.literal('poll_pending_200') }),
  z.object({ kind: z.literal('done_without_status') }),
  /**
   * Other documented readings of a done poll: 'top_level' = seed 001 (`url` and `duration` at the top
   * level, duration as a string "8"); 'string_numbers' = the spec's nesting with numbers as strings;
   * 'odd_optionals' = optional fields of unexpected types (usage a string, model a number, progress "100%").
   */
  z.object({ kind: z.literal('done_form'), shape: z.enum(['top_level', 'string_numbers', 'odd_optionals']) }),
  /** GET /v1/api-key reports this key (or its team) as blocked or disabled. */
  z.object({ kind: z.literal('key_state'), state: z.enum(['api_key_blocked', 'api_key_disabled', 'team_blocked']) }),
  // --- response decoration
  z.object({ kind: z.literal('error_shape'), shape: z.enum(['native', 'openai', 'string']) }),
  z.object({ kind: z.literal('b64_prefixed') }),
]);

export type FaultAction = z.infer<typeof faultActionSchema>;
export type FaultKind = FaultAction['kind'];
export type FaultOf<K extends FaultKind> = Extract<FaultAction, { kind: K }>;

export const faultSchema = z.intersection(
  z.object({ route: z.string().min(1).optional(), times: z.number().int().positive().optional() }),
  faultActionSchema,
);
export type Fault = { route?: string; times?: number } & FaultAction;

/** The groups a request takes at most one fault from (see the header comment). */
export const FAULT_GROUPS = {
  transport: ['slow'],
  gate: ['rate_limit', 'credits_exhausted', 'permission_denied', 'server_error', 'malformed_json', 'network_drop'],
  imageOutcome: ['moderation_http', 'moderation_flag'],
  jobOutcome: ['job_failed', 'job_expired', 'moderation_flag', 'moderation_http'],
  jobTiming: ['render_ms'],
  pollForm: ['poll_empty_202', 'poll_pending_200', 'done_without_status', 'done_form', 'moderation_http'],
  errorShape: ['error_shape'],
  b64: ['b64_prefixed'],
} as const satisfies Record<string, readonly FaultKind[]>;

/** Which part of the server a request belongs to: '*' routes only match the API, never media downloads. */
export type RequestSpace = 'api' | 'media';

export interface FaultTarget {
  method: string;
  path: string;
  space: RequestSpace;
}

interface QueuedFault {
  random: boolean;
  fault: Fault;
  remaining: number;
  matches: (target: FaultTarget) => boolean;
}

const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', '*']);

/**
 * Route patterns: '*' (any API request), 'POST /v1/images/generations', 'GET /v1/videos/:id',
 * 'POST /v1/videos/*' ('*' = one or more segments), or a bare path (any method). Media downloads are only
 * matched by patterns that name them, e.g. 'GET /media/*'.
 */
export function compileRoute(route: string): (target: FaultTarget) => boolean {
  const trimmed = route.trim();
  if (trimmed === '*') return (target) => target.space === 'api';
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const hasMethod = HTTP_METHODS.has(first.toUpperCase()) && rest.length > 0;
  const method = hasMethod ? first.toUpperCase() : '*';
  const path = hasMethod ? rest.join('') : trimmed;
  const source = path
    .split('/')
    .map((segment) => {
      if (segment === '*') return '.+';
      if (segment.startsWith(':')) return '[^/]+';
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  const pattern = new RegExp(`^${source}/?$`);
  return (target) => (method === '*' || method === target.method) && pattern.test(target.path);
}

export class FaultQueue {
  private queue: QueuedFault[] = [];

  /** `random`: drawn by the fault rate for one request, and dropped after it (see discardRandom). */
  add(faults: Fault[], random = false): void {
    for (const fault of faults) {
      this.queue.push({ fault, remaining: fault.times ?? 1, matches: compileRoute(fault.route ?? '*'), random });
    }
  }

  /**
   * Takes (and counts down) the earliest queued fault of one of `kinds` whose route matches `target` and
   * for which `applies` agrees. Faults that are not taken stay queued for later requests.
   */
  take<K extends FaultKind>(
    target: FaultTarget,
    kinds: readonly K[],
    applies: (fault: FaultOf<K>) => boolean = () => true,
  ): FaultOf<K> | undefined {
    const wanted: readonly FaultKind[] = kinds;
    for (const entry of this.queue) {
      if (!wanted.includes(entry.fault.kind) || !entry.matches(target)) continue;
      const fault = entry.fault as FaultOf<K>;
      if (!applies(fault)) continue;
      entry.remaining -= 1;
      if (entry.remaining <= 0) this.queue = this.queue.filter((other) => other !== entry);
      return fault;
    }
    return undefined;
  }

  /** Forgets drawn random faults (timing.ts) that their request did not take. */
  discardRandom(): void {
    this.queue = this.queue.filter((entry) => !entry.random);
  }

  pending(): Array<Fault & { remaining: number }> {
    return this.queue.map((entry) => ({ ...entry.fault, remaining: entry.remaining }));
  }

  clear(): void {
    this.queue = [];
  }
}
