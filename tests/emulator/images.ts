import { createHash } from 'node:crypto';
import type { DecodedImage } from './image-inspect';
import { type BlockImage, createBlockImage, encodeBlockJpeg } from './jpeg-blocks';

/**
 * Synthesised "generated" images. They are real JPEGs at the documented output size whose pixels depend on
 * the request, so a client bug that mixes up results (wrong job, wrong size, stale cache) shows up as a
 * visibly different picture: colours come from a hash of the prompt, the variant index (0..n-1) moves a
 * disc, and edits show a downscaled copy of their source images.
 */

type Rgb = [number, number, number];

function hashBytes(text: string | Buffer): Buffer {
  return createHash('sha256').update(text).digest();
}

function hslToRgb(hue: number, saturation: number, lightness: number): Rgb {
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const sector = (((hue % 360) + 360) % 360) / 60;
  const x = chroma * (1 - Math.abs((sector % 2) - 1));
  const [r, g, b] =
    sector < 1 ? [chroma, x, 0] : sector < 2 ? [x, chroma, 0] : sector < 3 ? [0, chroma, x]
      : sector < 4 ? [0, x, chroma] : sector < 5 ? [x, 0, chroma] : [chroma, 0, x];
  const m = lightness - chroma / 2;
  return [Math.round((r + m) * 255), Math.round((g + m) * 255), Math.round((b + m) * 255)];
}

/** The prompt's signature colours: two for a background gradient, one accent. */
export function promptPalette(prompt: string): { from: Rgb; to: Rgb; accent: Rgb } {
  const hash = hashBytes(prompt);
  const hue = ((hash[0] ?? 0) * 256 + (hash[1] ?? 0)) % 360;
  return {
    from: hslToRgb(hue, 0.6, 0.55),
    to: hslToRgb(hue + 40, 0.6, 0.3),
    accent: hslToRgb(hue + 180, 0.75, 0.6),
  };
}

/** A stand-in colour for a source image we could not decode (WebP, very large): stable per content. */
export function colourOfBytes(bytes: Buffer): Rgb {
  const hash = hashBytes(bytes);
  return [hash[0] ?? 128, hash[1] ?? 128, hash[2] ?? 128];
}

function setCell(image: BlockImage, column: number, row: number, colour: Rgb): void {
  const index = (row * image.columns + column) * 3;
  image.cells[index] = colour[0];
  image.cells[index + 1] = colour[1];
  image.cells[index + 2] = colour[2];
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

export function renderGenerated(prompt: string, width: number, height: number, variant: number): Buffer {
  const image = createBlockImage(width, height);
  const { from, to, accent } = promptPalette(prompt);
  const golden = 0.618034;
  const centreX = (0.25 + 0.5 * ((variant * golden) % 1)) * image.columns;
  const centreY = (0.35 + 0.3 * ((variant * golden * golden) % 1)) * image.rows;
  const radius = 0.22 * Math.min(image.columns, image.rows);
  for (let row = 0; row < image.rows; row++) {
    const background = mix(from, to, row / Math.max(1, image.rows - 1));
    for (let column = 0; column < image.columns; column++) {
      const inDisc = (column + 0.5 - centreX) ** 2 + (row + 0.5 - centreY) ** 2 <= radius ** 2;
      setCell(image, column, row, inDisc ? accent : background);
    }
  }
  return encodeBlockJpeg(image);
}

/** What replaces an image that failed moderation: flat grey with diagonal stripes, unrelated to the prompt. */
export function renderPlaceholder(width: number, height: number): Buffer {
  const image = createBlockImage(width, height);
  for (let row = 0; row < image.rows; row++) {
    for (let column = 0; column < image.columns; column++) {
      setCell(image, column, row, (column + row) % 8 < 4 ? [128, 128, 128] : [112, 112, 112]);
    }
  }
  return encodeBlockJpeg(image);
}

export interface EditSource {
  decoded?: DecodedImage;
  /** Used when the source could not be decoded. */
  fallback: Rgb;
}

function samplePixel(source: DecodedImage, x: number, y: number): Rgb {
  const px = Math.min(source.width - 1, Math.max(0, Math.floor(x)));
  const py = Math.min(source.height - 1, Math.max(0, Math.floor(y)));
  const index = (py * source.width + px) * 4;
  return [source.rgba[index] ?? 0, source.rgba[index + 1] ?? 0, source.rgba[index + 2] ?? 0];
}

export function averageColour(source: EditSource): Rgb {
  const decoded = source.decoded;
  if (!decoded) return source.fallback;
  const sum: Rgb = [0, 0, 0];
  const step = Math.max(1, Math.floor(Math.sqrt((decoded.width * decoded.height) / 4096)));
  let count = 0;
  for (let y = 0; y < decoded.height; y += step) {
    for (let x = 0; x < decoded.width; x += step) {
      const [r, g, b] = samplePixel(decoded, x, y);
      sum[0] += r;
      sum[1] += g;
      sum[2] += b;
      count++;
    }
  }
  return [sum[0] / count, sum[1] / count, sum[2] / count];
}

/**
 * An "edit": the sources side by side (cover-fitted, one vertical strip each), tinted towards the prompt's
 * colour, with a band of the first source's average colour on top and a prompt-coloured band at the bottom.
 */
export function renderEdited(prompt: string, sources: EditSource[], width: number, height: number, variant: number): Buffer {
  const image = createBlockImage(width, height);
  const { from, accent } = promptPalette(prompt);
  const tint = variant % 2 === 0 ? from : accent;
  const stripCount = Math.max(1, sources.length);
  const stripColumns = image.columns / stripCount;
  const topBand = Math.max(1, Math.round(image.rows / 16));
  const bottomBand = image.rows - Math.max(1, Math.round(image.rows / 10));
  const firstAverage = sources[0] ? averageColour(sources[0]) : from;
  for (let column = 0; column < image.columns; column++) {
    const strip = Math.min(stripCount - 1, Math.floor(column / stripColumns));
    const source = sources[strip];
    const stripWidth = stripColumns * 8;
    const localX = (column - strip * stripColumns) * 8 + 4;
    for (let row = 0; row < image.rows; row++) {
      if (row < topBand) {
        setCell(image, column, row, firstAverage);
        continue;
      }
      if (row >= bottomBand) {
        setCell(image, column, row, tint);
        continue;
      }
      let colour: Rgb = source?.fallback ?? from;
      const decoded = source?.decoded;
      if (decoded) {
        const scale = Math.max(stripWidth / decoded.width, (image.rows * 8) / decoded.height);
        const sourceX = (localX - stripWidth / 2) / scale + decoded.width / 2;
        const sourceY = (row * 8 + 4 - (image.rows * 8) / 2) / scale + decoded.height / 2;
        const spread = 2 / scale;
        const samples = [
          samplePixel(decoded, sourceX - spread, sourceY - spread),
          samplePixel(decoded, sourceX + spread, sourceY - spread),
          samplePixel(decoded, sourceX - spread, sourceY + spread),
          samplePixel(decoded, sourceX + spread, sourceY + spread),
        ];
        colour = [0, 1, 2].map((channel) => samples.reduce((sum, sample) => sum + (sample[channel] ?? 0), 0) / 4) as Rgb;
      }
      setCell(image, column, row, mix(colour, tint, 0.2));
    }
  }
  return encodeBlockJpeg(image);
}
