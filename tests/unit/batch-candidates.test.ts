// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { pickCandidates, tooSmall, type RawImage } from '../../lib/batch/candidates';
import { parseScanReply } from '../../lib/batch/batch-schema';
import { backgroundUrl, scanPage } from '../../lib/content/batch-scan';
import { markOf, markedElement } from '../../lib/content/target-registry';

/**
 * The batch picker's choice of a page's pictures: what a real page offers (srcset sizes, lazy loaders,
 * icons, pixels, CSS backgrounds) and what a hostile page could hand the worker (bad addresses, too many).
 */
const MAX_EDGE = 2048;
let counter = 0;
const ids = () => `id-${String(++counter).padStart(8, '0')}`;

/** happy-dom does no layout: give elements the box a browser would. */
function box(el: Element, width: number, height: number): void {
  (el as HTMLElement).getBoundingClientRect = () => ({ x: 0, y: 0, top: 0, left: 0, right: width, bottom: height, width, height, toJSON: () => ({}) }) as DOMRect;
}

function loaded(img: HTMLImageElement, width: number, height: number): void {
  Object.defineProperty(img, 'complete', { value: true });
  Object.defineProperty(img, 'naturalWidth', { value: width });
  Object.defineProperty(img, 'naturalHeight', { value: height });
  Object.defineProperty(img, 'currentSrc', { value: img.src });
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('scanPage', () => {
  it('offers pictures, skips icons, pixels, hidden and small ones, merges srcset duplicates, covers lazy and CSS backgrounds', () => {
    document.body.innerHTML = `
      <img id="photo" src="https://site.example/a.jpg">
      <img id="sized" src="https://site.example/b-400.jpg" srcset="https://site.example/b-400.jpg 400w, https://site.example/b-1600.jpg 1600w, https://site.example/b-3200.jpg 3200w">
      <img id="dup" src="https://site.example/b-1600.jpg">
      <img id="icon" src="https://site.example/static/icons/search.png">
      <img id="favicon" src="https://site.example/favicon.ico" width="256" height="256">
      <img id="pixel" src="https://tracker.example/p.gif" width="1" height="1">
      <img id="thumb" src="https://site.example/thumb.jpg">
      <img id="hidden" src="https://site.example/hidden.jpg" style="display:none" width="600" height="400">
      <img id="lazy" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="https://site.example/lazy.jpg" data-srcset="https://site.example/lazy-800.jpg 800w, https://site.example/lazy-2400.jpg 2400w" width="600" height="400">
      <img id="native-lazy" loading="lazy" src="https://site.example/native.jpg" width="500" height="300">
      <img id="inline" src="data:image/png;base64,iVBORw0KGgo=" width="400" height="300">
      <div id="hero" style="background-image: url('https://cdn.example/hero.jpg')"></div>
      <div id="gradient" style="background-image: linear-gradient(red, blue)"></div>
      <div id="bullet" style="background-image: url(https://site.example/bullet.png)"></div>`;
    const $ = (id: string) => document.getElementById(id)!;
    loaded($('photo') as HTMLImageElement, 1200, 800);
    box($('photo'), 600, 400);
    loaded($('sized') as HTMLImageElement, 400, 300);
    box($('sized'), 400, 300);
    loaded($('dup') as HTMLImageElement, 1600, 1200);
    box($('dup'), 200, 150);
    loaded($('icon') as HTMLImageElement, 24, 24);
    box($('icon'), 24, 24);
    loaded($('thumb') as HTMLImageElement, 1600, 1200);
    box($('thumb'), 100, 75); // a big file shown as a 100 px thumbnail: under 128 px rendered
    box($('hero'), 1200, 500);
    box($('bullet'), 16, 16);

    const { candidates, total } = scanPage(MAX_EDGE, ids);
    const byUrl = Object.fromEntries(candidates.map((c) => [c.url, c]));
    expect(candidates.map((c) => c.url)).toEqual([
      'https://site.example/a.jpg',
      'https://site.example/b-3200.jpg', // one entry for #sized and #dup; the smallest copy that fills 2048 px
      'https://site.example/lazy-2400.jpg', // judged by data-srcset, not by its 1×1 placeholder
      'https://site.example/native.jpg',
      'https://cdn.example/hero.jpg',
    ]);
    expect(total).toBe(5);
    expect(byUrl['https://cdn.example/hero.jpg']?.kind).toBe('background');
    // Every offered element is marked with its id (in the isolated world), for the capture and the result to find it again.
    for (const c of candidates) expect(markedElement(c.id)).toBeDefined();
    expect(markOf($('sized'))).toBe(byUrl['https://site.example/b-3200.jpg']?.id); // the larger on screen
    expect(markOf($('icon'))).toBeUndefined();
    // …and nothing the page could read: no attribute names a Reimagine id.
    const attributes = [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => `${a.name}=${a.value}`));
    for (const c of candidates) expect(attributes.filter((a) => a.includes(c.id))).toEqual([]);
  });

  it('caps the list at 50 and says how many there were', () => {
    document.body.innerHTML = Array.from({ length: 60 }, (_, i) => `<img src="https://site.example/p${i}.jpg" width="300" height="200">`).join('');
    const { candidates, total } = scanPage(MAX_EDGE, ids);
    expect(candidates).toHaveLength(50);
    expect(total).toBe(60);
  });

  it('reads the first url() of a background, skipping gradients', () => {
    expect(backgroundUrl('linear-gradient(red, blue), url("https://a.example/x.jpg")')).toBe('https://a.example/x.jpg');
    expect(backgroundUrl('none')).toBeUndefined();
  });
});

