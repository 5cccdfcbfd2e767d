import { browser } from 'wxt/browser';
import { isSameSite, mayFetchForPage, parseHttpUrl, refererFor } from '../../net/hosts';
import { readCapped, TooLarge } from '../../net/read-capped';
import { RAW_IMAGE_MAX_BYTES } from '../../media/prepare-image';
import { formatMegabytes, t } from '../../i18n';

/**
 * The worker's re-read of a page image the page itself may not read (cross-origin, no CORS). It runs with
 * the extension's privileges, so the page must not be able to aim it anywhere it likes:
 * - no loopback/private/intranet targets (start or end of redirects), unless the page is on that origin;
 * - cookies only when the image is same-site with the page (what the page's own <img> would get);
 * - at most RAW_IMAGE_MAX_BYTES, counted while streaming;
 * - Referer = the page's origin, never its path or query (hotlink checks only look at the host).
 */
export type PageImageFailure =
  | { reason: 'no-access'; host: string; origin: string }
  | { reason: 'refused'; message: string }
  | { reason: 'failed'; message: string };

export class PageImageError extends Error {
  override name = 'PageImageError';
  constructor(readonly failure: PageImageFailure) {
    super(failure.reason === 'no-access' ? t('worker.needsAccessShort', { host: failure.host }) : failure.message);
  }
}

const TIMEOUT_MS = 60_000;

export interface PageImageFetchDeps {
  fetch: typeof fetch;
  hasHostAccess(origin: string): Promise<boolean>;
  /** Sets the Referer for requests to exactly `url` from the worker; returns the undo. */
  setReferer(url: string, referer: string): Promise<() => Promise<void>>;
}

export async function fetchPageImage(
  src: string,
  pageUrl: string | undefined,
  deps: PageImageFetchDeps = defaultDeps(),
  options: { anonymous?: boolean; maxBytes?: number } = {},
): Promise<Blob> {
  const url = parseHttpUrl(src);
  if (!url) throw new PageImageError({ reason: 'refused', message: t('worker.thePageDoesNotAllow') });
  // `anonymous`: never cookies (the batch picker's thumbnails: the page chose these addresses, not the user).
  const sameSite = !options.anonymous && isSameSite(url.href, pageUrl);
  let response = await request(url, pageUrl, sameSite, deps);
  if (sameSite && response.redirected && !isSameSite(response.url, pageUrl)) {
    // Cookies went with a same-site request that ended on another site: read that site without them.
    void response.body?.cancel().catch(() => undefined);
    response = await request(new URL(response.url), pageUrl, false, deps);
  }
  if (!response.ok) {
    void response.body?.cancel().catch(() => undefined);
    throw failed(t('capture.httpError', { status: String(response.status) }));
  }
  try {
    return await readCapped(response, options.maxBytes ?? RAW_IMAGE_MAX_BYTES);
  } catch (error) {
    if (error instanceof TooLarge) throw failed(t('capture.pageImageTooLarge', { max: formatMegabytes(RAW_IMAGE_MAX_BYTES, 0) }));
    throw failed(t('worker.theImageDownloadWasInterrupted'));
  }
}

async function request(url: URL, pageUrl: string | undefined, withCookies: boolean, deps: PageImageFetchDeps): Promise<Response> {
  if (!mayFetchForPage(url.href, pageUrl)) throw privateTarget(url);
  const referer = refererFor(pageUrl);
  const undo = referer && !/[*^|]/.test(url.href) ? await deps.setReferer(url.href, referer).catch(() => undefined) : undefined;
  let response: Response;
  try {
    response = await deps.fetch(url.href, {
      credentials: withCookies ? 'include' : 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer', // the session rule sets the one Referer we send
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') throw failed(t('worker.theImageHostDidNot'));
    if (!(await deps.hasHostAccess(url.origin).catch(() => false))) throw new PageImageError({ reason: 'no-access', host: url.host, origin: url.origin });
    throw failed(t('worker.imageNetworkError', { host: url.host }));
  } finally {
    await undo?.();
  }
  // fetch follows redirects itself: what we read must still be somewhere we may read.
  const final = parseHttpUrl(response.url);
  if (response.redirected && (!final || !mayFetchForPage(final.href, pageUrl))) {
    void response.body?.cancel().catch(() => undefined);
    throw privateTarget(final ?? url);
  }
  return response;
}

const failed = (message: string) => new PageImageError({ reason: 'failed', message });

const privateTarget = (url: URL) =>
  new PageImageError({ reason: 'refused', message: t('worker.privateAddress', { host: url.host }) });

function defaultDeps(): PageImageFetchDeps {
  return {
    fetch: (input, init) => fetch(input, init),
    hasHostAccess: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
    setReferer: addRefererRule,
  };
}

type Dnr = typeof chrome.declarativeNetRequest;
const dnr = (): Dnr | undefined => (globalThis as { chrome?: { declarativeNetRequest?: Dnr } }).chrome?.declarativeNetRequest;

/**
 * fetch() cannot set Referer, and hotlink-protected hosts check it: a one-request session rule does,
 * limited to the worker's own requests (tabIds -1) for exactly this URL.
 */
async function addRefererRule(url: string, referer: string): Promise<() => Promise<void>> {
  const api = dnr();
  if (!api?.updateSessionRules) return async () => undefined;
  const id = 1 + Math.floor(Math.random() * 1_000_000_000);
  await api.updateSessionRules({
    addRules: [
      {
        id,
        priority: 1,
        action: {
          type: 'modifyHeaders' as chrome.declarativeNetRequest.RuleActionType,
          requestHeaders: [{ header: 'referer', operation: 'set' as chrome.declarativeNetRequest.HeaderOperation, value: referer }],
        },
        condition: { urlFilter: `|${url}|`, tabIds: [-1], resourceTypes: ['xmlhttprequest' as chrome.declarativeNetRequest.ResourceType] },
      },
    ],
  });
  return async () => {
    await api.updateSessionRules({ removeRuleIds: [id] }).catch(() => undefined);
  };
}
