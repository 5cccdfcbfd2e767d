import { concat } from './jpeg-metadata';

/**
 * An animated, looping WebP from still WebP frames (what `canvas.convertToBlob({type: 'image/webp'})`
 * makes), by writing the RIFF container the WebP spec defines: VP8X (animation flag) + ANIM (loop
 * forever) + one ANMF per frame wrapping that frame's image chunks (ALPH + VP8, or VP8L). The browser's
 * own encoder does the compression; the container is ~60 lines of a documented format, where the
 * alternatives are a libwebp wasm build (node-webpmux / wasm-webp, hundreds of KB) for the same bytes.
 */
interface Chunk {
  fourcc: string;
  data: Uint8Array;
}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

export function readWebpChunks(file: Uint8Array): Chunk[] {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const tag = (at: number) => String.fromCharCode(...file.subarray(at, at + 4));
  if (file.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WEBP') throw new Error('not a WebP file');
  const end = Math.min(file.length, 8 + view.getUint32(4, true));
  const chunks: Chunk[] = [];
  for (let at = 12; at + 8 <= end; ) {
    const size = view.getUint32(at + 4, true);
    if (at + 8 + size > end) throw new Error('truncated WebP chunk');
    chunks.push({ fourcc: tag(at), data: file.subarray(at + 8, at + 8 + size) });
    at += 8 + size + (size & 1);
  }
  return chunks;
}

function chunk(fourcc: string, ...parts: Uint8Array[]): Uint8Array {
  const data = concat(parts);
  const header = new Uint8Array(8);
  header.set(ascii(fourcc));
  new DataView(header.buffer).setUint32(4, data.length, true);
  return concat([header, data, data.length & 1 ? new Uint8Array(1) : new Uint8Array(0)]);
}

const uint24 = (n: number) => new Uint8Array([n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff]);

export function muxAnimatedWebp(stills: Uint8Array[], width: number, height: number, frameMs: number): Uint8Array {
  if (stills.length === 0) throw new Error('no frames');
  if (width < 1 || height < 1 || width > 1 << 24 || height > 1 << 24) throw new Error('bad canvas size');
  let alpha = false;
  const frames = stills.map((still) => {
    const image = readWebpChunks(still).filter((c) => c.fourcc === 'ALPH' || c.fourcc === 'VP8 ' || c.fourcc === 'VP8L');
    if (!image.some((c) => c.fourcc !== 'ALPH')) throw new Error('a frame has no image data');
    alpha ||= image.some((c) => c.fourcc === 'ALPH' || c.fourcc === 'VP8L');
    // ANMF: x/2, y/2 (0), width-1, height-1, duration (24-bit ms), flags (no blend, no dispose).
    return chunk('ANMF', uint24(0), uint24(0), uint24(width - 1), uint24(height - 1), uint24(Math.min(0xffffff, Math.round(frameMs))), new Uint8Array([0b10]), ...image.map((c) => chunk(c.fourcc, c.data)));
  });
  const vp8x = chunk('VP8X', new Uint8Array([0b10 | (alpha ? 0b10000 : 0), 0, 0, 0]), uint24(width - 1), uint24(height - 1));
  // ANIM: background colour (BGRA, transparent), loop count 0 = forever.
  const anim = chunk('ANIM', new Uint8Array([0, 0, 0, 0, 0, 0]));
  const body = concat([ascii('WEBP'), vp8x, anim, ...frames]);
  const riff = new Uint8Array(8);
  riff.set(ascii('RIFF'));
  new DataView(riff.buffer).setUint32(4, body.length, true);
  return concat([riff, body]);
}
