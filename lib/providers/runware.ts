import { z } from 'zod';
import { mentionsCredits, mentionsModeration, type ParsedErrorBody } from '../api/classify';
import { ImagineError, type ErrorInfo, type ErrorKind } from '../errors/taxonomy';
import { malformedResponse } from '../api/http';
import { TICKS_PER_USD } from '../model/imagine-models';
import type { Job, PendingOutput } from '../model/job';
import { clip, vendorJson } from './reseller-http';
import type { PollOutcome, Provider, ProviderContext, SubmitOutcome } from './types';
import { formatUsd, t } from '../i18n';
import { OUTPUT_FORMATS, runwareCapabilities, runwareTask, type RunwareTask } from './runware-task';

/**
 * Runware (https://api.runware.ai/v1) — shared/seeds/004 and Runware's public docs: every request is a POST
 * of an array of tasks to the base URL itself. `imageInference` (sync, or `deliveryMethod:"async"`),
 * `videoInference` (async only) and `getResponse` (poll an async task by its `taskUUID`, a UUID v4 we make
 * per task). Answers are `{data:[…]}`; failures `{errors:[{code,message,parameter,taskType,taskUUID}]}`
 * with a 4xx/5xx status, or inside a 200 next to other tasks' data. `includeCost:true` adds `cost` in USD.
 * The tasks themselves (models, sizes, request mapping) are in runware-task.ts.
 */

const MIME_OF_FORMAT = { JPG: 'image/jpeg', PNG: 'image/png', WEBP: 'image/webp' } as const;

// --- responses

const runwareErrorSchema = z.looseObject({
  code: z.union([z.string(), z.number()]).nullish(),
  message: z.string().nullish(),
  parameter: z.string().nullish(),
  taskType: z.string().nullish(),
  taskUUID: z.string().nullish(),
});
type RunwareError = z.infer<typeof runwareErrorSchema>;

const runwareItemSchema = z.looseObject({
  taskType: z.string().nullish(),
  taskUUID: z.string().nullish(),
  status: z.string().nullish(),
  imageUUID: z.string().nullish(),
  imageURL: z.string().nullish(),
  videoUUID: z.string().nullish(),
  videoURL: z.string().nullish(),
  cost: z.number().nullish(),
});
type RunwareItem = z.infer<typeof runwareItemSchema>;

export const runwareResponseSchema = z.looseObject({
  data: z.array(runwareItemSchema).nullish(),
  errors: z.array(runwareErrorSchema).nullish(),
});

/** `{errors:[{code,message}]}` → the first error's words, for the shared HTTP classifier. Never throws. */
export function readRunwareError(text: string): ParsedErrorBody {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const trimmed = text.trim();
    return trimmed && !trimmed.startsWith('<') ? { message: clip(trimmed) } : {};
  }
  const parsed = runwareResponseSchema.safeParse(json);
  const first = parsed.success ? parsed.data.errors?.[0] : undefined;
  if (!first) return {};
  return {
    ...(first.message ? { message: clip(first.message) } : {}),
    ...(first.code !== undefined && first.code !== null ? { code: String(first.code) } : {}),
  };
}

/** A task error that came inside a 2xx body (or on a poll): its kind from its code and words. */
export function taskErrorInfo(error: RunwareError, requestId?: string): ErrorInfo {
  const code = error.code !== undefined && error.code !== null ? String(error.code) : undefined;
  const message = clip(error.message || code || t('providers.runwareNoExplanation'));
  const words = `${code ?? ''} ${message}`;
  let kind: ErrorKind;
  if (/api[ _-]?key|unauthori[sz]ed|authentication/i.test(words)) kind = 'invalid_key';
  else if (mentionsModeration(words)) kind = 'content_policy';
  else if (mentionsCredits(words) || /balance/i.test(words)) kind = 'credits_exhausted';
  else if (/not[ _-]?found/i.test(words)) kind = 'not_found';
  else if (/timeout|provider|internal|unavailable|server/i.test(words)) kind = 'server_error';
  else if (/invalid|missing|unsupported|must|required|exceed/i.test(words) || error.parameter) kind = 'invalid_request';
  else kind = 'server_error';
  return { kind, message, ...(code !== undefined ? { code } : {}), ...(requestId !== undefined ? { requestId } : {}) };
}

const config = (ctx: Pick<ProviderContext, 'apiKey' | 'baseUrl'>) => ({ apiKey: ctx.apiKey, baseUrl: ctx.baseUrl, vendor: 'Runware', readError: readRunwareError });

async function send(ctx: Pick<ProviderContext, 'apiKey' | 'baseUrl' | 'signal'>, tasks: RunwareTask[] | Record<string, unknown>[], timeoutMs?: number) {
  const response = await vendorJson(config(ctx), { method: 'POST', path: '', body: tasks, signal: ctx.signal, ...(timeoutMs ? { timeoutMs } : {}) });
  const parsed = runwareResponseSchema.safeParse(response.body);
  if (!parsed.success) throw malformedResponse('not the documented {data:[…]} shape', { status: response.status, requestId: response.requestId });
  return { response, body: parsed.data };
}

/** Our task's items and errors (Runware may answer for several tasks in one body). */
function ours(body: z.infer<typeof runwareResponseSchema>, taskUUID: string): { items: RunwareItem[]; errors: RunwareError[] } {
  const mine = (uuid: string | null | undefined) => uuid === undefined || uuid === null || uuid === taskUUID;
  return { items: (body.data ?? []).filter((item) => mine(item.taskUUID)), errors: (body.errors ?? []).filter((error) => mine(error.taskUUID)) };
}

