import { pickCandidates, type RawImage, type Size } from '../batch/candidates';
import { thumbOf } from './batch-thumbs';
import { tag } from './find-target';
import { imgCandidates, parseSrcset, type Candidate } from '../media/srcset';

/**
 * "Reimagine images on this page…": the page script measures every picture on the page — <img> elements
 * (with their srcset and <picture> sources, and the `data-src`/`data-srcset` of lazy loaders) and elements
 * with a CSS `background-image` — and lets lib/batch/candidates.ts choose. Each chosen element gets a fresh
 * target id in the isolated world's registry (target-registry.ts, as a right-click capture does; nothing is
 * written into the page's DOM, so a page can't watch what is listed), and the batch's captures and results
 * find it again. Plain DOM, no zod: the background validates the answer (lib/batch/batch-schema.ts).
 */
const LAZY_SRC = ['data-src', 'data-lazy-src', 'data-original'];
const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset'];
/** Enough for any real page; a hostile one with a million nodes does not stall the scan. */
const MAX_ELEMENTS = 20_000;

export interface ScanResult {
  candidates: Array<{ id: string; url: string; kind: 'img' | 'background'; width?: number; height?: number; alt?: string; thumb?: string }>;
  total: number;
}

const resolve = (value: string | null | undefined): string | undefined => {
  if (!value) return undefined;
  try {
    return new URL(value.trim(), document.baseURI).href;
  } catch {
    return undefined;
  }
};

const attrSize = (el: Element): Size | undefined => {
  const width = Number(el.getAttribute('width'));
  const height = Number(el.getAttribute('height'));
  const size: Size = {};
  if (Number.isFinite(width) && width > 0) size.width = width;
  if (Number.isFinite(height) && height > 0) size.height = height;
  return size.width !== undefined || size.height !== undefined ? size : undefined;
};

const renderedSize = (el: Element): Size | undefined => {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 ? { width: r.width, height: r.height } : undefined;
};

/** Shared with the picker (picker/find-picture.ts): what the page hides is not a picture to offer. */
export function isHidden(el: Element): boolean {
  const style = getComputedStyle(el);
  return style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0';
}

function firstAttr(el: Element, names: string[]): string | undefined {
  for (const name of names) {
    const value = el.getAttribute(name);
    if (value) return value;
  }
  return undefined;
}

export function measureImg(img: HTMLImageElement): RawImage {
  const base = document.baseURI;
  const lazySrc = resolve(firstAttr(img, LAZY_SRC));
  const lazySrcset = parseSrcset(firstAttr(img, LAZY_SRCSET), base);
  const src = img.getAttribute('src');
  const own = imgCandidates(img.getAttribute('srcset'), src, base);
  const lists: Candidate[][] = [own];
  const urls = own.map((c) => c.url);
  if (img.parentElement instanceof HTMLPictureElement) {
    for (const source of img.parentElement.querySelectorAll('source')) {
      const list = parseSrcset(source.getAttribute('srcset') ?? source.getAttribute('data-srcset'), base);
      lists.push(list);
      urls.push(...list.map((c) => c.url));
    }
  }
  const lazyList: Candidate[] = [...lazySrcset, ...(lazySrc && !lazySrcset.some((c) => c.url === lazySrc) ? [{ url: lazySrc, density: 1 }] : [])];
  if (lazyList.length) {
    lists.push(lazyList);
    urls.push(...lazyList.map((c) => c.url));
  }
  const loaded = img.complete && img.naturalWidth > 0;
  // A lazy loader's placeholder (a 1×1 gif, a blurred data: preview) is not the picture: judge the real one.
  const placeholder = lazyList.length > 0 && (!src || src.startsWith('data:') || !loaded || img.naturalWidth <= 1);
  const nativeLazy = img.loading === 'lazy' && !loaded;
  const shown = placeholder ? (lazySrc ?? lazyList[lazyList.length - 1]!.url) : img.currentSrc || resolve(src) || '';
  return {
    kind: 'img',
    urls,
    lists,
    shown,
    ...(loaded && !placeholder ? { natural: { width: img.naturalWidth, height: img.naturalHeight } } : {}),
    ...withSize('rendered', renderedSize(img)),
    ...withSize('declared', attrSize(img)),
    hidden: isHidden(img),
    lazy: placeholder || nativeLazy,
    ...(img.alt ? { alt: img.alt } : {}),
  };
}

const withSize = <K extends 'rendered' | 'declared'>(key: K, size: Size | undefined) => (size ? ({ [key]: size } as Record<K, Size>) : {});

/** The first url(...) of a computed background-image (gradients and image-set() extras are skipped). */
export function backgroundUrl(value: string): string | undefined {
  const match = /url\(\s*(['"]?)(.*?)\1\s*\)/.exec(value);
  return match?.[2] ? resolve(match[2]) : undefined;
}

function measureBackground(el: Element): RawImage | undefined {
  const url = backgroundUrl(getComputedStyle(el).backgroundImage || '');
  if (!url) return undefined;
  return { kind: 'background', urls: [url], lists: [], shown: url, ...withSize('rendered', renderedSize(el)), hidden: isHidden(el), lazy: false };
}

/** crypto.randomUUID exists only in secure contexts, and plenty of pages are still http. */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `b-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Scan the document, mark the chosen elements (isolated world only), answer with what the panel shows. */
export function scanPage(maxEdge: number, newId: () => string = randomId): ScanResult {
  const elements: Element[] = [];
  const raw: RawImage[] = [];
  const all = document.body?.getElementsByTagName('*') ?? [];
  for (let i = 0; i < all.length && i < MAX_ELEMENTS; i++) {
    const el = all[i]!;
    if (el.localName.startsWith('reimagine-')) continue; // our own overlays
    const measured = el instanceof HTMLImageElement ? measureImg(el) : measureBackground(el);
    if (!measured) continue;
    elements.push(el);
    raw.push(measured);
  }
  const { picked, total } = pickCandidates(raw, maxEdge);
  const candidates = picked.map(({ index, ...rest }) => {
    const id = newId();
    tag(elements[index]!, id);
    // A lazy loader's placeholder is not the picture: the worker reads that one (without cookies) instead.
    const thumb = raw[index]!.lazy ? undefined : thumbOf(elements[index]!);
    return { id, ...rest, ...(thumb ? { thumb } : {}) };
  });
  return { candidates, total };
}
