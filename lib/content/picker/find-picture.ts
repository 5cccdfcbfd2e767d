import { tooSmall } from '../../batch/candidates';
import { backgroundUrl, isHidden } from '../batch-scan';

/**
 * Which picture is under the pointer, whatever it is made of. `elementsFromPoint` lists every element
 * stacked at the point, so a transparent overlay (photo grids, zoomers, lightboxes) does not hide the
 * photo beneath; open shadow roots are searched too (the document only lists their host). The first
 * element that shows a picture wins, by the batch scan's rules (batch-scan.ts: `<img>`/`<picture>`, CSS
 * `background-image`, hidden elements skipped) plus what only a pointer can aim at: `<video>` (its
 * current frame), `<canvas>`, inline `<svg>` and the `<image>` inside it. Reimagine's own hosts are skipped;
 * pictures hit testing ignores (`pointer-events: none`) are found by their box.
 * Runs in the isolated world: a page cannot replace `elementsFromPoint` or `getComputedStyle` for us.
 */
export type Picture =
  | { kind: 'img'; el: HTMLImageElement; url: string }
  | { kind: 'background'; el: Element; url: string }
  | { kind: 'svg-image'; el: SVGImageElement; url: string }
  | { kind: 'svg'; el: SVGSVGElement }
  | { kind: 'canvas'; el: HTMLCanvasElement }
  | { kind: 'video'; el: HTMLVideoElement };

/** Smaller than this on an edge is a bullet, a rule or a tracking pixel, not a picture anyone points at. */
export const PICK_MIN_EDGE = 24;
const MAX_SHADOW_DEPTH = 8;

/** Elements at the point, topmost first, with open shadow roots' contents before their host. */
export function elementsAt(x: number, y: number, root: Document | ShadowRoot = document, depth = 0): Element[] {
  const listed = root.elementsFromPoint(x, y);
  const out: Element[] = [];
  for (const el of listed) {
    if (el.localName.startsWith('reimagine-')) continue; // our picker and overlays
    const inner = el.shadowRoot; // null for closed roots: only open ones, like the batch scan
    if (inner && depth < MAX_SHADOW_DEPTH) {
      for (const e of elementsAt(x, y, inner, depth + 1)) if (e !== el && !listed.includes(e) && !out.includes(e)) out.push(e);
    }
    if (!out.includes(el)) out.push(el);
  }
  return out;
}

export function pictureAt(x: number, y: number): Picture | undefined {
  for (const el of elementsAt(x, y)) {
    const picture = pictureOf(el);
    if (picture) return picture;
  }
  return skippedByHitTesting(x, y);
}

/** Enough for any real page; a hostile one with a million images does not stall every pointer move. */
const MAX_SKIPPED_SCAN = 5_000;

/**
 * Hit testing skips `pointer-events: none`, which galleries and carousels often put on their images (so a
 * drag moves the slider, or to make "Save image" harder). Those are looked for by their box: the last in
 * page order (the one painted on top) that holds the point.
 */
function skippedByHitTesting(x: number, y: number): Picture | undefined {
  const all = document.querySelectorAll('img, video, canvas, svg');
  for (let i = all.length - 1; i >= Math.max(0, all.length - MAX_SKIPPED_SCAN); i--) {
    const el = all[i]!;
    const r = el.getBoundingClientRect();
    if (x < r.left || x >= r.right || y < r.top || y >= r.bottom) continue;
    if (getComputedStyle(el).pointerEvents !== 'none') continue;
    const picture = pictureOf(el);
    if (picture) return picture;
  }
  return undefined;
}

export function pictureOf(el: Element): Picture | undefined {
  const r = el.getBoundingClientRect();
  if (tooSmall({ rendered: { width: r.width, height: r.height } }, PICK_MIN_EDGE) || isHidden(el)) return undefined;
  if (el instanceof HTMLImageElement) {
    const url = el.currentSrc || el.src;
    return url && el.complete && el.naturalWidth > 0 ? { kind: 'img', el, url } : undefined;
  }
  if (el instanceof HTMLPictureElement) {
    const img = el.querySelector('img');
    return img ? pictureOf(img) : undefined;
  }
  if (el instanceof HTMLVideoElement) return { kind: 'video', el };
  if (el instanceof HTMLCanvasElement) return el.width > 0 && el.height > 0 ? { kind: 'canvas', el } : undefined;
  if (el instanceof SVGImageElement) {
    const url = resolve(el.href.baseVal, el.baseURI);
    if (url) return { kind: 'svg-image', el, url };
  }
  if (el instanceof SVGElement) {
    let svg = el instanceof SVGSVGElement ? el : el.ownerSVGElement;
    while (svg?.ownerSVGElement) svg = svg.ownerSVGElement;
    return svg && svg !== el ? pictureOf(svg) : svg ? { kind: 'svg', el: svg } : undefined;
  }
  const url = backgroundUrl(getComputedStyle(el).backgroundImage || '');
  return url ? { kind: 'background', el, url } : undefined;
}

const MAX_ELEMENTS = 20_000;

/**
 * The keyboard's way to pick: every picture at least partly in the viewport, in page order, open shadow
 * roots' pictures before their host's (one entry per element: an SVG's shapes are its `<svg>`). Tab and
 * Shift+Tab walk it (picker.ts).
 */
export function picturesOnScreen(): Picture[] {
  const found: Picture[] = [];
  const seen = new Set<Element>();
  let budget = MAX_ELEMENTS;
  const walk = (root: Element | ShadowRoot | undefined, depth: number) => {
    const all = root?.querySelectorAll('*') ?? [];
    for (let i = 0; i < all.length && budget-- > 0; i++) {
      const el = all[i]!;
      if (el.localName.startsWith('reimagine-')) continue;
      if (el.shadowRoot && depth < MAX_SHADOW_DEPTH) walk(el.shadowRoot, depth + 1); // open roots, as under the pointer
      if (el instanceof SVGElement && !(el instanceof SVGSVGElement)) continue;
      const r = el.getBoundingClientRect();
      if (r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth) continue;
      const picture = pictureOf(el);
      if (!picture || seen.has(picture.el)) continue;
      seen.add(picture.el);
      found.push(picture);
    }
  };
  walk(document.body ?? undefined, 0);
  return found;
}

/** A picture with an address is read from it (original bytes); the others are read as pixels. */
export const addressOf = (picture: Picture): string | undefined => ('url' in picture ? picture.url : undefined);

function resolve(value: string, base: string): string | undefined {
  if (!value) return undefined;
  try {
    return new URL(value, base).href;
  } catch {
    return undefined;
  }
}
