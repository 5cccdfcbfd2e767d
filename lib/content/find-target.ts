/**
 * Which element did the user right-click? The script is injected after the click, so it cannot have
 * seen the `contextmenu` event: it matches the menu's srcUrl against every <img>/<video>'s current and
 * declared sources, preferring visible and large ones, then tags the winner with
 * `data-reimagine-target` so it can be found again (and re-found by srcUrl if the page re-renders it).
 */
export const TARGET_ATTR = 'data-reimagine-target';

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
    for (const part of (s.srcset || '').split(',')) {
      const u = part.trim().split(/\s+/)[0];
      if (u) urls.push(normalize(u));
    }
  }
  if (el instanceof HTMLImageElement) {
    for (const part of (el.getAttribute('srcset') || '').split(',')) {
      const u = part.trim().split(/\s+/)[0];
      if (u) urls.push(normalize(u));
    }
  }
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
  el.setAttribute(TARGET_ATTR, targetId);
}

export function byTag(targetId: string): MediaElement | undefined {
  return document.querySelector<MediaElement>(`[${TARGET_ATTR}="${CSS.escape(targetId)}"]`) ?? undefined;
}

function parseSrcset(srcset: string | null): Array<{ url: string; size: number }> {
  const out: Array<{ url: string; size: number }> = [];
  for (const part of (srcset ?? '').split(/,\s+/)) {
    const [url, descriptor = '1x'] = part.trim().split(/\s+/);
    if (!url) continue;
    const value = parseFloat(descriptor);
    // "800w" is a width; "2x" a density: compare densities as widths of a nominal 1000 px image.
    out.push({ url: normalize(url), size: descriptor.endsWith('w') ? value : (value || 1) * 1000 });
  }
  return out;
}

/**
 * The largest version of the picture the element is showing: the biggest candidate of the srcset the
 * browser chose from (the <img>'s own or the matching <picture> <source>), else what it shows.
 */
export function largestSource(el: MediaElement, fallback: string): string {
  if (!(el instanceof HTMLImageElement)) return el.currentSrc || fallback;
  const current = el.currentSrc || fallback;
  const sets = [el.getAttribute('srcset')];
  if (el.parentElement instanceof HTMLPictureElement) for (const s of el.parentElement.querySelectorAll('source')) sets.push(s.getAttribute('srcset'));
  for (const set of sets) {
    const candidates = parseSrcset(set);
    if (!candidates.some((c) => c.url === current)) continue;
    candidates.sort((a, b) => b.size - a.size);
    return candidates[0]?.url ?? current;
  }
  return current;
}
