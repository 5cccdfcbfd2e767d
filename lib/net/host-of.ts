/** "https://cdn.example.com:8443/a.jpg" → "cdn.example.com:8443"; undefined for anything that is not a URL. */
export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}
