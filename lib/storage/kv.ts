import type { z } from 'zod';
import { db } from './db';
import type { KvKey } from './keys';

/** Small validated records (settings, secrets, engine bookkeeping). A bad record falls back to defaults. */
export async function readKv<S extends z.ZodType>(key: KvKey<S>): Promise<z.infer<S>> {
  const raw = await (await db()).get('kv', key.name);
  const parsed = key.schema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  console.warn(`Reimagine: stored "${key.name}" is invalid, using defaults`, parsed.error.issues[0]);
  return key.schema.parse({});
}

/** Writes only what the key's schema accepts (throws otherwise): nothing invalid is ever stored. */
export async function writeKv<S extends z.ZodType>(key: KvKey<S>, value: z.input<S>): Promise<void> {
  await (await db()).put('kv', key.schema.parse(value), key.name);
}

/** The stored value as is, for records that run their own migration (settings) or lenient reading (catalogue). */
export async function readRawKv(key: KvKey<z.ZodType>): Promise<unknown> {
  return (await db()).get('kv', key.name);
}
