import { z } from 'zod';
import { ImagineError } from '../errors/taxonomy';
import { requestJson, type HttpConfig, type RequestOptions } from '../api/http';
import { listedUsdPerM, type ListedPrices } from '../pricing/vision-models';
import { stripInvisible } from '../security/invisible-text';
import { t } from '../i18n';

/**
 * Image understanding on the wire: POST /v1/responses (current) with POST /v1/chat/completions (legacy)
 * as the fallback when a server has no /responses route, and GET /v1/language-models. Answers are
 * attacker-controlled: parsed with zod, optional fields lenient (a wrong type reads as absent), text capped.
 */
export interface VisionAsk {
  model: string;
  instructions: string;
  /** Data URIs or public https URLs, in order (<IMAGE_0> is the first). */
  images: string[];
  text: string;
  maxOutputTokens: number;
}

export interface VisionAnswer {
  text: string;
  /** Cut at the output allowance (status incomplete / finish_reason length). */
  truncated: boolean;
  servedModel?: string;
  usage?: { inputTokens: number; outputTokens: number };
  costTicks?: number;
}

const MAX_TEXT_CHARS = 8000;
const count = z.coerce.number().int().nonnegative().optional().catch(undefined);
const lenientString = z.string().optional().catch(undefined);

const responsesAnswerSchema = z.object({
  status: lenientString,
  model: lenientString,
  output_text: lenientString,
  output: z
    .array(
      z.object({
        type: lenientString,
        content: z.array(z.object({ type: lenientString, text: lenientString }).loose()).optional().catch(undefined),
      }).loose(),
    )
    .optional()
    .catch(undefined),
  usage: z.object({ input_tokens: count, output_tokens: count, cost_in_usd_ticks: count }).loose().optional().catch(undefined),
}).loose();

const chatAnswerSchema = z.object({
  model: lenientString,
  choices: z.array(z.object({ finish_reason: lenientString, message: z.object({ content: z.string().nullish().catch(undefined) }).loose() }).loose()).min(1),
  usage: z.object({ prompt_tokens: count, completion_tokens: count, cost_in_usd_ticks: count }).loose().optional().catch(undefined),
}).loose();

function answerOrThrow(text: string | undefined, rest: Omit<VisionAnswer, 'text'>): VisionAnswer {
  // A model's answer becomes a prompt the user reads before sending: nothing in it may be invisible.
  const trimmed = stripInvisible(text ?? '').trim();
  if (trimmed === '') throw new ImagineError({ kind: 'server_error', message: t('vision.theVisionModelAnsweredWith') });
  return { text: trimmed.slice(0, MAX_TEXT_CHARS), ...rest };
}

function usageOf(input: number | undefined, output: number | undefined): Pick<VisionAnswer, 'usage'> {
  return input !== undefined && output !== undefined ? { usage: { inputTokens: input, outputTokens: output } } : {};
}

export async function askResponses(config: HttpConfig, ask: VisionAsk, options: RequestOptions = {}): Promise<VisionAnswer> {
  const body = {
    model: ask.model,
    input: [
      { role: 'system', content: ask.instructions },
      {
        role: 'user',
        content: [...ask.images.map((url) => ({ type: 'input_image', image_url: url, detail: 'high' })), { type: 'input_text', text: ask.text }],
      },
    ],
    max_output_tokens: ask.maxOutputTokens,
    store: false,
  };
  const res = await requestJson(config, { method: 'POST', path: '/responses', body, ...options });
  const parsed = responsesAnswerSchema.safeParse(res.body);
  if (!parsed.success) throw new ImagineError({ kind: 'server_error', message: t('vision.theVisionModelSAnswer'), ...(res.requestId ? { requestId: res.requestId } : {}) });
  const answer = parsed.data;
  const parts = (answer.output ?? []).filter((item) => item.type === undefined || item.type === 'message').flatMap((item) => item.content ?? []);
  const text = answer.output_text ?? parts.filter((part) => part.type === 'output_text' || part.type === undefined).map((part) => part.text ?? '').join('');
  return answerOrThrow(text, {
    truncated: answer.status === 'incomplete',
    ...(answer.model ? { servedModel: answer.model } : {}),
    ...usageOf(answer.usage?.input_tokens, answer.usage?.output_tokens),
    ...(answer.usage?.cost_in_usd_ticks !== undefined ? { costTicks: answer.usage.cost_in_usd_ticks } : {}),
  });
}

