import { concat } from './jpeg-metadata';
import { fromUtf8, utf8, type ResultMetadata } from './metadata';
import { xmpPacket } from './xmp';

/**
 * WebP: the XMP packet in an "XMP " chunk, which only the extended format (a VP8X header chunk) may hold.
 * A simple file (one VP8 or VP8L chunk) gets a VP8X chunk in front, with the canvas size read from the
 * bitstream header and the alpha flag from VP8L's hint; an extended one (animated files included) gets
 * the XMP flag. The chunk goes last, where the container spec puts metadata; an older "XMP " chunk is
 * replaced. Nothing else in the file is touched. A few lines of RIFF, which no maintained browser
 * library writes.
 */
const FLAG_ALPHA = 0x10;
const FLAG_XMP = 0x04;

interface Chunk {
  fourcc: string;
  data: Uint8Array;
}

const ascii = (bytes: Uint8Array) => String.fromCharCode(...bytes);
const u32le = (bytes: Uint8Array, at: number) => (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;

export function readWebpChunks(webp: Uint8Array): Chunk[] {
  if (webp.length < 12 || ascii(webp.subarray(0, 4)) !== 'RIFF' || ascii(webp.subarray(8, 12)) !== 'WEBP') throw new Error('not a WebP');
  const end = Math.min(webp.length, 8 + u32le(webp, 4));
  const chunks: Chunk[] = [];
  let at = 12;
  while (at + 8 <= end) {
    const size = u32le(webp, at + 4);
    if (at + 8 + size > end) throw new Error('truncated WebP chunk');
    chunks.push({ fourcc: ascii(webp.subarray(at, at + 4)), data: webp.subarray(at + 8, at + 8 + size) });
    at += 8 + size + (size & 1);
  }
  return chunks;
}

function chunkBytes({ fourcc, data }: Chunk): Uint8Array {
  const out = new Uint8Array(8 + data.length + (data.length & 1));
  out.set(utf8(fourcc), 0);
  new DataView(out.buffer).setUint32(4, data.length, true);
  out.set(data, 8);
  return out;
}

/** The VP8X chunk a simple file needs: its canvas size and alpha, from the one image chunk. */
function vp8xFor(image: Chunk): Chunk {
  let width: number;
  let height: number;
  let flags = FLAG_XMP;
  const d = image.data;
  if (image.fourcc === 'VP8 ') {
    if (d.length < 10 || d[3] !== 0x9d || d[4] !== 0x01 || d[5] !== 0x2a) throw new Error('bad VP8 header');
    width = (d[6]! | (d[7]! << 8)) & 0x3fff;
    height = (d[8]! | (d[9]! << 8)) & 0x3fff;
  } else if (image.fourcc === 'VP8L') {
    if (d.length < 5 || d[0] !== 0x2f) throw new Error('bad VP8L header');
    const bits = u32le(d, 1);
    width = (bits & 0x3fff) + 1;
    height = ((bits >>> 14) & 0x3fff) + 1;
    if ((bits >>> 28) & 1) flags |= FLAG_ALPHA;
  } else {
    throw new Error(`unexpected first chunk ${image.fourcc}`);
  }
  const data = new Uint8Array(10);
  data[0] = flags;
  const w = width - 1;
  const h = height - 1;
  data.set([w & 0xff, (w >> 8) & 0xff, (w >> 16) & 0xff, h & 0xff, (h >> 8) & 0xff, (h >> 16) & 0xff], 4);
  return { fourcc: 'VP8X', data };
}

export function writeWebpMetadata(webp: Uint8Array, meta: ResultMetadata): Uint8Array {
  const chunks = readWebpChunks(webp).filter((c) => c.fourcc !== 'XMP ');
  const first = chunks[0];
  if (!first) throw new Error('empty WebP');
  let header: Chunk;
  let rest: Chunk[];
  if (first.fourcc === 'VP8X') {
    if (first.data.length < 10) throw new Error('bad VP8X chunk');
    const data = Uint8Array.from(first.data);
    data[0] = data[0]! | FLAG_XMP;
    header = { fourcc: 'VP8X', data };
    rest = chunks.slice(1);
  } else {
    header = vp8xFor(first);
    rest = chunks;
  }
  const body = concat([utf8('WEBP'), ...[header, ...rest, { fourcc: 'XMP ', data: utf8(xmpPacket(meta)) }].map(chunkBytes)]);
  const out = new Uint8Array(8 + body.length);
  out.set(utf8('RIFF'), 0);
  new DataView(out.buffer).setUint32(4, body.length, true);
  out.set(body, 8);
  return out;
}

/** The file's XMP packet, as text (tests, and reading a file back). */
export function readWebpXmp(webp: Uint8Array): string | undefined {
  const chunk = readWebpChunks(webp).find((c) => c.fourcc === 'XMP ');
  return chunk ? fromUtf8(chunk.data) : undefined;
}
