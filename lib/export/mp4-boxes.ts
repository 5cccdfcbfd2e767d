/**
 * The few ISO-BMFF (MP4) box operations the metadata writer needs: list a range's boxes, build a box.
 * Sizes: 32-bit, 64-bit (size 1) and "to the end" (size 0) headers are read; written boxes are 32-bit and
 * refuse to exceed it.
 */
export interface Box {
  type: string;
  start: number;
  /** Where the payload starts (after the 8- or 16-byte header). */
  body: number;
  end: number;
}

export function listBoxes(bytes: Uint8Array, start = 0, end = bytes.length): Box[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const boxes: Box[] = [];
  let at = start;
  while (at + 8 <= end) {
    let size = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    let header = 8;
    if (size === 1) {
      if (at + 16 > end) throw new Error('truncated box header');
      size = Number(view.getBigUint64(at + 8));
      header = 16;
    } else if (size === 0) size = end - at;
    if (size < header || at + size > end) throw new Error(`bad size for box ${JSON.stringify(type)}`);
    boxes.push({ type, start: at, body: at + header, end: at + size });
    at += size;
  }
  return boxes;
}

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);

export function box(type: string, ...payload: Uint8Array[]): Uint8Array {
  const size = 8 + payload.reduce((n, p) => n + p.length, 0);
  if (size > 0xffffffff) throw new Error('box too large');
  const out = new Uint8Array(size);
  new DataView(out.buffer).setUint32(0, size);
  out.set(latin1(type), 4);
  let at = 8;
  for (const part of payload) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** A "full box" payload prefix: version 0, flags 0. */
export const FULL_BOX_ZERO = new Uint8Array(4);
export { latin1 };
