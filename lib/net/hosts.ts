import ipaddr from 'ipaddr.js';
import { getDomain } from 'tldts';
import { parseHttpUrl } from './private-address';

// The private-address rules live in private-address.ts; re-exported here for the worker's callers.
export { isPrivateHost, isPrivateUrl, mayFetchForPage, parseHttpUrl } from './private-address';

/**
 * The registrable domain ("site") by the Public Suffix List: news.example.co.uk → example.co.uk.
 * Unknown TLDs (.test) count as one label, so site.test and cdn.test are different sites.
 */
function siteOf(url: URL): string {
  if (ipaddr.isValid(url.hostname.replace(/^\[|\]$/g, ''))) return url.hostname;
  return getDomain(url.hostname, { allowPrivateDomains: true }) ?? url.hostname;
}

/** Same scheme and same registrable domain: the browser's own definition of "same-site" for cookies. */
export function isSameSite(a: string | undefined, b: string | undefined): boolean {
  const ua = parseHttpUrl(a);
  const ub = parseHttpUrl(b);
  return ua !== undefined && ub !== undefined && ua.protocol === ub.protocol && siteOf(ua) === siteOf(ub);
}

/** The page's origin with a trailing slash: what a strict referrer policy sends, never the path or query. */
export function refererFor(pageUrl: string | undefined): string | undefined {
  const page = parseHttpUrl(pageUrl);
  return page ? `${page.origin}/` : undefined;
}
