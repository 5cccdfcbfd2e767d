import type { z } from 'zod';
import { db } from './db';

/** Small validated records (settings, secrets, engine bookkeeping). A bad record falls back to defaults. */
export async function readKv<T extends z.ZodType>(key: string, schema: T): Promise<z.infer<T>> {
  const raw = await (await db()).get('kv', key);
  const parsed = schema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  console.warn(`Reimagine: stored "${key}" is invalid, using defaults`, parsed.error.issues[0]);
  return schema.parse({});
}

export async function writeKv(key: string, value: unknown): Promise<void> {
  await (await db()).put('kv', value, key);
}

/** The stored value as is, for records that run their own migration (settings). */
export async function readRawKv(key: string): Promise<unknown> {
  return (await db()).get('kv', key);
}