const totalCostTicks = (items: RunwareItem[]) => {
  const costs = items.map((item) => item.cost).filter((cost): cost is number => typeof cost === 'number' && cost >= 0);
  return costs.length ? { costTicks: Math.round(costs.reduce((a, b) => a + b, 0) * TICKS_PER_USD) } : {};
};

function outputOf(item: RunwareItem, job: Job, mimeType: string | undefined): PendingOutput | undefined {
  if (item.videoURL) {
    const req = job.request;
    return { kind: 'video', url: item.videoURL, mimeType: 'video/mp4', ...('duration' in req ? { durationS: req.duration } : {}) };
  }
  if (item.imageURL) return { kind: 'image', url: item.imageURL, ...(mimeType ? { mimeType } : {}) };
  return undefined;
}

const imageMime = (job: Job) => {
  const req = job.request;
  return req.mode === 'create-image' || req.mode === 'edit-image' ? MIME_OF_FORMAT[OUTPUT_FORMATS[req.outputFormat ?? 'jpeg']] : undefined;
};

async function submit(job: Job, ctx: ProviderContext): Promise<SubmitOutcome> {
  const task = await runwareTask(job, ctx);
  const { response, body } = await send(ctx, [task]);
  const { items, errors } = ours(body, task.taskUUID);
  const firstError = errors[0];
  if (firstError) throw new ImagineError(taskErrorInfo(firstError, response.requestId));
  if (task['deliveryMethod'] === 'async') {
    // The acknowledgment: {data:[{taskType, taskUUID}]}. We poll by the UUID we made.
    if (items.length === 0 && (body.data ?? []).length === 0) throw malformedResponse('no acknowledgment for the task', { status: response.status, requestId: response.requestId });
    return { type: 'async', remoteId: task.taskUUID };
  }
  const mime = imageMime(job);
  const outputs = items.map((item) => outputOf(item, job, mime)).filter((o): o is PendingOutput => o !== undefined);
  if (outputs.length === 0) throw malformedResponse('no imageURL in the answer', { status: response.status, requestId: response.requestId });
  return { type: 'outputs', outputs, moderatedCount: 0, ...totalCostTicks(items) };
}

const expectedResults = (job: Job) => ('n' in job.request ? job.request.n : 1);

async function poll(job: Job & { remoteId: string }, ctx: ProviderContext): Promise<PollOutcome> {
  let answer: Awaited<ReturnType<typeof send>>;
  try {
    answer = await send(ctx, [{ taskType: 'getResponse', taskUUID: job.remoteId }], 30_000);
  } catch (error) {
    // A 4xx whose errors name our task is that task's failure, not a transport problem.
    if (error instanceof ImagineError && error.kind === 'invalid_request' && error.code && /not[ _-]?found/i.test(error.code)) {
      throw new ImagineError({ ...error.toInfo(), kind: 'not_found' });
    }
    throw error;
  }
  const { response, body } = answer;
  const { items, errors } = ours(body, job.remoteId);
  if (items.some((item) => item.status === 'success' && !item.imageURL && !item.videoURL)) {
    throw malformedResponse('a successful task without a URL', { status: response.status, requestId: response.requestId });
  }
  const successes = items.filter((item) => (item.status ?? 'success') === 'success' && (item.imageURL || item.videoURL));
  const failedItems = items.filter((item) => item.status === 'error');
  const processing = items.filter((item) => item.status !== 'error' && !successes.includes(item));
  const expected = expectedResults(job);
  const finished = processing.length === 0 && successes.length + Math.max(failedItems.length, errors.length) >= expected;

  if (!finished) {
    if (errors.length > 0 && successes.length === 0 && processing.length === 0) {
      return { state: 'failed', error: taskErrorInfo(errors[0] as RunwareError, response.requestId) };
    }
    return successes.length > 0 && expected > 1 ? { state: 'pending', progress: Math.min(99, Math.round((100 * successes.length) / expected)) } : { state: 'pending' };
  }
  if (successes.length === 0) {
    const error = errors[0] ?? { code: 'error', message: t('providers.runwareReportedTheTaskAs') };
    return { state: 'failed', error: taskErrorInfo(error, response.requestId) };
  }
  const mime = imageMime(job);
  const outputs = successes.map((item) => outputOf(item, job, mime)).filter((o): o is PendingOutput => o !== undefined);
  return { state: 'done', outputs, ...totalCostTicks(successes) };
}

/**
 * A documented, free, authenticated call: the `accountManagement` task with `operation:"getDetails"`
 * (https://runware.ai/docs/platform/account-management) answers with the organisation and its balance.
 */
async function testConnection(ctx: Omit<ProviderContext, 'resolveSource'>): Promise<string> {
  const taskUUID = crypto.randomUUID();
  const { response, body } = await send(ctx, [{ taskType: 'accountManagement', taskUUID, operation: 'getDetails' }], 15_000);
  const { items, errors } = ours(body, taskUUID);
  const error = errors[0];
  if (error) throw new ImagineError(taskErrorInfo(error, response.requestId));
  const details = items.find((item) => item.taskType === 'accountManagement') ?? items[0];
  if (!details) throw malformedResponse('no account details in the answer', { status: response.status, requestId: response.requestId });
  const balance = z.number().safeParse(details['balance']);
  return balance.success ? t('providers.runwareConnectedBalance', { balance: formatUsd(balance.data) }) : t('providers.connectedRunwareAcceptedTheKey');
}

export const runwareProvider: Provider = { id: 'runware', capabilities: runwareCapabilities, submit, poll, testConnection };
