/**
 * Vision (image understanding) models and their token prices. The doc names `grok-4.3` as a model that
 * takes images; the key's own list comes from GET /v1/language-models (Options), whose entries carry
 * `prompt_text_token_price` / `completion_text_token_price` (xai-proto models.proto; USD cents per 100 M
 * tokens). Those listed prices come first (kept with the catalogue, lib/background/state/catalog-store.ts); the $3/$15
 * below is only the labelled fallback when no listing price is known, used when a response carries no
 * `cost_in_usd_ticks` and for the daily cap's reservation — unknown models reserve at the dearest price.
 * Only model ids a source documents are listed (`grok-4.3`, imagine-api.md).
 */
export const DEFAULT_VISION_MODEL = 'grok-4.3';

export interface TokenPrice {
  usdPerMInput: number;
  usdPerMOutput: number;
  source: string;
}

export const ASSUMED_PRICE_SOURCE = 'assumed (no listed price)';
export const LISTED_PRICE_SOURCE = 'GET /v1/language-models';

export const TEXT_PRICES: Record<string, TokenPrice> = {
  'grok-4.3': { usdPerMInput: 3, usdPerMOutput: 15, source: ASSUMED_PRICE_SOURCE },
};

/** Listed prices by model id (and alias), USD per million tokens. */
export type ListedPrices = Record<string, { usdPerMInput: number; usdPerMOutput: number }>;

/** The listing's units (USD cents per 100 M tokens) → USD per million tokens. */
export const listedUsdPerM = (centsPer100M: number): number => centsPer100M / 10_000;

const DEAREST: TokenPrice = { usdPerMInput: 3, usdPerMOutput: 15, source: 'dearest known' };

/** The listing's price when it has one for this model, else the assumed one (labelled by `source`). */
export function tokenPrice(model: string, listed?: ListedPrices): TokenPrice | undefined {
  const fromListing = listed && Object.hasOwn(listed, model) ? listed[model] : undefined;
  if (fromListing) return { ...fromListing, source: LISTED_PRICE_SOURCE };
  return Object.hasOwn(TEXT_PRICES, model) ? TEXT_PRICES[model] : undefined;
}

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
