import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

export type ImageFormat = 'jpeg' | 'png' | 'webp';

/** By magic bytes, never by the declared MIME type (a server can't trust a data URI's label). */
export function sniffImageFormat(bytes: Buffer): ImageFormat | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'png';
  }
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') {
    return 'webp';
  }
  return undefined;
}

export interface ImageSize {
  width: number;
  height: number;
}

/** Reads the pixel size from the header only (cheap even for a 10 MiB photo). */
export function readImageSize(bytes: Buffer, format: ImageFormat): ImageSize | undefined {
  switch (format) {
    case 'png':
      // The first chunk must be IHDR; anything else is a damaged file, whatever its dimensions say.
      return bytes.length >= 24 && bytes.toString('latin1', 12, 16) === 'IHDR'
        ? { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
        : undefined;
    case 'jpeg':
      return readJpegSize(bytes);
    case 'webp':
      return readWebpSize(bytes);
  }
}

function readJpegSize(bytes: Buffer): ImageSize | undefined {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    const length = bytes.readUInt16BE(offset + 2);
    // SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but are not frames.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    }
    offset += 2 + length;
  }
  return undefined;
}

function readWebpSize(bytes: Buffer): ImageSize | undefined {
  const chunk = bytes.toString('latin1', 12, 16);
  if (chunk === 'VP8X' && bytes.length >= 30) {
    return { width: bytes.readUIntLE(24, 3) + 1, height: bytes.readUIntLE(27, 3) + 1 };
  }
  if (chunk === 'VP8 ' && bytes.length >= 30) {
    return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
  }
  if (chunk === 'VP8L' && bytes.length >= 25) {
    const bits = bytes.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  return undefined;
}

export interface DecodedImage {
  width: number;
  height: number;
  /** RGBA, row-major. */
  rgba: Uint8Array;
}

// Decoding is only for drawing a downscaled copy into edit results; past this size the pure-JS decoders
// take seconds, so big inputs fall back to a colour derived from their bytes.
const MAX_DECODE_PIXELS = 4_000_000;

export class ImageDecodeError extends Error {}

/**
 * Full decode for JPEG/PNG when small enough; undefined when the format has no decoder here (WebP) or the
 * image is too large. Throws ImageDecodeError when the bytes claim a format but are corrupt.
 */
export function decodeForSampling(bytes: Buffer, format: ImageFormat, size: ImageSize): DecodedImage | undefined {
  if (format === 'webp' || size.width * size.height > MAX_DECODE_PIXELS) return undefined;
  try {
    if (format === 'png') {
      const png = PNG.sync.read(bytes);
      return { width: png.width, height: png.height, rgba: png.data };
    }
    const decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 256 });
    return { width: decoded.width, height: decoded.height, rgba: decoded.data };
  } catch (error) {
    throw new ImageDecodeError(error instanceof Error ? error.message : String(error));
  }
}
