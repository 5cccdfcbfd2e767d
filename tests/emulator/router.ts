/** Minimal path matching: '/v1/videos/:id' → { id }. Literal segments must match exactly. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const patternSegments = pattern.split('/');
  const pathSegments = path.replace(/\/+$/, '').split('/');
  if (patternSegments.length !== pathSegments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < patternSegments.length; i++) {
    const expected = patternSegments[i] ?? '';
    const actual = pathSegments[i] ?? '';
    if (expected.startsWith(':')) {
      if (!actual) return undefined;
      try {
        params[expected.slice(1)] = decodeURIComponent(actual);
      } catch {
        return undefined; // malformed %-escape: not a match, the caller answers 404
      }
    } else if (expected !== actual) {
      return undefined;
    }
  }
  return params;
}
