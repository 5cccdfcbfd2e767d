import { ImagineError, NO_KEY_CODE } from '../../errors/taxonomy';
import { formatJobCost } from '../../jobs/cost';
import type { JobOrigin, SourceRef } from '../../model/request';
import { PROVIDERS } from '../../providers/registry';
import { announce } from '../../storage/changes';
import { putMedia, putThumb } from '../../storage/media';
import { runVision, type VisionInput, type VisionResult } from '../../vision/run';
import { listLanguageModels } from '../../vision/api';
import { loadCatalog } from '../state/catalog-store';
import { keyFor } from '../../settings/schema';
import { idbJobStore } from '../state/job-store';
import { loadSecrets, loadSettings } from '../state/settings-store';
import { refreshBadge } from '../platform/signals';
import { resolveSource } from './sources';
import { videoPoster } from '../platform/video-poster';
import { t } from '../../i18n';

/**
 * The background side of image understanding: runVision (lib/vision/run.ts) with the worker's stores,
 * settings and key. Video sources (edit/extend video) are read through a still frame, stored as an
 * image source so the description job's history shows what the model saw.
 */
async function frameOf(ref: SourceRef): Promise<SourceRef> {
  const poster = await videoPoster(ref.mediaId);
  if (!poster) throw new ImagineError({ kind: 'invalid_request', message: t('worker.reimagineCouldNotTakeA') });
  const media = await putMedia({ blob: poster.blob, mimeType: 'image/jpeg', role: 'source' });
  await putThumb(media.id, poster.blob);
  return { mediaId: media.id, mimeType: 'image/jpeg', bytes: media.bytes, width: poster.width, height: poster.height };
}

export function runVisionInBackground(input: VisionInput): Promise<VisionResult> {
  return runVision(input, {
    store: idbJobStore,
    providers: PROVIDERS,
    loadSettings,
    loadSecrets,
    resolveSource,
    frameOf,
    listedPrices: async () => (await loadCatalog())?.tokenPrices,
    changed(jobs) {
      announce({ type: 'jobs', ids: jobs.map((j) => j.id) });
      void refreshBadge();
    },
  });
}

/** What a page gets back: the text and a cost line, never the key or the raw provider answer. */
export async function visionReply(input: VisionInput & { origin?: JobOrigin }) {
  const result = await runVisionInBackground(input);
  if (!result.ok) return { ok: false as const, error: result.error };
  const { job } = result;
  return {
    ok: true as const,
    jobId: job.id,
    text: result.text,
    model: job.servedModel ?? job.request.model,
    ...(formatJobCost(job) ? { cost: formatJobCost(job) } : {}),
    ...(job.usage ? { tokens: job.usage.inputTokens + job.usage.outputTokens } : {}),
    ...(job.note ? { note: job.note } : {}),
  };
}


/** The saved key's models that take images, for the Options picker (xAI only: resellers have none). */
export async function visionModels(): Promise<string[]> {
  const settings = await loadSettings();
  if (!PROVIDERS[settings.provider].capabilities.vision) return [];
  const apiKey = keyFor(await loadSecrets(), settings.provider);
  if (!apiKey) throw new ImagineError({ kind: 'invalid_key', code: NO_KEY_CODE, message: t('worker.saveAnApiKeyFirst') });
  const models = await listLanguageModels({ apiKey, baseUrl: settings.baseUrls[settings.provider] }, { timeoutMs: 15_000 });
  return models.filter((m) => m.takesImages).map((m) => m.id);
}
