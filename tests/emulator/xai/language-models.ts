import { type Reply, json } from '../http';
import { modelNotFound } from './errors';
import type { ErrorReply } from '../provider';

/**
 * GET /v1/language-models: the chat models this key may use, in the listing shape of xAI's other model
 * endpoints. The doc only promises that entries list their input modalities; prices are given the way
 * xAI's listing gives them (`prompt_text_token_price`, `completion_text_token_price`: USD cents per 100 M tokens,
 * xai-proto models.proto); a client prefers them to any assumed price but must cope without them. Only
 * models a source documents are listed (grok-4.3: imagine-api.md; grok-3-mini: xAI's model list, text only).
 * `grok-4.3` takes images (the doc says so); the text-only model is there so a client must filter.
 */
export interface LanguageModel {
  id: string;
  aliases: string[];
  inputModalities: readonly ('text' | 'image')[];
  /** USD per million tokens. */
  usdPerMInput: number;
  usdPerMOutput: number;
}

export const LANGUAGE_MODELS: readonly LanguageModel[] = [
  { id: 'grok-4.3', aliases: ['grok-4.3-latest'], inputModalities: ['text', 'image'], usdPerMInput: 2, usdPerMOutput: 10 },
  { id: 'grok-3-mini', aliases: [], inputModalities: ['text'], usdPerMInput: 0.3, usdPerMOutput: 0.5 },
];

const CREATED = 1_764_547_200; // 2025-12-01

export function resolveLanguageModel(requested: string): LanguageModel | ErrorReply {
  return LANGUAGE_MODELS.find((model) => model.id === requested || model.aliases.includes(requested)) ?? modelNotFound(requested);
}

export const handleLanguageModels = (): Reply =>
  json(200, {
    models: LANGUAGE_MODELS.map((model) => ({
      id: model.id,
      fingerprint: `fp_${model.id.length.toString(16)}l7c2`,
      created: CREATED,
      object: 'model',
      owned_by: 'xai',
      version: '1.0',
      input_modalities: [...model.inputModalities],
      output_modalities: ['text'],
      prompt_text_token_price: Math.round(model.usdPerMInput * 10_000),
      prompt_image_token_price: Math.round(model.usdPerMInput * 10_000),
      completion_text_token_price: Math.round(model.usdPerMOutput * 10_000),
      aliases: model.aliases,
    })),
  });
