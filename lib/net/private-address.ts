import ipaddr from 'ipaddr.js';

/**
 * Kept apart from the site rules in hosts.ts (which need the Public Suffix List, tldts) so that an extension
 * page can ask "is this address on the user's network?" without bundling that list.
 *
 * Where a URL points, as far as an extension can tell without DNS: a public host on the internet, or
 * something on the user's own machine or network (loopback, RFC 1918, link-local, CGNAT, IPv6 ULA, or an
 * intranet name, or a wildcard-DNS name spelling such an address). The worker uses it before it re-reads a page-chosen URL with the extension's privileges,
 * so a web page cannot make a right-click read the user's router or a local dev server. Names that resolve
 * to private addresses through DNS are not caught here (no DNS API in Chrome); host permissions are the
 * second fence for those.
 */

/** Suffixes that only mean something inside a network (RFC 6761/6762/8375 and common intranet habits). */
const PRIVATE_SUFFIXES = ['.localhost', '.local', '.internal', '.intranet', '.lan', '.home', '.corp', '.home.arpa', '.localdomain'];

/** `hostname` as URL gives it: lowercase, IPv6 in brackets, IPv4 already normalised (0x7f.1 → 127.0.0.1). */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (!host) return true;
  if (ipaddr.isValid(host)) return ipaddr.process(host).range() !== 'unicast'; // ::ffff:127.0.0.1 → IPv4 first
  if (host === 'localhost' || !host.includes('.')) return true; // dotless names are intranet hosts
  if (spellsPrivateAddress(host)) return true;
  return PRIVATE_SUFFIXES.some((suffix) => host.endsWith(suffix));
}

/**
 * Wildcard-DNS names answer with the address written in them (127.0.0.1.nip.io, 10-0-0-1.sslip.io,
 * app.192.168.1.10.traefik.me): a public-looking name for a private address. Any name that spells a
 * non-public IPv4 address, dotted or dashed, counts as private. (Other public names that resolve to private
 * addresses can't be seen without DNS; SECURITY.md says so.)
 */
function spellsPrivateAddress(host: string): boolean {
  for (const match of host.matchAll(/(?:^|[.-])(\d{1,3})[.-](\d{1,3})[.-](\d{1,3})[.-](\d{1,3})(?=$|[.-])/g)) {
    const address = match.slice(1, 5).join('.');
    if (ipaddr.IPv4.isValidFourPartDecimal(address) && ipaddr.IPv4.parse(address).range() !== 'unicast') return true;
  }
  return false;
}

export function parseHttpUrl(url: string | undefined): URL | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** A URL on the user's machine or network (or not an http(s) URL at all). */
export function isPrivateUrl(url: string): boolean {
  const parsed = parseHttpUrl(url);
  return !parsed || isPrivateHost(parsed.hostname);
}

/**
 * May the worker read `target` for a capture started on `pageUrl`? Public targets always; a private one
 * only when the page itself is on that same origin (an intranet page's own images).
 */
export function mayFetchForPage(target: string, pageUrl: string | undefined): boolean {
  const url = parseHttpUrl(target);
  if (!url) return false;
  if (!isPrivateHost(url.hostname)) return true;
  const page = parseHttpUrl(pageUrl);
  return page !== undefined && page.origin === url.origin;
}
