import { z } from 'zod';

/**
 * The body of `GET /v1/image-generation-models` / `/v1/video-generation-models`. Its shape is not
 * documented beyond "lists the models this key may use", so the reading is lenient: `models` (xAI's other
 * listings) or `data` (OpenAI style), entries with a string `id`, optional `aliases`. One odd entry is
 * skipped, never the whole listing.
 */
const entrySchema = z.object({
  id: z.string().trim().min(1).max(200),
  aliases: z.array(z.unknown()).optional().catch(undefined),
});

const listingSchema = z.union([z.object({ models: z.array(z.unknown()) }), z.object({ data: z.array(z.unknown()) })]);

export interface ModelListing {
  /** Model ids in the server's order, without duplicates. */
  ids: string[];
  /** Alias → the id that serves it (retired slugs appear this way). */
  aliases: Record<string, string>;
}

/** At most this many entries are read: a listing is a handful of models, not an attacker's megabytes. */
export const MAX_LISTED_MODELS = 200;

export function parseModelListing(body: unknown): ModelListing | undefined {
  const listing = listingSchema.safeParse(body);
  if (!listing.success) return undefined;
  const entries = 'models' in listing.data ? listing.data.models : listing.data.data;
  const ids: string[] = [];
  const aliases: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const raw of entries.slice(0, MAX_LISTED_MODELS)) {
    const entry = entrySchema.safeParse(raw);
    if (!entry.success || ids.includes(entry.data.id)) continue;
    ids.push(entry.data.id);
    for (const alias of entry.data.aliases ?? []) {
      if (typeof alias === 'string' && alias.trim() !== '' && alias.length <= 200) aliases[alias.trim()] = entry.data.id;
    }
  }
  return { ids, aliases: { ...aliases } };
}
