import jpeg from 'jpeg-js';

/**
 * `/showcase`: a travel-blog article with one large photo, for the store screenshot of the in-page overlay
 * (scripts/screenshots.ts). The gradient fixtures of the other pages prove the capture path; a store
 * listing needs a picture a visitor recognises, so this one paints a landscape at dusk: sky, sun,
 * three mountain ranges fading into haze, a lake mirroring them. Light and dark like a real site
 * (`prefers-color-scheme`), so the dark store shot is dark all over.
 */

type Rgb = [number, number, number];

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** Height of a mountain range (0 = top, 1 = bottom) at x ∈ [0, 1]: a few sines, different per range. */
function ridge(x: number, base: number, amplitude: number, seed: number): number {
  const wave = Math.sin(x * 7 + seed) * 0.5 + Math.sin(x * 17 + seed * 3) * 0.25 + Math.sin(x * 41 + seed * 7) * 0.1;
  return base - amplitude * (0.6 + wave * 0.5) * (0.7 + 0.3 * Math.sin(x * 3 + seed));
}

function skyAt(y: number): Rgb {
  // Deep blue overhead to apricot at the horizon.
  return y < 0.3 ? mix([36, 52, 110], [132, 98, 160], y / 0.3) : mix([132, 98, 160], [250, 176, 120], clamp01((y - 0.3) / 0.18));
}

const HORIZON = 0.62;
const SUN = { x: 0.68, y: 0.44, r: 0.06 };
const RANGES: Array<{ base: number; amplitude: number; seed: number; colour: Rgb }> = [
  { base: 0.5, amplitude: 0.16, seed: 1.3, colour: [150, 110, 160] },
  { base: 0.57, amplitude: 0.14, seed: 4.1, colour: [96, 70, 128] },
  { base: 0.62, amplitude: 0.12, seed: 2.2, colour: [48, 40, 82] },
];

/** The scene above the water line, at (x, y) in [0, 1]² of a width:height = 3:2 picture. */
function scene(x: number, y: number): Rgb {
  for (let i = RANGES.length - 1; i >= 0; i--) {
    const range = RANGES[i]!;
    const top = ridge(x, range.base, range.amplitude, range.seed);
    if (y >= top) return mix(range.colour, skyAt(top), 0.15 * (RANGES.length - 1 - i) * (1 - (y - top) * 4));
  }
  const dx = (x - SUN.x) * 1.5;
  const dy = y - SUN.y;
  const distance = Math.sqrt(dx * dx + dy * dy);
  if (distance < SUN.r) return [255, 236, 190];
  return mix(skyAt(y), [255, 214, 150], clamp01(0.55 - (distance - SUN.r) * 2.2));
}

export function landscapeJpeg(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let py = 0; py < height; py++) {
    const y = py / height;
    for (let px = 0; px < width; px++) {
      const x = px / width;
      let colour: Rgb;
      if (y < HORIZON) colour = scene(x, y);
      else {
        // The lake: the scene mirrored at the horizon, rippled, darker with depth.
        const depth = (y - HORIZON) / (1 - HORIZON);
        const ripple = Math.sin(py * 0.9 + Math.sin(px * 0.02) * 3) * 0.004 * (1 + depth * 4);
        colour = mix(scene(x + ripple, HORIZON - (y - HORIZON) * 1.1), [20, 26, 58], 0.25 + depth * 0.5);
      }
      const i = (py * width + px) * 4;
      data[i] = colour[0];
      data[i + 1] = colour[1];
      data[i + 2] = colour[2];
      data[i + 3] = 255;
    }
  }
  return jpeg.encode({ data, width, height }, 90).data;
}

export const showcasePage = () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Three days on the lake trail</title>
<style>
  :root { color-scheme: light dark; --bg: #f6f3ee; --text: #24211d; --muted: #6b645a; --bar: #ffffff; --rule: #e4ddd2; }
  @media (prefers-color-scheme: dark) { :root { --bg: #121316; --text: #e9e6e1; --muted: #a29c93; --bar: #1b1c21; --rule: #2c2d33; } }
  body { margin: 0; background: var(--bg); color: var(--text); font: 17px/1.6 Georgia, 'DejaVu Serif', serif; }
  header { background: var(--bar); border-bottom: 1px solid var(--rule); padding: 14px 40px; display: flex; gap: 32px; align-items: baseline;
    font: 15px system-ui, sans-serif; color: var(--muted); }
  header strong { font: 700 20px Georgia, 'DejaVu Serif', serif; color: var(--text); margin-right: auto; }
  article { max-width: 780px; margin: 0 auto; padding: 20px 24px; }
  h1 { font-size: 34px; line-height: 1.2; margin: 8px 0 4px; }
  .byline { color: var(--muted); font: 14px system-ui, sans-serif; margin: 0 0 16px; }
  img { display: block; width: 780px; height: 520px; border-radius: 6px; }
  figcaption { color: var(--muted); font: 13px system-ui, sans-serif; margin: 6px 0 14px; }
</style></head><body>
<header><strong>Field Notes</strong><span>Trails</span><span>Gear</span><span>Photography</span><span>About</span></header>
<article>
<h1>Three days on the lake trail</h1>
<p class="byline">By Mara Lind · 6 min read</p>
<figure style="margin:0"><img id="hero" src="/img/showcase.jpg" width="780" height="520" alt="Mountains at dusk over a still lake">
<figcaption>The last light over the eastern ridge, from the north shore.</figcaption></figure>
<p>We reached the north shore an hour before sunset, just as the wind dropped and the water went still.</p>
</article></body></html>`;
