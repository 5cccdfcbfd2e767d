import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';

/**
 * docs/store/screenshots: the shots scripts/screenshots.ts makes for the store listing — each surface in light
 * and dark, exactly 1280×800 (the Chrome Web Store takes that or 640×400, nothing else), each one named in
 * docs/store/README.md, and the dark ones really dark (a shot taken before the scheme applied would not be).
 */
const DIR = 'docs/store/screenshots';
const SURFACES = ['panel', 'page', 'history', 'options'];
const SCHEMES = ['light', 'dark'] as const;
const SHOTS = SCHEMES.flatMap((scheme) => SURFACES.map((surface) => `${scheme}-${surface}.png`));

/** Width and height from the IHDR chunk, which a PNG must start with (after the 8-byte signature). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Mean relative luminance, 0 (black) to 1 (white). */
function meanLuminance(bytes: Buffer): number {
  const { data } = PNG.sync.read(bytes);
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) sum += 0.2126 * data[i]! + 0.7152 * data[i + 1]! + 0.0722 * data[i + 2]!;
  return sum / (data.length / 4) / 255;
}

describe('store screenshots', () => {
  it('are exactly the listed surfaces, light and dark', () => {
    expect(readdirSync(DIR).sort()).toEqual([...SHOTS].sort());
  });

  it('are each named in docs/store/README.md', () => {
    const readme = readFileSync('docs/store/README.md', 'utf8');
    for (const shot of SHOTS) expect(readme, shot).toContain(shot);
  });

  for (const shot of SHOTS) {
    it(`${shot}: a 1280×800 PNG in its colour scheme`, () => {
      const bytes = readFileSync(path.join(DIR, shot));
      expect(pngSize(bytes)).toEqual({ width: 1280, height: 800 });
      const luminance = meanLuminance(bytes);
      if (shot.startsWith('dark-')) expect(luminance).toBeLessThan(0.3);
      else expect(luminance).toBeGreaterThan(0.6);
    });
  }
});
