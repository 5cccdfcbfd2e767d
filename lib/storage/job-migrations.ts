import { JOB_SCHEMA_VERSION, jobSchema, type Job } from '../model/job';

/**
 * Record-level migrations: a job written by an older version is upgraded on read, step by step.
 * Each step takes the raw record of version N and returns version N+1. Add a step, bump
 * JOB_SCHEMA_VERSION, and add a fixture of the old shape to tests/unit/migrations.test.ts.
 */
type Raw = Record<string, unknown>;
const steps: Record<number, (raw: Raw) => Raw> = {
  // Version 0: the pre-release shape had no schemaVersion and called `sends` "submissions".
  0: (raw) => {
    const { submissions, ...rest } = raw;
    return { ...rest, sends: typeof submissions === 'number' ? submissions : 1, schemaVersion: 1 };
  },
  // Version 1: sources had no lineage. A page capture (its image address kept, or a screenshot) becomes a
  // `page` reference; anything else is kept as it is (lib/versions links reused result files on read).
  1: (raw) => ({ ...raw, request: withLegacyLineage(raw), schemaVersion: 2 }),
};

function withLegacyLineage(raw: Raw): unknown {
  const request = raw.request;
  if (typeof request !== 'object' || request === null || !Array.isArray((request as Raw).sources)) return request;
  const origin = typeof raw.origin === 'object' && raw.origin !== null ? (raw.origin as Raw) : {};
  const pageUrl = typeof origin.pageUrl === 'string' ? origin.pageUrl : undefined;
  const capturedAt = typeof raw.createdAt === 'number' && raw.createdAt >= 0 ? raw.createdAt : 0;
  const sources = ((request as Raw).sources as unknown[]).map((source) => {
    if (typeof source !== 'object' || source === null || 'from' in source) return source;
    const s = source as Raw;
    const imageUrl = typeof s.srcUrl === 'string' ? s.srcUrl : undefined;
    if (s.screenshot !== true && imageUrl === undefined) return source;
    const from = { kind: 'page', capturedAt, ...(pageUrl ? { pageUrl } : {}), ...(imageUrl ? { imageUrl } : {}), ...(s.screenshot === true ? { screenshot: true } : {}) };
    return { ...s, from };
  });
  return { ...(request as Raw), sources };
}

export function migrateJob(input: unknown): Job | undefined {
  const result = readJobRecord(input);
  if (!result.ok) {
    console.warn('Reimagine: skipping an unreadable job record', result.problem);
    return undefined;
  }
  return result.job;
}

/** Like migrateJob, but says what is wrong (archive import names the problem to the user). */
export function readJobRecord(input: unknown): { ok: true; job: Job } | { ok: false; problem: string } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, problem: 'not an object' };
  let raw = input as Raw;
  let version = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 0;
  while (version < JOB_SCHEMA_VERSION) {
    const step = steps[version];
    if (!step) return { ok: false, problem: `unknown schema version ${String(raw.schemaVersion)}` };
    raw = step(raw);
    version += 1;
  }
  const parsed = jobSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: issue ? `${issue.path.join('.') || 'record'}: ${issue.message}` : 'invalid' };
  }
  return { ok: true, job: parsed.data };
}
