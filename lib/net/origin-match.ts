/** Whether a match pattern as permissions.onAdded reports it (https://host/…, all hosts, <all_urls>) covers `origin`. */
export function originMatches(pattern: string, origin: string): boolean {
  if (pattern === '<all_urls>') return /^https?:/.test(origin);
  const m = /^(\*|https?):\/\/([^/]+)\//.exec(pattern);
  if (!m) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const [, scheme, host = ''] = m;
  const schemeOk = scheme === '*' ? url.protocol === 'http:' || url.protocol === 'https:' : url.protocol === `${scheme}:`;
  const hostOk = host === '*' || host === url.hostname || (host.startsWith('*.') && (url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1))));
  return schemeOk && hostOk;
}
