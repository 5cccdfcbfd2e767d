/**
 * A tiny baseline-JPEG encoder for images made of flat 8×8 blocks.
 *
 * Why not jpeg-js's encoder: it runs a full DCT per block (~150 ms for 1024², ~300 ms for 2048²), and the
 * emulator may have to make ten 2k images for one request. If every 8×8 block is one flat colour, all AC
 * coefficients are zero and a block is just "DC difference + end-of-block", so encoding is a few ms and
 * the files are small. The output is an ordinary baseline JFIF (4:4:4, one Huffman table pair) that any
 * decoder reads; the pictures simply look like an 8-pixel mosaic.
 */

/** One RGB colour per 8×8 block, row-major: `cells[(row * columns + column) * 3 + channel]`. */
export interface BlockImage {
  width: number;
  height: number;
  columns: number; // ceil(width / 8)
  rows: number; // ceil(height / 8)
  cells: Uint8Array;
}

export function createBlockImage(width: number, height: number): BlockImage {
  const columns = Math.ceil(width / 8);
  const rows = Math.ceil(height / 8);
  return { width, height, columns, rows, cells: new Uint8Array(columns * rows * 3) };
}

// JPEG Annex K luminance DC table: categories 0..11. Used for all three components (one table is enough).
const DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
// Every AC coefficient is zero, so only "end of block" (0x00) is ever written; the full Annex K luminance AC
// table is declared anyway because some decoders are picky about unusual tables.
const AC_BITS = [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d];
const AC_VALUES = [
  0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61, 0x07,
  0x22, 0x71, 0x14, 0x32, 0x81, 0x91, 0xa1, 0x08, 0x23, 0x42, 0xb1, 0xc1, 0x15, 0x52, 0xd1, 0xf0,
  0x24, 0x33, 0x62, 0x72, 0x82, 0x09, 0x0a, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x25, 0x26, 0x27, 0x28,
  0x29, 0x2a, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49,
  0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69,
  0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89,
  0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7,
  0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5,
  0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe1, 0xe2,
  0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8,
  0xf9, 0xfa,
];

/** Canonical Huffman codes (JPEG Annex C) for a BITS/HUFFVAL pair: symbol → [code, length]. */
function canonicalCodes(bits: number[], values: number[]): Map<number, [number, number]> {
  const codes = new Map<number, [number, number]>();
  let code = 0;
  let index = 0;
  for (let length = 1; length <= 16; length++) {
    const count = bits[length - 1] ?? 0;
    for (let i = 0; i < count; i++) {
      codes.set(values[index++] ?? 0, [code++, length]);
    }
    code <<= 1;
  }
  return codes;
}

const DC_CODES = canonicalCodes(DC_BITS, DC_VALUES);
const EOB = canonicalCodes(AC_BITS, AC_VALUES).get(0x00) ?? [0, 1];

class BitWriter {
  private bytes: Uint8Array;
  private length = 0;
  private accumulator = 0;
  private pending = 0; // bits waiting in the accumulator

  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
  }

  write(code: number, bitCount: number): void {
    for (let bit = bitCount - 1; bit >= 0; bit--) {
      this.accumulator = (this.accumulator << 1) | ((code >> bit) & 1);
      if (++this.pending === 8) this.flushByte();
    }
  }

  /**
   * Pads the last byte with 1-bits, as the standard asks, then adds one more all-ones fill byte: some
   * decoders (ffmpeg's) read a byte past the last block and would otherwise swallow the EOI marker.
   */
  finish(): Uint8Array {
    if (this.pending > 0) this.write(0xff, 8 - this.pending);
    this.write(0xff, 8);
    return this.bytes.subarray(0, this.length);
  }

  private flushByte(): void {
    if (this.length + 2 > this.bytes.length) {
      const bigger = new Uint8Array(this.bytes.length * 2);
      bigger.set(this.bytes);
      this.bytes = bigger;
    }
    const byte = this.accumulator & 0xff;
    this.bytes[this.length++] = byte;
    // 0xFF inside entropy-coded data must be "stuffed" so decoders don't read it as a marker.
    if (byte === 0xff) this.bytes[this.length++] = 0x00;
    this.accumulator = 0;
    this.pending = 0;
  }
}

function segment(marker: number, payload: number[]): number[] {
  const length = payload.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...payload];
}

function huffmanTable(tableClass: number, id: number, bits: number[], values: number[]): number[] {
  return [(tableClass << 4) | id, ...bits, ...values];
}

function headers(width: number, height: number): number[] {
  const jfif = [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  // DC quantiser 8 makes a flat block's quantised DC exactly (sample - 128): lossless per block.
  const quantTable = [0x00, ...new Array<number>(64).fill(8)];
  const components = [1, 2, 3].flatMap((id) => [id, 0x11, 0]);
  const frame = [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, ...components];
  const tables = [...huffmanTable(0, 0, DC_BITS, DC_VALUES), ...huffmanTable(1, 0, AC_BITS, AC_VALUES)];
  const scan = [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0];
  return [
    0xff, 0xd8,
    ...segment(0xe0, jfif),
    ...segment(0xdb, quantTable),
    ...segment(0xc0, frame),
    ...segment(0xc4, tables),
    ...segment(0xda, scan),
  ];
}

function clampByte(value: number): number {
  return value < 0 ? 0 : value > 255 ? 255 : Math.round(value);
}

export function encodeBlockJpeg(image: BlockImage): Buffer {
  const writer = new BitWriter(image.columns * image.rows * 8 + 64);
  const previousDc = [0, 0, 0];
  const ycc = [0, 0, 0];
  for (let cell = 0; cell < image.columns * image.rows; cell++) {
    const r = image.cells[cell * 3] ?? 0;
    const g = image.cells[cell * 3 + 1] ?? 0;
    const b = image.cells[cell * 3 + 2] ?? 0;
    ycc[0] = clampByte(0.299 * r + 0.587 * g + 0.114 * b);
    ycc[1] = clampByte(-0.168736 * r - 0.331264 * g + 0.5 * b + 128);
    ycc[2] = clampByte(0.5 * r - 0.418688 * g - 0.081312 * b + 128);
    for (let component = 0; component < 3; component++) {
      const dc = (ycc[component] ?? 0) - 128;
      const diff = dc - (previousDc[component] ?? 0);
      previousDc[component] = dc;
      const magnitude = Math.abs(diff);
      const category = magnitude === 0 ? 0 : 32 - Math.clz32(magnitude);
      const [code, length] = DC_CODES.get(category) ?? [0, 2];
      writer.write(code, length);
      // Negative differences are sent as (diff - 1) in `category` bits (JPEG F.1.2.1).
      if (category > 0) writer.write(diff >= 0 ? diff : diff + (1 << category) - 1, category);
      writer.write(EOB[0], EOB[1]);
    }
  }
  const body = writer.finish();
  const head = headers(image.width, image.height);
  const out = Buffer.alloc(head.length + body.length + 2);
  out.set(head, 0);
  out.set(body, head.length);
  out[out.length - 2] = 0xff;
  out[out.length - 1] = 0xd9;
  return out;
}
