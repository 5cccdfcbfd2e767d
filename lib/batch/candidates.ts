import { bestCandidate, type Candidate } from '../media/srcset';
import { BATCH_MAX_IMAGES, BATCH_MIN_EDGE } from './limits';

/**
 * Which of a page's pictures the batch picker offers. Pure (no DOM): the page script measures every <img>
 * and CSS background into `RawImage`s (lib/content/batch-scan.ts), this decides. Rules:
 * - only http(s) pictures (data:/blob: ones are page-local; the worker could not re-read them);
 * - no icons, buttons or tracking pixels: anything whose known natural, rendered or declared size is under
 *   128 px on an edge, hidden elements, and addresses that name themselves as such (favicon, sprite, pixel…);
 * - one entry per picture: elements that share any address (the same image at several sizes in a srcset,
 *   a thumbnail and its lightbox copy) merge into the largest one on screen, which reads the best
 *   candidate under the upload cap (srcset.ts `bestCandidate`);
 * - lazy images that have not loaded yet count by their `data-src`/`data-srcset`, never by a placeholder;
 * - at most 50, in page order; `total` says how many there were.
 */
export interface Size {
  width?: number;
  height?: number;
}

export interface RawImage {
  kind: 'img' | 'background';
  /** Every address the element may show (src, srcset, <picture> sources, data-* attributes). */
  urls: string[];
  /** The candidate lists to choose the upload copy from, and the address shown now (or the lazy one). */
  lists: Candidate[][];
  shown: string;
  /** Decoded size of `shown`, only when the element really shows it (not a lazy placeholder). */
  natural?: Size;
  rendered?: Size;
  /** width/height attributes. */
  declared?: Size;
  hidden: boolean;
  lazy: boolean;
  alt?: string;
}

export interface Picked {
  /** Index into the raw list (the page script tags that element). */
  index: number;
  url: string;
  kind: 'img' | 'background';
  width?: number;
  height?: number;
  alt?: string;
}

const NOT_A_PICTURE =
  /(favicon|apple-touch-icon|\.ico(?:$|\?)|[/_-]sprites?[/._-]|[/_-]icons?[/._-]|[/_-]emoji[/._-]|spacer\.gif|blank\.gif|1x1\.|[/_-]pixel(?:\.gif|\.png|$|\?|\/)|[/_-]beacon|[/_-]tracking[/._-]|\/collect\?|doubleclick\.net|facebook\.com\/tr)/i;

const sameOrigin = (a: string, b: string): boolean => {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
};

export const isHttpUrl = (url: string): boolean => /^https?:\/\//i.test(url) && url.length <= 8192;

/** Any known edge under the minimum: an icon, a button, a 1×1 pixel, a thin rule. */
export function tooSmall(image: Pick<RawImage, 'natural' | 'rendered' | 'declared'>, min = BATCH_MIN_EDGE): boolean {
  for (const size of [image.natural, image.rendered, image.declared]) {
    if (!size) continue;
    if ((size.width !== undefined && size.width < min) || (size.height !== undefined && size.height < min)) return true;
  }
  return false;
}

const knowsSize = (image: RawImage) => [image.natural, image.rendered, image.declared].some((s) => s && (s.width !== undefined || s.height !== undefined));

export function isCandidate(image: RawImage): boolean {
  if (image.hidden || !isHttpUrl(image.shown)) return false;
  if (NOT_A_PICTURE.test(image.shown)) return false;
  if (tooSmall(image)) return false;
  // Nothing measured: a lazy image still waiting for its turn is offered, anything else is not laid out.
  return knowsSize(image) || image.lazy;
}

const area = (image: RawImage) => {
  const size = image.rendered ?? image.declared ?? image.natural;
  return (size?.width ?? 0) * (size?.height ?? size?.width ?? 0);
};

/** Groups of raw indexes that share an address (union-find over their URL sets), in page order. */
export function groupDuplicates(images: RawImage[]): number[][] {
  const parent = images.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const owner = new Map<string, number>();
  images.forEach((image, i) => {
    for (const url of new Set([image.shown, ...image.urls])) {
      if (!isHttpUrl(url)) continue;
      const other = owner.get(url);
      if (other === undefined) owner.set(url, i);
      else parent[find(i)] = find(other);
    }
  });
  const groups = new Map<number, number[]>();
  images.forEach((_, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  });
  return [...groups.values()].sort((a, b) => a[0]! - b[0]!);
}

export function pickCandidates(images: RawImage[], maxEdge: number, limit = BATCH_MAX_IMAGES): { picked: Picked[]; total: number } {
  const picked: Picked[] = [];
  let total = 0;
  for (const group of groupDuplicates(images)) {
    const usable = group.filter((i) => isCandidate(images[i]!));
    // A duplicate that is an icon elsewhere on the page does not make the big copy an icon.
    if (usable.length === 0) continue;
    total++;
    if (picked.length >= limit) continue;
    const index = usable.reduce((best, i) => (area(images[i]!) > area(images[best]!) ? i : best), usable[0]!);
    const image = images[index]!;
    const lists = group.flatMap((i) => images[i]!.lists).filter((l) => l.length > 0);
    const url = bestCandidate(lists, { url: image.shown, ...(image.natural ? { naturalWidth: image.natural.width, naturalHeight: image.natural.height } : {}) }, maxEdge);
    const size = image.natural ?? image.declared ?? image.rendered;
    picked.push({
      index,
      // A larger copy on another origin is not what the page shows: the host the user is asked to allow, and
      // the one the worker reads, is the shown image's (issue 22).
      url: isHttpUrl(url) && sameOrigin(url, image.shown) ? url : image.shown,
      kind: image.kind,
      ...(size?.width ? { width: Math.round(size.width) } : {}),
      ...(size?.height ? { height: Math.round(size.height) } : {}),
      ...(image.alt ? { alt: image.alt.slice(0, 200) } : {}),
    });
  }
  return { picked, total };
}
