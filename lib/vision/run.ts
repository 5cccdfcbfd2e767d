import { capMessage, NO_KEY_CODE, toErrorInfo, type ErrorInfo } from '../errors/taxonomy';
import { estimateCostUsd, usdToTicks } from '../jobs/cost';
import type { JobStore } from '../jobs/engine-deps';
import { FRESH_RUN } from '../jobs/transitions';
import { JOB_SCHEMA_VERSION, type Job } from '../model/job';
import type { Mode } from '../model/modes';
import { jobRequestSchema, validationMessages, type JobOrigin, type JobRequest, type SourceRef } from '../model/request';
import { spendingCapError, spentToday } from '../jobs/spend';
import type { Provider } from '../providers/types';
import type { ProviderId } from '../model/provider-ids';
import { keyFor, type Secrets, type Settings } from '../settings/schema';
import { askVision, type VisionAnswer, type VisionAsk } from './api';
import { DESCRIBE_INSTRUCTIONS, SUGGEST_INSTRUCTIONS, userText } from './instructions';
import { LISTED_PRICE_SOURCE, MAX_OUTPUT_TOKENS, tokenPrice, tokensUsd, type ListedPrices, type TokenPrice } from '../pricing/vision-models';
import { formatUsd, t } from '../i18n';

/**
 * One vision call, start to finish, in the background (the only place that holds the key). It is kept as
 * a job (mode describe-image) so history lists it and the daily cap counts it by the same rule as every
 * other job (lib/jobs/spend.ts): written as "submitting" with `sentAt` before the request leaves (a worker
 * killed mid-call leaves it for the engine's start() to mark interrupted, and it stays counted at its
 * estimate), then done with the text and the cost the provider reported (else tokens × price), or failed.
 * Not queued and never resent on its own: the user is waiting for it, and asks again if it fails.
 */
export interface VisionDeps {
  store: Pick<JobStore, 'put' | 'spentSince'>;
  providers: Record<ProviderId, Pick<Provider, 'capabilities'>>;
  loadSettings(): Promise<Settings>;
  loadSecrets(): Promise<Secrets>;
  resolveSource(ref: SourceRef): Promise<string>;
  /** A still frame of a video source, stored as an image source (edit/extend video). */
  frameOf(ref: SourceRef): Promise<SourceRef>;
  changed(jobs: Job[]): void;
  ask?: (config: { apiKey: string; baseUrl: string }, ask: VisionAsk) => Promise<VisionAnswer>;
  /** Token prices GET /v1/language-models listed (the catalogue); the assumed ones are the fallback. */
  listedPrices?(): Promise<ListedPrices | undefined>;
  now?(): number;
}

export interface VisionInput {
  purpose: 'describe' | 'suggest';
  forMode?: Mode | undefined;
  intent: string;
  sources: SourceRef[];
  origin?: JobOrigin | undefined;
}

export type VisionResult = { ok: true; job: Job; text: string } | { ok: false; error: ErrorInfo; job?: Job };

const MAX_VISION_IMAGES = 7;

