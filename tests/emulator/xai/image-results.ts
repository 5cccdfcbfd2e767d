import { FAULT_GROUPS } from '../faults';
import { renderPlaceholder } from '../images';
import type { ApiRequest, ProviderEnv } from '../provider';

/** Everything needed to render an image response, decided when the request was accepted. */
export interface ImagePlan {
  count: number;
  width: number;
  height: number;
  responseFormat: 'url' | 'b64_json';
  /** How many of the images (the first ones) are moderation placeholders. */
  moderatedCount: number;
  costTicks: number;
  /** The model that served the request (named in the response's `model`). */
  model: string;
  render(variant: number): Buffer;
}

interface ImageItem {
  url?: string;
  b64?: string;
  moderated: boolean;
}

export interface ImageResult {
  items: ImageItem[];
  costTicks: number;
  model: string;
}

export function produceImages(plan: ImagePlan, env: ProviderEnv, issuedAt = Date.now()): ImageResult {
  const expiresAt = issuedAt + env.config().mediaTtlMs;
  const placeholder = plan.moderatedCount > 0 ? renderPlaceholder(plan.width, plan.height) : undefined;
  const items: ImageItem[] = [];
  for (let variant = 0; variant < plan.count; variant++) {
    const moderated = variant < plan.moderatedCount;
    const bytes = moderated && placeholder ? placeholder : plan.render(variant);
    items.push(
      plan.responseFormat === 'b64_json'
        ? { b64: bytes.toString('base64'), moderated }
        : { url: env.media.put(bytes, 'jpeg', expiresAt, 'imgen'), moderated },
    );
  }
  return { items, costTicks: plan.costTicks, model: plan.model };
}

/**
 * The documented 200 body: {"data":[{url|b64_json, mime_type}], "usage":{cost_in_usd_ticks}, "model"} — no
 * `created`; `model` names the model that served it (2.0 for a retired slug). Moderated items carry respect_moderation:false; b64_json is bare base64 unless a
 * `b64_prefixed` fault asks for the legacy data: prefix.
 */
export function imageResponseBody(result: ImageResult, request: ApiRequest): { data: object[]; usage: object; model: string } {
  const hasBase64 = result.items.some((item) => item.b64 !== undefined);
  const prefix = hasBase64 && request.takeFault(FAULT_GROUPS.b64) ? 'data:image/jpeg;base64,' : '';
  const data = result.items.map((item) => ({
    ...(item.b64 !== undefined ? { b64_json: prefix + item.b64 } : { url: item.url }),
    mime_type: 'image/jpeg',
    ...(item.moderated ? { respect_moderation: false } : {}),
  }));
  return { data, usage: { cost_in_usd_ticks: result.costTicks }, model: result.model };
}
