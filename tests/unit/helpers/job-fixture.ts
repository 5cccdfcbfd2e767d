import { JOB_SCHEMA_VERSION, type Job } from '../../../lib/model/job';

/** A finished, valid job of the current schema; tests override what they are about. */
export function makeJob(id: string, extra: Partial<Job> = {}): Job {
  const createdAt = extra.createdAt ?? Date.now();
  return {
    schemaVersion: JOB_SCHEMA_VERSION,
    id,
    createdAt,
    updatedAt: createdAt,
    request: { mode: 'create-image', prompt: `prompt ${id}`, model: 'grok-imagine-image', n: 1, aspectRatio: '1:1', resolution: '1k' },
    provider: 'xai',
    baseUrl: 'https://api.x.ai/v1',
    status: 'done',
    sends: 1,
    attempts: 0,
    polls: 0,
    stalledPolls: 0,
    pendingOutputs: [],
    results: [],
    moderatedCount: 0,
    ...extra,
  };
}
