import { NO_KEY_CODE, type ErrorInfo } from '../errors/taxonomy';
import type { Job } from '../model/job';
import { DESCRIBE_MODE, describeNotQueued } from '../model/modes';
import type { ProviderId } from '../model/provider-ids';
import { submitInputSchema, validationMessages, type JobOrigin, type JobRequest } from '../model/request';
import { keyFor, type Settings } from '../settings/schema';
import { t } from '../i18n';
import { estimateCostUsd } from './cost';
import type { EngineDeps, JobStore } from './engine-deps';
import { spendingCapError, spentToday } from './spend';

/**
 * Whether a job may enter the queue, decided before anything is written: a valid request, a mode the
 * provider offers (never a description, which is not queued), a saved key, and room under today's cap.
 * engine.ts `submit` and `retry` ask here; nothing is sent or stored by asking.
 */
export type SubmitResult = { ok: true; job: Job } | { ok: false; error: ErrorInfo; fields?: Record<string, string> };
export type SubmitInput = { request: JobRequest; provider?: ProviderId; origin?: JobOrigin };
export type Admitted = { ok: true; request: JobRequest; providerId: ProviderId; origin?: JobOrigin; settings: Settings; estimateUsd: number | undefined };

/** The daily cap's verdict for one more job costing `estimateUsd` (undefined: no cap, or room for it). */
export async function spendingCapCheck(store: JobStore, settings: Settings, estimateUsd: number | undefined, now: number): Promise<ErrorInfo | undefined> {
  if (settings.dailySpendCapUsd === null) return undefined;
  const spent = await spentToday(store, now);
  return spendingCapError(settings.dailySpendCapUsd, spent, estimateUsd);
}

export async function admitSubmit(input: SubmitInput, deps: Pick<EngineDeps, 'store' | 'providers' | 'loadSettings' | 'loadSecrets'>, now: number): Promise<Admitted | Extract<SubmitResult, { ok: false }>> {
  const parsed = submitInputSchema.safeParse(input);
  if (!parsed.success) {
    const fields = validationMessages(parsed.error);
    return { ok: false, error: { kind: 'invalid_request', message: Object.values(fields)[0] ?? t('jobs.invalidRequest') }, fields };
  }
  const settings = await deps.loadSettings();
  const providerId = parsed.data.provider ?? settings.provider;
  const provider = deps.providers[providerId];
  const { request } = parsed.data;
  if (request.mode === DESCRIBE_MODE) return { ok: false, error: { kind: 'invalid_request', message: describeNotQueued() } };
  if (!provider.capabilities.modes[request.mode]) {
    const reason = provider.capabilities.unavailableReason[request.mode] ?? t('jobs.providerCannot', { provider: providerId });
    return { ok: false, error: { kind: 'invalid_request', message: reason } };
  }
  if (!keyFor(await deps.loadSecrets(), providerId)) {
    return { ok: false, error: { kind: 'invalid_key', code: NO_KEY_CODE, message: t('jobs.noApiKeySetAdd') } };
  }
  const estimateUsd = estimateCostUsd(request);
  const capError = await spendingCapCheck(deps.store, settings, estimateUsd, now);
  if (capError) return { ok: false, error: capError };
  return { ok: true, request, providerId, settings, estimateUsd, ...(parsed.data.origin ? { origin: parsed.data.origin } : {}) };
}
