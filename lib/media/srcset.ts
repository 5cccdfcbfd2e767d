/**
 * Choosing the best copy of a page image. The browser picks a srcset candidate for the viewport (often a
 * 400–800 px one); an edit deserves the biggest one the upload can use. Pure functions (no DOM), shared by
 * the page script's target finder and the unit tests.
 */
export interface Candidate {
  url: string;
  /** `800w`: the file's width in pixels. */
  width?: number;
  /** `2x`: pixel density relative to the layout size (also the default `1x`). */
  density?: number;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';

/**
 * The HTML standard's "parse a srcset attribute": URLs may contain commas (image CDNs use `w_300,h_200`),
 * candidates are separated by a comma *after* a URL's whitespace or descriptors, and a candidate with an
 * invalid descriptor is dropped. URLs are resolved against `base`.
 */
export function parseSrcset(srcset: string | null | undefined, base: string): Candidate[] {
  const input = srcset ?? '';
  const out: Candidate[] = [];
  let i = 0;
  while (i < input.length) {
    while (i < input.length && (isSpace(input[i]) || input[i] === ',')) i++;
    if (i >= input.length) break;
    const start = i;
    while (i < input.length && !isSpace(input[i])) i++;
    let url = input.slice(start, i);
    const descriptors: string[] = [];
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else {
      let current = '';
      let inParens = false;
      for (; i < input.length; i++) {
        const c = input[i]!;
        if (inParens) {
          current += c;
          if (c === ')') inParens = false;
        } else if (c === ',') {
          i++;
          break;
        } else if (isSpace(c)) {
          if (current) descriptors.push(current);
          current = '';
        } else {
          if (c === '(') inParens = true;
          current += c;
        }
      }
      if (current) descriptors.push(current);
    }
    const candidate = withDescriptors(url, descriptors, base);
    if (candidate) out.push(candidate);
  }
  return out;
}

function withDescriptors(raw: string, descriptors: string[], base: string): Candidate | undefined {
  let url: string;
  try {
    url = new URL(raw, base).href;
  } catch {
    return undefined;
  }
  const candidate: Candidate = { url };
  for (const d of descriptors) {
    const unit = d.slice(-1);
    const value = d.slice(0, -1);
    if (unit === 'w' && /^\d+$/.test(value) && Number(value) > 0 && candidate.width === undefined && candidate.density === undefined) candidate.width = Number(value);
    else if (unit === 'x' && /^\d*\.?\d+(?:e[+-]?\d+)?$/i.test(value) && Number(value) > 0 && candidate.width === undefined && candidate.density === undefined) candidate.density = Number(value);
    else if (unit === 'h' && /^\d+$/.test(value)) continue; // future-compat height descriptor: ignored, as browsers do
    else return undefined;
  }
  if (candidate.width === undefined && candidate.density === undefined) candidate.density = 1;
  return candidate;
}

/**
 * An <img>'s own candidates: its srcset plus, as the standard does, its `src` as the 1x candidate when the
 * srcset has neither a 1x nor any width descriptor (Wikipedia: `src` = 1x, `srcset` = `1.5x, 2x`).
 */
export function imgCandidates(srcset: string | null | undefined, src: string | null | undefined, base: string): Candidate[] {
  const list = parseSrcset(srcset, base);
  if (src && !list.some((c) => c.width !== undefined || c.density === 1)) {
    try {
      list.push({ url: new URL(src, base).href, density: 1 });
    } catch {
      // an unparsable src adds nothing
    }
  }
  return list;
}

export interface Shown {
  /** The URL the user right-clicked (the menu's srcUrl, i.e. what the element showed then). */
  url: string;
  /** Decoded size of that file, when the element still shows it (0 or undefined when unknown). */
  naturalWidth?: number;
  naturalHeight?: number;
}

/**
 * From the candidate lists the element offers (its own srcset, then its <picture>'s <source>s), the URL to
 * fetch. Only the list that contains the clicked URL is used: another <source> may be a different crop
 * (art direction) or a format this browser skipped. In that list: the smallest candidate whose long edge
 * reaches `maxEdge` (anything bigger is only downscaled again, at the cost of a bigger download), else the
 * largest one. No list contains the clicked URL → the clicked URL itself (`currentSrc`).
 */
export function bestCandidate(lists: Candidate[][], shown: Shown, maxEdge: number): string {
  const list = lists.find((l) => l.some((c) => c.url === shown.url));
  if (!list || list.length < 2) return shown.url;
  const clicked = list.find((c) => c.url === shown.url)!;
  const nw = shown.naturalWidth || 0;
  const nh = shown.naturalHeight || 0;
  // Width of the 1x image, from the clicked file (x descriptors only say "twice the layout size").
  const unitWidth = clicked.density !== undefined && nw > 0 ? nw / clicked.density : (clicked.width ?? 1000);
  const longToWide = nw > 0 && nh > 0 ? Math.max(1, nh / nw) : 1;
  const widthOf = (c: Candidate) => c.width ?? (c.density ?? 1) * unitWidth;
  const sized = list.map((c) => ({ url: c.url, edge: widthOf(c) * longToWide })).sort((a, b) => a.edge - b.edge);
  return (sized.find((c) => c.edge >= maxEdge) ?? sized[sized.length - 1]!).url;
}
