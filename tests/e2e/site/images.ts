import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/** Test pictures for the fixture site, generated (no binary fixtures in the repo). */

type Paint = (x: number, y: number) => [number, number, number, number];

function pixels(width: number, height: number, paint: Paint): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b, a] = paint(x, y);
      const i = (y * width + x) * 4;
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
      data[i + 3] = a;
    }
  }
  return data;
}

const gradient =
  (seed: number): Paint =>
  (x, y) => [(x * 3 + seed * 40) % 256, (y * 2 + seed * 90) % 256, ((x + y) * seed) % 256, 255];

export function png(width: number, height: number, seed = 1, transparent = false): Buffer {
  const image = new PNG({ width, height });
  image.data = pixels(width, height, (x, y) => {
    const [r, g, b] = gradient(seed)(x, y);
    return [r, g, b, transparent && (x - width / 2) ** 2 + (y - height / 2) ** 2 > (Math.min(width, height) / 2) ** 2 ? 0 : 255];
  });
  return PNG.sync.write(image);
}

export function jpg(width: number, height: number, seed = 2, quality = 85): Buffer {
  return jpeg.encode({ data: pixels(width, height, gradient(seed)), width, height }, quality).data;
}

/**
 * A 6000×4000 photo with fine detail, encoded once and cached in the OS temp dir (jpeg-js needs a few seconds
 * for 24 MP). `detail` is the per-pixel grain: 31 gives a ~15 MB file, at the busy end of what a 24 MP camera
 * writes at quality 88 (6–12 MB is usual); 63 is grain over every pixel (~25 MB), a codec's worst case that no
 * camera writes, kept for the bench's worst-case row.
 */
export function hugeJpeg(detail: 31 | 63 = 31): Buffer {
  const file = path.join(tmpdir(), `reimagine-fixture-6000x4000-grain${detail}.jpg`);
  if (existsSync(file)) return readFileSync(file);
  let seed = 12345;
  const noise = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return (seed >> 16) & detail;
  };
  const data = pixels(6000, 4000, (x, y) => [((x >> 3) + noise()) & 255, ((y >> 3) + noise()) & 255, ((x + y) >> 4) & 255, 255]);
  const bytes = jpeg.encode({ data, width: 6000, height: 4000 }, 88).data;
  writeFileSync(file, bytes);
  return bytes;
}

export const SVG = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300">
  <rect width="400" height="300" fill="#2d6cdf"/>
  <circle cx="200" cy="150" r="100" fill="#ffcc33"/>
  <text x="200" y="160" font-size="36" text-anchor="middle" fill="#222">SVG</text>
</svg>`;

/**
 * A two-frame 64×48 GIF. LZW is written "uncompressed": a clear code after every two pixels keeps the
 * code width at 3 bits, which every decoder accepts.
 */
export function gif(): Buffer {
  const width = 64;
  const height = 48;
  const palette = [0xff, 0x33, 0x33, 0x33, 0x99, 0xff, 0xff, 0xee, 0x55, 0x22, 0x22, 0x22];
  const header = Buffer.from([
    ...Buffer.from('GIF89a'),
    width & 255, width >> 8, height & 255, height >> 8,
    0xf1, 0, 0, // global colour table, 4 colours
    ...palette,
    0x21, 0xff, 0x0b, ...Buffer.from('NETSCAPE2.0'), 3, 1, 0, 0, 0, // loop forever
  ]);
  const frame = (shift: number) => {
    const codes: number[] = [];
    let n = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (n % 2 === 0) codes.push(4);
        codes.push(((x >> 3) + (y >> 3) + shift) % 4);
        n++;
      }
    }
    codes.push(5);
    const bytes: number[] = [];
    let acc = 0;
    let bits = 0;
    for (const code of codes) {
      acc |= code << bits;
      bits += 3;
      while (bits >= 8) {
        bytes.push(acc & 255);
        acc >>= 8;
        bits -= 8;
      }
    }
    if (bits > 0) bytes.push(acc & 255);
    const blocks: number[] = [];
    for (let i = 0; i < bytes.length; i += 255) {
      const chunk = bytes.slice(i, i + 255);
      blocks.push(chunk.length, ...chunk);
    }
    return Buffer.from([
      0x21, 0xf9, 4, 0, 50, 0, 0, 0, // graphic control: 0.5 s
      0x2c, 0, 0, 0, 0, width & 255, width >> 8, height & 255, height >> 8, 0,
      2, // LZW minimum code size
      ...blocks,
      0,
    ]);
  };
  return Buffer.concat([header, frame(0), frame(1), Buffer.from([0x3b])]);
}
