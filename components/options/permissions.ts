import { browser } from 'wxt/browser';

/**
 * Host access for API base URLs. The manifest covers api.x.ai and local emulators; any other origin is
 * an optional host permission the user grants at runtime. `permissions.request` must be called in
 * the click handler itself (user gesture), before anything is awaited.
 */
function covered(url: URL): boolean {
  const patterns = browser.runtime.getManifest().host_permissions ?? [];
  return patterns.some((pattern: string) => {
    const m = /^(\*|https?):\/\/([^/]+)\//.exec(pattern);
    if (!m) return false;
    const [, scheme, host] = m;
    const schemeOk = scheme === '*' ? ['http:', 'https:'].includes(url.protocol) : url.protocol === `${scheme}:`;
    const hostOk = host === '*' || host === url.hostname || (host?.startsWith('*.') === true && url.hostname.endsWith(host.slice(1)));
    return schemeOk && hostOk;
  });
}

/** Origin patterns the manifest does not cover, for the given (valid) base URLs. */
export function originsNeedingPermission(baseUrls: string[]): string[] {
  const out = new Set<string>();
  for (const value of baseUrls) {
    try {
      const url = new URL(value);
      if (!covered(url)) out.add(`${url.protocol}//${url.hostname}/*`);
    } catch {
      // invalid URLs are reported by validation, not here
    }
  }
  return [...out];
}

/** Call synchronously from a click handler. Resolves true when nothing was needed or the user allowed it. */
export function requestHostAccess(origins: string[]): Promise<boolean> {
  if (origins.length === 0) return Promise.resolve(true);
  return browser.permissions.request({ origins }).catch(() => false);
}
