/** Draws the Reimagine icon (gradient rounded square, white four-point sparkle) at every manifest size. */
import { PNG } from 'pngjs';
import { mkdirSync, writeFileSync } from 'node:fs';

const SIZES = [16, 32, 48, 128];
const SAMPLES = 4; // supersampling for smooth edges

function coverage(size: number, x: number, y: number): { bg: number; star: number } {
  let bg = 0;
  let star = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const u = (x + (sx + 0.5) / SAMPLES) / size; // 0..1
      const v = (y + (sy + 0.5) / SAMPLES) / size;
      const r = 0.22; // corner radius
      const dx = Math.max(r - u, 0, u - (1 - r));
      const dy = Math.max(r - v, 0, v - (1 - r));
      if (dx * dx + dy * dy <= r * r) bg++;
      // Four-point star: |x|^p + |y|^p <= 1 with p < 1 makes concave sides.
      const cx = (u - 0.5) / 0.36;
      const cy = (v - 0.5) / 0.36;
      if (Math.abs(cx) ** 0.5 + Math.abs(cy) ** 0.5 <= 1) star++;
    }
  }
  const n = SAMPLES * SAMPLES;
  return { bg: bg / n, star: star / n };
}

mkdirSync('public/icon', { recursive: true });
for (const size of SIZES) {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const { bg, star } = coverage(size, x, y);
      const t = (x + y) / (2 * size); // diagonal gradient: violet → coral
      const base = [Math.round(91 + (255 - 91) * t), Math.round(75 + (111 - 75) * t), Math.round(219 + (97 - 219) * t)];
      const i = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) png.data[i + c] = Math.round(base[c]! * (1 - star) + 255 * star);
      png.data[i + 3] = Math.round(255 * bg);
    }
  }
  writeFileSync(`public/icon/${size}.png`, PNG.sync.write(png));
}
console.log('icons written to public/icon');