export async function askChat(config: HttpConfig, ask: VisionAsk, options: RequestOptions = {}): Promise<VisionAnswer> {
  const body = {
    model: ask.model,
    messages: [
      { role: 'system', content: ask.instructions },
      { role: 'user', content: [...ask.images.map((url) => ({ type: 'image_url', image_url: { url, detail: 'high' } })), { type: 'text', text: ask.text }] },
    ],
    max_tokens: ask.maxOutputTokens,
    stream: false,
  };
  const res = await requestJson(config, { method: 'POST', path: '/chat/completions', body, ...options });
  const parsed = chatAnswerSchema.safeParse(res.body);
  if (!parsed.success) throw new ImagineError({ kind: 'server_error', message: t('vision.theVisionModelSAnswer') });
  const choice = parsed.data.choices[0];
  return answerOrThrow(choice?.message.content ?? undefined, {
    truncated: choice?.finish_reason === 'length',
    ...(parsed.data.model ? { servedModel: parsed.data.model } : {}),
    ...usageOf(parsed.data.usage?.prompt_tokens, parsed.data.usage?.completion_tokens),
    ...(parsed.data.usage?.cost_in_usd_ticks !== undefined ? { costTicks: parsed.data.usage.cost_in_usd_ticks } : {}),
  });
}

/** The current endpoint, and the legacy one only when this server has no /responses route at all. */
export async function askVision(config: HttpConfig, ask: VisionAsk, options: RequestOptions = {}): Promise<VisionAnswer> {
  try {
    return await askResponses(config, ask, options);
  } catch (error) {
    const routeMissing = error instanceof ImagineError && error.status === 404 && /route|handler/i.test(error.message) && !/model/i.test(error.message);
    if (!routeMissing) throw error;
    return askChat(config, ask, options);
  }
}

const languageModelsSchema = z.object({
  models: z
    .array(
      z
        .object({
          id: z.string().min(1).max(200),
          input_modalities: z.array(z.string()).optional().catch(undefined),
          aliases: z.array(z.string()).optional().catch(undefined),
          // xai-proto models.proto: USD cents per 100 M tokens. An odd value drops the price, never the model.
          prompt_text_token_price: z.number().nonnegative().finite().optional().catch(undefined),
          completion_text_token_price: z.number().nonnegative().finite().optional().catch(undefined),
        })
        .loose(),
    )
    .max(500),
});

export interface LanguageModelInfo {
  id: string;
  aliases: string[];
  takesImages: boolean;
  /** USD per million tokens, from the listing's price fields when both are there. */
  price?: { usdPerMInput: number; usdPerMOutput: number };
}

/** GET /v1/language-models: the key's chat models and whether each accepts images. */
export async function listLanguageModels(config: HttpConfig, options: RequestOptions = {}): Promise<LanguageModelInfo[]> {
  const res = await requestJson(config, { method: 'GET', path: '/language-models', ...options });
  const parsed = languageModelsSchema.safeParse(res.body);
  if (!parsed.success) throw new ImagineError({ kind: 'server_error', message: t('vision.theListOfLanguageModels') });
  return parsed.data.models.map((model) => ({
    id: model.id,
    aliases: model.aliases ?? [],
    takesImages: model.input_modalities?.includes('image') ?? false,
    ...(model.prompt_text_token_price !== undefined && model.completion_text_token_price !== undefined
      ? { price: { usdPerMInput: listedUsdPerM(model.prompt_text_token_price), usdPerMOutput: listedUsdPerM(model.completion_text_token_price) } }
      : {}),
  }));
}

/** Listed prices by id and alias. */
export function listedPrices(models: LanguageModelInfo[]): ListedPrices {
  const out: ListedPrices = {};
  for (const model of models) if (model.price) for (const id of [model.id, ...model.aliases]) out[id] = model.price;
  return out;
}
