/**
 * Draws the welcome page's "Try it on this picture" sample (public/welcome/sample.jpg): a small procedural
 * landscape — sky, sun, three mountain ridges and a lake — so the extension ships no third-party photo.
 * Run `npx tsx scripts/make-sample.ts` after changing it; the output is committed.
 */
import { writeFileSync } from 'node:fs';
import jpeg from 'jpeg-js';

const W = 768;
const H = 512;
const data = Buffer.alloc(W * H * 4);
const mix = (a: number[], b: number[], t: number) => a.map((v, i) => Math.round(v + (b[i]! - v) * t));
const ridge = (x: number, seed: number, base: number, amp: number) =>
  base + amp * (0.5 * Math.sin(x / 97 + seed) + 0.3 * Math.sin(x / 41 + seed * 2) + 0.2 * Math.sin(x / 17 + seed * 3));
const horizon = H * 0.68;
const sun = { x: W * 0.68, y: H * 0.36, r: 46 };
const ridges = [
  { seed: 1.3, base: H * 0.5, amp: 46, color: [121, 112, 168] },
  { seed: 4.1, base: H * 0.57, amp: 34, color: [84, 78, 132] },
  { seed: 7.7, base: H * 0.63, amp: 22, color: [52, 58, 96] },
];

function skyAt(x: number, y: number): number[] {
  let c = mix([250, 196, 140], [255, 236, 200], Math.min(1, y / horizon));
  c = mix([92, 124, 196], c, Math.min(1, (y / horizon) ** 0.8));
  const d = Math.hypot(x - sun.x, y - sun.y);
  if (d < sun.r) return [255, 246, 214];
  const glow = Math.max(0, 1 - (d - sun.r) / 140);
  return mix(c, [255, 224, 170], glow * 0.6);
}

function landAt(x: number, y: number): number[] {
  let color = skyAt(x, y);
  for (const r of ridges) if (y > ridge(x, r.seed, r.base, r.amp)) color = mix(r.color, [250, 196, 140], Math.max(0, 0.25 - (y - r.base) / 400));
  return color;
}

for (let y = 0; y < H; y++) {
  for (let x = 0; x < W; x++) {
    let c: number[];
    if (y < horizon) c = landAt(x, y);
    else {
      // The lake: the scene mirrored, darker and rippled.
      const mirrored = 2 * horizon - y + 3 * Math.sin(y / 3 + x / 60);
      c = mix(landAt(x, Math.max(0, mirrored)), [30, 42, 78], 0.35 + ((y - horizon) / (H - horizon)) * 0.3);
    }
    const i = (y * W + x) * 4;
    data[i] = c[0]!;
    data[i + 1] = c[1]!;
    data[i + 2] = c[2]!;
    data[i + 3] = 255;
  }
}

writeFileSync('public/welcome/sample.jpg', jpeg.encode({ data, width: W, height: H }, 82).data);
console.log('wrote public/welcome/sample.jpg');