describe('pickCandidates rules', () => {
  const raw = (over: Partial<RawImage>): RawImage => ({ kind: 'img', urls: [], lists: [], shown: 'https://a.example/x.jpg', hidden: false, lazy: false, ...over });

  it('a known edge under 128 px (natural, rendered or declared) is too small', () => {
    expect(tooSmall({ natural: { width: 127, height: 900 } })).toBe(true);
    expect(tooSmall({ rendered: { width: 400, height: 100 } })).toBe(true);
    expect(tooSmall({ declared: { width: 64 } })).toBe(true);
    expect(tooSmall({ natural: { width: 128, height: 128 }, rendered: { width: 300, height: 300 } })).toBe(false);
  });

  it('an image with no size at all is offered only when it is lazy', () => {
    expect(pickCandidates([raw({})], MAX_EDGE).picked).toHaveLength(0);
    expect(pickCandidates([raw({ lazy: true })], MAX_EDGE).picked).toHaveLength(1);
  });

  it('a duplicate that is tiny elsewhere does not hide the large copy', () => {
    const { picked } = pickCandidates(
      [raw({ shown: 'https://a.example/x.jpg', rendered: { width: 40, height: 40 } }), raw({ shown: 'https://a.example/x.jpg', rendered: { width: 500, height: 400 } })],
      MAX_EDGE,
    );
    expect(picked).toEqual([expect.objectContaining({ index: 1, url: 'https://a.example/x.jpg' })]);
  });
});

describe('parseScanReply (the page is hostile)', () => {
  it('keeps only well-formed http(s) entries with unique ids, at most 50', () => {
    const good = { id: 'aaaaaaaa-1', url: 'https://a.example/x.jpg', kind: 'img' };
    const reply = {
      candidates: [
        good,
        { ...good }, // same id again
        { id: 'bbbbbbbb-2', url: 'javascript:alert(1)', kind: 'img' },
        { id: 'cccccccc-3', url: 'data:image/png;base64,AAAA', kind: 'img' },
        { id: 'dddddddd-4', url: 'https://user:pw@a.example/x.jpg', kind: 'img' },
        { id: '"><script>', url: 'https://a.example/y.jpg', kind: 'img' },
        { id: 'eeeeeeee-5', url: 'http://b.example/y.jpg', kind: 'background', width: 640, height: 480, alt: 'ok' },
        { id: 'ffffffff-6', url: 'https://a.example/z.jpg', kind: 'svg' },
      ],
      total: 'lots',
    };
    const { candidates, total } = parseScanReply(reply);
    expect(candidates.map((c) => c.id)).toEqual(['aaaaaaaa-1', 'eeeeeeee-5']);
    expect(total).toBe(2);
    expect(parseScanReply(undefined)).toEqual({ candidates: [], total: 0 });
    const many = { candidates: Array.from({ length: 80 }, (_, i) => ({ id: `img-${String(i).padStart(8, '0')}`, url: `https://a.example/${i}.jpg`, kind: 'img' })), total: 80 };
    expect(parseScanReply(many)).toMatchObject({ total: 80 });
    expect(parseScanReply(many).candidates).toHaveLength(50);
  });
});
