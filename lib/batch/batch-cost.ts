import { estimateRequest, formatPrice } from '../pricing/estimate';
import type { Settings } from '../settings/schema';
import { requestFromDefaults } from './default-request';
import type { BatchMode } from './batch-schema';
import { formatNumber, t } from '../i18n';

/**
 * What a batch will cost before anything is sent: one request per image at the saved defaults (the same
 * request the background will build), times the number of images, against today's spending and the cap.
 * Decision: a batch that does not fit under the cap is refused as a whole (the panel says how many images
 * would fit, the user unticks some); it never runs a part the user did not choose.
 */
const PLACEHOLDER_SOURCE = { mediaId: 'estimate', mimeType: 'image/jpeg' };

export interface BatchEstimate {
  perImageUsd: number;
  totalUsd: number;
  /** How one image's price is made up (the pricing table's lines). */
  lines: string[];
}

/** Undefined when the model's price is unknown (the cap then cannot be checked ahead; the engine still checks each job). */
export function estimateBatch(mode: BatchMode, prompt: string, settings: Settings, count: number): BatchEstimate | undefined {
  const one = estimateRequest(requestFromDefaults(mode, prompt, PLACEHOLDER_SOURCE, settings));
  if (!one) return undefined;
  return { perImageUsd: one.usd, totalUsd: Math.round(one.usd * count * 10_000) / 10_000, lines: one.lines };
}

export type CapVerdict = { ok: true } | { ok: false; fits: number; message: string };

/** `spentUsd` = what already counts today (spend.ts), `capUsd` null = no cap. */
export function checkBatchCap(estimate: BatchEstimate | undefined, count: number, spentUsd: number, capUsd: number | null): CapVerdict {
  if (capUsd === null || !estimate || count === 0) return { ok: true };
  const left = Math.max(0, capUsd - spentUsd);
  // Cents are compared in ticks-like integers: 0.1 + 0.2 must not refuse a batch that fits exactly.
  const toUnits = (usd: number) => Math.round(usd * 1e6);
  if (toUnits(estimate.totalUsd) <= toUnits(left)) return { ok: true };
  const fits = estimate.perImageUsd > 0 ? Math.floor(toUnits(left) / toUnits(estimate.perImageUsd)) : count;
  return {
    ok: false,
    fits,
    message: t('batch.cost.overCap', {
      total: formatPrice(estimate.totalUsd),
      left: formatPrice(left),
      cap: formatPrice(capUsd),
      spent: formatPrice(spentUsd),
      advice: fits > 0 ? t('batch.cost.wouldFit', fits, { count: formatNumber(fits) }) : t('batch.cost.raiseCap'),
    }),
  };
}

export function describeBatchCost(estimate: BatchEstimate | undefined, count: number): string {
  if (!estimate) return t('batch.cost.unknownPrice', count, { count: formatNumber(count) });
  return t('batch.cost.line', count, { count: formatNumber(count), price: formatPrice(estimate.perImageUsd), total: formatPrice(estimate.totalUsd) });
}