export async function runVision(input: VisionInput, deps: VisionDeps): Promise<VisionResult> {
  const now = deps.now ?? Date.now;
  const settings = await deps.loadSettings();
  const providerId = settings.provider;
  const caps = deps.providers[providerId].capabilities;
  if (!caps.vision) return refuse(caps.unavailableReason['describe-image'] ?? t('composer.suggestPrompt.cannotRead'));
  const apiKey = keyFor(await deps.loadSecrets(), providerId);
  if (!apiKey) return { ok: false, error: { kind: 'invalid_key', code: NO_KEY_CODE, message: t('jobs.noApiKeySetAdd') } };
  if (input.sources.length === 0) return refuse(t('vision.addASourceImageFirst'));

  let images: SourceRef[];
  try {
    images = await Promise.all(input.sources.slice(0, MAX_VISION_IMAGES).map((s) => (s.mimeType.startsWith('video/') ? deps.frameOf(s) : s)));
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
  const parsed = jobRequestSchema.safeParse({
    mode: 'describe-image',
    purpose: input.purpose,
    ...(input.forMode ? { forMode: input.forMode } : {}),
    prompt: input.intent,
    model: settings.vision.model,
    sources: images,
  });
  if (!parsed.success) return refuse(Object.values(validationMessages(parsed.error))[0] ?? t('jobs.invalidRequest'));
  const request = parsed.data as Extract<JobRequest, { mode: 'describe-image' }>;

  const estimateUsd = estimateCostUsd(request);
  const capError = settings.dailySpendCapUsd === null ? undefined : spendingCapError(settings.dailySpendCapUsd, await spentToday(deps.store, now()), estimateUsd);
  if (capError) return { ok: false, error: capError };

  const started = now();
  const sending: Job = {
    schemaVersion: JOB_SCHEMA_VERSION,
    id: crypto.randomUUID(),
    createdAt: started,
    updatedAt: started,
    request,
    provider: providerId,
    baseUrl: settings.baseUrls[providerId],
    ...(input.origin ? { origin: input.origin } : {}),
    status: 'submitting',
    sentAt: started,
    submittedAt: started,
    sends: 1,
    ...FRESH_RUN,
    ...(estimateUsd !== undefined ? { estimatedCostTicks: usdToTicks(estimateUsd) } : {}),
  };
  await deps.store.put(sending);
  deps.changed([sending]);

  try {
    const urls = await Promise.all(images.map((s) => deps.resolveSource(s)));
    const instructions = input.purpose === 'describe' ? DESCRIBE_INSTRUCTIONS : SUGGEST_INSTRUCTIONS[input.forMode ?? 'edit-image'];
    const ask = deps.ask ?? ((config, a) => askVision(config, a));
    const answer = await ask(
      { apiKey, baseUrl: sending.baseUrl },
      { model: request.model, instructions, images: urls, text: userText(input.purpose, input.intent), maxOutputTokens: MAX_OUTPUT_TOKENS },
    );
    const priced = answer.costTicks === undefined ? pricedTicks(answer.servedModel ?? request.model, answer.usage, await deps.listedPrices?.().catch(() => undefined)) : undefined;
    const costTicks = answer.costTicks ?? priced?.ticks;
    const notes = [answer.truncated ? t('vision.theModelStoppedAtIts') : '', priced?.assumed ? t('vision.assumedTokenPrice', { input: formatUsd(priced.price.usdPerMInput), output: formatUsd(priced.price.usdPerMOutput) }) : ''].filter(Boolean);
    const done: Job = {
      ...sending,
      status: 'done',
      updatedAt: now(),
      finishedAt: now(),
      text: answer.text,
      ...(answer.usage ? { usage: answer.usage } : {}),
      ...(costTicks !== undefined ? { costTicks } : {}),
      ...(answer.servedModel ? { servedModel: answer.servedModel } : {}),
      ...(notes.length ? { note: notes.join(' ') } : {}),
    };
    await deps.store.put(done);
    deps.changed([done]);
    return { ok: true, job: done, text: answer.text };
  } catch (error) {
    const info = toErrorInfo(error);
    const failed: Job = { ...sending, status: 'failed', updatedAt: now(), finishedAt: now(), error: { ...info, message: capMessage(info.message) } };
    await deps.store.put(failed);
    deps.changed([failed]);
    return { ok: false, error: failed.error ?? info, job: failed };
  }
}

function refuse(message: string): VisionResult {
  return { ok: false, error: { kind: 'invalid_request', message } };
}

/**
 * Tokens × the model's price, when the answer carried no cost of its own and a price is known: the
 * listing's, else the assumed one — and then the job says so (`assumed`).
 */
function pricedTicks(model: string, usage: VisionAnswer['usage'], listed: ListedPrices | undefined): { ticks: number; assumed: boolean; price: TokenPrice } | undefined {
  const price = tokenPrice(model, listed);
  if (!price || !usage) return undefined;
  return { ticks: usdToTicks(tokensUsd(price, usage.inputTokens, usage.outputTokens)), assumed: price.source !== LISTED_PRICE_SOURCE, price };
}
