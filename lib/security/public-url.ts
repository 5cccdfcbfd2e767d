/**
 * "Send public image URLs": may this page image's address be handed to the provider instead of its bytes?
 * Only when anyone on the internet could fetch it and the address itself gives nothing away. Everything
 * else — this machine, the local network, intranet names, and addresses that carry a signature or a token
 * (a private image shared through a signed link, a session in the query) — is sent as bytes instead.
 * Lives outside the page script so it is unit-tested; the page script and the background both use it.
 */

/** Names that never resolve on the public internet (RFC 6761/6762/8375, and common intranet suffixes). */
const PRIVATE_SUFFIXES = ['.local', '.localhost', '.internal', '.intranet', '.lan', '.home', '.home.arpa', '.corp', '.private', '.localdomain'];

/**
 * Wildcard-DNS services that answer any name with the address written in it (127.0.0.1.nip.io → 127.0.0.1):
 * a public-looking name for a private address.
 */
const ADDRESS_IN_NAME = /(^|[.-])(\d{1,3})[.-](\d{1,3})[.-](\d{1,3})[.-](\d{1,3})([.-]|$)|(^|\.)(nip\.io|sslip\.io|xip\.io|localtest\.me|lvh\.me|traefik\.me)$/i;

/** Hosts whose paths are themselves the capability (a shared album's picture: anyone holding the link sees it). */
const CAPABILITY_HOSTS = /(^|\.)(googleusercontent\.com|photos\.app\.goo\.gl|photos\.google\.com|dropboxusercontent\.com|1drv\.ms|sharepoint\.com|icloud-content\.com)$/i;

/**
 * A path segment that is a token, not a name: Cloudinary's signed `s--…--`, or a long mixed-case random run
 * (at least 24 letters/digits with upper case, lower case and digits) as capability paths use.
 */
function capabilityPath(pathname: string): boolean {
  return pathname.split('/').some((raw) => {
    const segment = decodeURIComponentSafe(raw);
    if (/^s--[\w-]{6,}--$/.test(segment)) return true;
    const run = segment.match(/[A-Za-z0-9_-]{24,}/)?.[0];
    return !!run && /[a-z]/.test(run) && /[A-Z]/.test(run) && /\d/.test(run);
  });
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The address alone may be sent — half of the rule: the worker also reads it anonymously (no cookies, no
 * Referer) before it does (lib/background/capture/public-check.ts). Inverted since issue 22: any query string
 * or fragment (Discord `hm=`, Facebook/Instagram `oh=`/`oe=`, imgix `s=`, any signature we have not heard of)
 * means bytes.
 */
export function isPublicUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  if (url.search || url.hash) return false;
  if ((!parseIpv4(url.hostname) && ADDRESS_IN_NAME.test(url.hostname)) || CAPABILITY_HOSTS.test(url.hostname)) return false;
  if (capabilityPath(url.pathname)) return false;
  return isPublicHost(url.hostname);
}

/** Host part of a parsed URL (already normalised by the URL parser: `0x7f.1` → `127.0.0.1`, IPv6 in brackets). */
export function isPublicHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[')) return isPublicIpv6(host.slice(1, -1));
  const v4 = parseIpv4(host);
  if (v4) return isPublicIpv4(v4);
  if (!host.includes('.')) return false; // "intranet", "nas", "localhost"
  return !PRIVATE_SUFFIXES.some((suffix) => host.endsWith(suffix));
}

function parseIpv4(host: string): number[] | undefined {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return undefined;
  const octets = parts.map(Number);
  return octets.every((o) => o <= 255) ? octets : undefined;
}

/** Non-public IPv4 ranges: this network, private, CGNAT, loopback, link-local, benchmarking, multicast, reserved. */
function isPublicIpv4([a = 0, b = 0, c = 0]: number[]): boolean {
  if (a === 0 || a === 10 || a === 127 || a >= 224) return false;
  if (a === 100 && b >= 64 && b <= 127) return false; // 100.64/10 carrier-grade NAT
  if (a === 169 && b === 254) return false; // link-local (cloud metadata lives here)
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  if (a === 192 && b === 0 && c === 0) return false; // 192.0.0/24 IETF protocol assignments
  if (a === 198 && (b === 18 || b === 19)) return false; // benchmarking
  return true;
}

/**
 * Only global unicast (2000::/3) is public. That alone excludes loopback, unspecified, ULA (fc00::/7),
 * link-local (fe80::/10), multicast and IPv4-mapped/compatible addresses; the translation prefixes that
 * embed an IPv4 address (NAT64 64:ff9b::/96 is outside 2000::/3 anyway, 6to4 2002::/16, Teredo
 * 2001::/32) and the documentation range are excluded on top.
 */
function isPublicIpv6(address: string): boolean {
  const groups = expandIpv6(address);
  if (!groups) return false;
  const [first = 0, second = 0] = groups;
  if ((first & 0xe000) !== 0x2000) return false;
  if (first === 0x2002) return false;
  if (first === 0x2001 && (second === 0 || second === 0x0db8)) return false;
  return true;
}

function expandIpv6(address: string): number[] | undefined {
  let text = address.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const v4 = parseIpv4(dotted[1]);
    if (!v4) return undefined;
    text = text.slice(0, -dotted[1].length) + `${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 0) return undefined;
  const groups = [...head, ...Array<string>(Math.max(0, missing)).fill('0'), ...tail].map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN));
  return groups.length === 8 && groups.every((g) => !Number.isNaN(g)) ? groups : undefined;
}
