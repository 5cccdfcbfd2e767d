import { describe, expect, it } from 'vitest';
import { bestCandidate, imgCandidates, parseSrcset } from '../../lib/media/srcset';

/** Which copy of a page image the capture reads, on markup shaped like real sites'. */
const MAX_EDGE = 2048;
const PAGE = 'https://news.example.com/2026/12/01/story.html';

describe('parseSrcset (HTML standard algorithm)', () => {
  it('keeps commas inside URLs and splits on the separator comma, with or without a space', () => {
    const list = parseSrcset('https://res.cloudinary.com/demo/image/upload/c_scale,w_300/p.jpg 300w,https://res.cloudinary.com/demo/image/upload/c_scale,w_600/p.jpg 600w', PAGE);
    expect(list).toEqual([
      { url: 'https://res.cloudinary.com/demo/image/upload/c_scale,w_300/p.jpg', width: 300 },
      { url: 'https://res.cloudinary.com/demo/image/upload/c_scale,w_600/p.jpg', width: 600 },
    ]);
  });

  it('resolves relative and protocol-relative URLs, defaults to 1x, drops invalid candidates', () => {
    expect(parseSrcset(' /a.jpg, //cdn.example.net/b.jpg 2x, c.jpg 0x, d.jpg 12q, e.jpg 1.5x 100w, f.jpg 3x', PAGE)).toEqual([
      { url: 'https://news.example.com/a.jpg', density: 1 },
      { url: 'https://cdn.example.net/b.jpg', density: 2 },
      { url: 'https://news.example.com/2026/12/01/f.jpg', density: 3 },
    ]);
    expect(parseSrcset('', PAGE)).toEqual([]);
    expect(parseSrcset(null, PAGE)).toEqual([]);
  });
});

describe('bestCandidate', () => {
  it('Wikipedia: src is the 1x, srcset 1.5x and 2x → the 2x file', () => {
    const base = 'https://en.wikipedia.org/wiki/Lighthouse';
    const thumb = (w: number) => `//upload.wikimedia.org/wikipedia/commons/thumb/a/a9/Lighthouse_at_dusk.jpg/${w}px-Lighthouse_at_dusk.jpg`;
    const list = imgCandidates(`${thumb(375)} 1.5x, ${thumb(500)} 2x`, thumb(250), base);
    expect(list).toHaveLength(3);
    const shown = { url: `https:${thumb(250)}`, naturalWidth: 250, naturalHeight: 188 };
    expect(bestCandidate([list], shown, MAX_EDGE)).toBe(`https:${thumb(500)}`);
  });

  const breakpoints = Array.from({ length: 29 }, (_, i) => 200 + i * 100); // 200w … 3000w
  const cloud = (w: number) => `https://images.example-news.com/image/upload/c_fill,g_auto,f_auto,q_auto,w_${w}/v1733011200/world/2026/storm-coast.jpg`;
  const news = breakpoints.map((w) => `${cloud(w)} ${w}w`).join(', ');

  it('a news site’s 29-candidate srcset: the viewport chose 800w; the smallest file that fills 2048 px wins', () => {
    const list = imgCandidates(news, cloud(800), PAGE);
    expect(list).toHaveLength(29);
    expect(bestCandidate([list], { url: cloud(800), naturalWidth: 800, naturalHeight: 533 }, MAX_EDGE)).toBe(cloud(2100));
  });

  it('portrait pictures: the long edge is the height', () => {
    const list = imgCandidates(news, cloud(600), PAGE);
    expect(bestCandidate([list], { url: cloud(600), naturalWidth: 600, naturalHeight: 900 }, MAX_EDGE)).toBe(cloud(1400));
  });

  it('no candidate reaches the cap: the largest one', () => {
    const list = imgCandidates('/s.jpg 320w, /m.jpg 640w, /l.jpg 1600w', '/s.jpg', PAGE);
    expect(bestCandidate([list], { url: 'https://news.example.com/m.jpg' }, MAX_EDGE)).toBe('https://news.example.com/l.jpg');
  });

  it('<picture>: only the <source> the browser chose (formats and art direction are not mixed)', () => {
    const lists = [
      imgCandidates(null, '/fallback.jpg', PAGE),
      parseSrcset('/hero-mobile-480.avif 480w, /hero-mobile-960.avif 960w', PAGE), // (max-width: 600px), another crop
      parseSrcset('/hero-800.webp 800w, /hero-1600.webp 1600w, /hero-2400.webp 2400w', PAGE),
      parseSrcset('/hero-800.jpg 800w, /hero-1600.jpg 1600w, /hero-3200.jpg 3200w', PAGE),
    ];
    expect(bestCandidate(lists, { url: 'https://news.example.com/hero-800.webp', naturalWidth: 800, naturalHeight: 450 }, MAX_EDGE)).toBe('https://news.example.com/hero-2400.webp');
  });

  it('falls back to the clicked URL (currentSrc) when no list contains it — e.g. the page swapped src', () => {
    const list = imgCandidates('/a-400.jpg 400w, /a-2400.jpg 2400w', '/a-400.jpg', PAGE);
    expect(bestCandidate([list], { url: 'https://news.example.com/other.jpg' }, MAX_EDGE)).toBe('https://news.example.com/other.jpg');
    expect(bestCandidate([], { url: 'https://news.example.com/plain.jpg' }, MAX_EDGE)).toBe('https://news.example.com/plain.jpg');
  });

  it('x descriptors without a known decoded size still order by density', () => {
    const list = imgCandidates('/p@2x.png 2x, /p@3x.png 3x', '/p.png', PAGE);
    expect(bestCandidate([list], { url: 'https://news.example.com/p.png' }, MAX_EDGE)).toBe('https://news.example.com/p@3x.png');
  });
});
