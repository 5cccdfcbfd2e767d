/** Exponential backoff with full jitter; a server-given Retry-After wins (it knows better). */
export function backoffDelay(attempt: number, options: { baseMs?: number; maxMs?: number; retryAfterMs?: number; random?: () => number } = {}): number {
  const { baseMs = 1_000, maxMs = 60_000, retryAfterMs, random = Math.random } = options;
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, maxMs);
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  // Half fixed, half random: never hammer immediately, and spread a burst of clients apart.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
