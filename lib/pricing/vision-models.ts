/**
 * Vision (image understanding) models and their token prices. The doc names `grok-4.3` as a model that
 * takes images; the key's own list comes from GET /v1/language-models (Options). Prices are per million
 * tokens; the doc gives none, so these are assumptions used only when a response carries no
 * `cost_in_usd_ticks` and for the daily cap's reservation — unknown models reserve at the dearest price.
 */
export const DEFAULT_VISION_MODEL = 'grok-4.3';

export interface TokenPrice {
  usdPerMInput: number;
  usdPerMOutput: number;
  source: string;
}

export const TEXT_PRICES: Record<string, TokenPrice> = {
  'grok-4.3': { usdPerMInput: 3, usdPerMOutput: 15, source: '[none: assumed]' },
  'grok-4.3-mini': { usdPerMInput: 0.3, usdPerMOutput: 0.5, source: '[none: assumed]' },
};

const DEAREST: TokenPrice = { usdPerMInput: 3, usdPerMOutput: 15, source: 'dearest known' };

export const tokenPrice = (model: string): TokenPrice | undefined => (Object.hasOwn(TEXT_PRICES, model) ? TEXT_PRICES[model] : undefined);

/** The most output a suggestion may use (sent as max_output_tokens). */
export const MAX_OUTPUT_TOKENS = 600;
/** Worst case per image: a 2048 px square at high detail (17 tiles of 256 tokens). */
const IMAGE_TOKENS_MAX = 17 * 256;

export const tokensUsd = (price: TokenPrice, input: number, output: number) => (input * price.usdPerMInput + output * price.usdPerMOutput) / 1e6;

/** What the daily cap reserves before a vision call: every image at its worst, the full output allowance. */
export function visionEstimateUsd(model: string, images: number, textChars: number): number {
  const price = tokenPrice(model) ?? DEAREST;
  return tokensUsd(price, images * IMAGE_TOKENS_MAX + Math.ceil(textChars / 4) + 400, MAX_OUTPUT_TOKENS);
}
