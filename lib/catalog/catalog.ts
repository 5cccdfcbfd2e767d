import { z } from 'zod';

/**
 * The live model catalogue: which image and video models the saved xAI key may use, read from the
 * listing endpoints at "Test connection" and about once a day, and kept so the composer works offline.
 * Capabilities still come from the bundled table (lib/model/imagine-models.ts): the listing does not carry them.
 */
export const CATALOG_MAX_AGE_MS = 24 * 60 * 60 * 1000;

const ids = z.array(z.string().min(1).max(200)).max(200);

export const catalogSchema = z.object({
  /** The API origin it was read from: a catalogue from another base URL is not this key's. */
  origin: z.string(),
  fetchedAt: z.number().nonnegative(),
  image: ids,
  video: ids,
  aliases: z.record(z.string(), z.string()).catch({}),
  /** Vision token prices from GET /v1/language-models (USD per million tokens), when it listed them. */
  tokenPrices: z.record(z.string(), z.object({ usdPerMInput: z.number().nonnegative(), usdPerMOutput: z.number().nonnegative() })).optional().catch(undefined),
});
export type ModelCatalog = z.infer<typeof catalogSchema>;

/** The part the pages need. */
export interface CatalogModels {
  image: string[];
  video: string[];
  fetchedAt: number;
}

export function isCatalogStale(catalog: ModelCatalog | undefined, origin: string, now: number): boolean {
  if (!catalog || catalog.origin !== origin) return true;
  // A clock set back must not freeze the catalogue forever.
  return now - catalog.fetchedAt >= CATALOG_MAX_AGE_MS || catalog.fetchedAt > now;
}

/** The models a page should offer: the catalogue's when it belongs to this base URL, else the bundled table's. */
export function catalogFor(catalog: ModelCatalog | undefined, origin: string | undefined): CatalogModels | undefined {
  if (!catalog || origin === undefined || catalog.origin !== origin) return undefined;
  if (catalog.image.length === 0 && catalog.video.length === 0) return undefined;
  return { image: catalog.image, video: catalog.video, fetchedAt: catalog.fetchedAt };
}
