import { bestCandidate, imgCandidates, parseSrcset } from '../media/srcset';
import { mark, markedElement } from './target-registry';

/**
 * Which element did the user right-click? The script is injected after the click, so it cannot have
 * seen the `contextmenu` event: it matches the menu's srcUrl against every <img>/<video>'s current and
 * declared sources, preferring visible and large ones, then marks the winner in the isolated world's
 * registry (target-registry.ts, never an attribute the page could read) so it can be found again (and
 * re-found by srcUrl if the page re-renders it).
 */

export type MediaElement = HTMLImageElement | HTMLVideoElement;

function normalize(url: string): string {
  try {
    return new URL(url, location.href).href;
  } catch {
    return url;
  }
}

/** Every URL this element may be showing. */
export function urlsOf(el: MediaElement): string[] {
  const urls: string[] = [];
  if (el.currentSrc) urls.push(el.currentSrc);
  const src = el.getAttribute('src');
  if (src) urls.push(normalize(src));
  if (el instanceof HTMLVideoElement && el.poster) urls.push(normalize(el.poster));
  const sources = el instanceof HTMLImageElement && el.parentElement instanceof HTMLPictureElement ? [...el.parentElement.querySelectorAll('source')] : [];
  if (el instanceof HTMLVideoElement) sources.push(...el.querySelectorAll('source'));
  for (const s of sources) {
    if (s.src) urls.push(normalize(s.src));
    for (const c of parseSrcset(s.getAttribute('srcset'), document.baseURI)) urls.push(c.url);
  }
  if (el instanceof HTMLImageElement) for (const c of parseSrcset(el.getAttribute('srcset'), document.baseURI)) urls.push(c.url);
  return urls;
}

function visibleArea(el: Element): number {
  const r = el.getBoundingClientRect();
  const w = Math.max(0, Math.min(r.right, innerWidth) - Math.max(r.left, 0));
  const h = Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
  return w * h * 4 + r.width * r.height; // on-screen area dominates; off-screen size breaks ties
}

export function findMedia(srcUrl: string | undefined, kind: 'image' | 'video', root: ParentNode = document): MediaElement | undefined {
  const selector = kind === 'video' ? 'video' : 'img';
  const all = [...root.querySelectorAll<MediaElement>(selector)];
  const wanted = srcUrl ? normalize(srcUrl) : undefined;
  const exact = wanted ? all.filter((el) => el.currentSrc === wanted) : [];
  const loose = exact.length ? exact : wanted ? all.filter((el) => urlsOf(el).includes(wanted)) : all;
  let best: MediaElement | undefined;
  let bestScore = -1;
  for (const el of loose) {
    const score = visibleArea(el);
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best;
}

export function tag(el: Element, targetId: string): void {
  mark(el, targetId);
}

/** The marked element: an <img>/<video>, (batch) an element showing a CSS background picture, or any picked
 * picture (also one inside an open shadow root, which document.querySelector could not see). */
export function byTag(targetId: string): HTMLElement | undefined {
  // Like querySelector<HTMLElement>, an SVG picture is typed as the element it is used as.
  return markedElement(targetId) as HTMLElement | undefined;
}

/**
 * The best copy of the picture the user clicked (see srcset.ts): a bigger candidate of the srcset that
 * contains the clicked URL, else the clicked URL. Anchored on the clicked URL, not on what the element
 * shows now: a page that swaps `src` during the capture cannot make us read another picture.
 */
export function bestSource(el: Element | undefined, clicked: string, maxEdge: number): string {
  const clickedUrl = normalize(clicked);
  if (!(el instanceof HTMLImageElement)) return clickedUrl;
  const lists = [imgCandidates(el.getAttribute('srcset'), el.getAttribute('src'), document.baseURI)];
  if (el.parentElement instanceof HTMLPictureElement) {
    for (const s of el.parentElement.querySelectorAll('source')) lists.push(parseSrcset(s.getAttribute('srcset'), document.baseURI));
  }
  const stillShown = el.currentSrc === clickedUrl && el.complete;
  return bestCandidate(lists, { url: clickedUrl, ...(stillShown ? { naturalWidth: el.naturalWidth, naturalHeight: el.naturalHeight } : {}) }, maxEdge);
}
