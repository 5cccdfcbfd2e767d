import { decompressFrames, parseGIF } from 'gifuct-js';
import { describe, expect, it } from 'vitest';
import { frameTimes, MAX_FRAMES, scaledSize, type RgbaFrame } from '../../lib/export/animation';
import { encodeReplySchema, encodeRequestSchema } from '../../lib/export/encoder-protocol';
import { encodeGif } from '../../lib/export/gif';
import { muxAnimatedWebp, readWebpChunks } from '../../lib/export/webp-anim';

const frame = (width: number, height: number, grey: number): RgbaFrame => ({ width, height, rgba: new Uint8ClampedArray(width * height * 4).fill(grey) });

/** A still WebP as a browser encoder writes one: RIFF/WEBP + a single VP8L chunk (payload opaque here). */
function still(payload: number[], extended = false): Uint8Array {
  const chunk = (fourcc: string, data: number[]) => {
    const size = data.length;
    return [...fourcc].map((c) => c.charCodeAt(0)).concat([size & 255, (size >> 8) & 255, 0, 0], data, size & 1 ? [0] : []);
  };
  const body = [...'WEBP'].map((c) => c.charCodeAt(0)).concat(extended ? chunk('VP8X', new Array<number>(10).fill(0)) : [], extended ? chunk('ALPH', [1, 2, 3]) : [], chunk(extended ? 'VP8 ' : 'VP8L', payload));
  return new Uint8Array([...[...'RIFF'].map((c) => c.charCodeAt(0)), body.length & 255, (body.length >> 8) & 255, 0, 0, ...body]);
}

describe('frame sampling', () => {
  it('takes floor(duration × fps) frames from t = 0, at least one, at most MAX_FRAMES', () => {
    expect(frameTimes(3, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1, 1.2, 1.4, 1.6, 1.8, 2, 2.2, 2.4, 2.6, 2.8]);
    expect(frameTimes(3, 10)).toHaveLength(30);
    expect(frameTimes(0.01, 5)).toEqual([0]);
    expect(frameTimes(Number.NaN, 5)).toEqual([0]);
    expect(frameTimes(Number.POSITIVE_INFINITY, 15)).toEqual([0]);
    expect(frameTimes(600, 15)).toHaveLength(MAX_FRAMES);
  });
  it('scales down to the long edge, never up, to even sizes', () => {
    expect(scaledSize(1280, 720, 360)).toEqual({ width: 360, height: 202 });
    expect(scaledSize(320, 180, 480)).toEqual({ width: 320, height: 180 });
    expect(scaledSize(9, 1600, 240)).toEqual({ width: 2, height: 240 });
  });
});

describe('GIF', () => {
  it('encodes a looping GIF whose frames decode at the right size and delay', () => {
    const frames = [frame(6, 4, 0), frame(6, 4, 128), frame(6, 4, 255)];
    const done: number[] = [];
    const bytes = encodeGif(frames, 5, (n) => done.push(n));
    const gif = parseGIF(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer);
    const decoded = decompressFrames(gif, true);
    expect(decoded).toHaveLength(3);
    expect(decoded.map((f) => f.delay)).toEqual([200, 200, 200]);
    expect([gif.lsd.width, gif.lsd.height]).toEqual([6, 4]);
    expect(decoded[1]!.patch[0]).toBe(128);
    expect(done).toEqual([1, 2, 3]);
    expect(new TextDecoder().decode(bytes)).toContain('NETSCAPE2.0');
  });
});

describe('animated WebP container', () => {
  it('wraps each still in an ANMF with the right size, duration and loop', () => {
    const out = muxAnimatedWebp([still([1, 2, 3, 4, 5]), still([9, 8, 7])], 320, 180, 100);
    const chunks = readWebpChunks(out);
    expect(chunks.map((c) => c.fourcc)).toEqual(['VP8X', 'ANIM', 'ANMF', 'ANMF']);
    const vp8x = chunks[0]!.data;
    expect(vp8x[0]! & 0b10).toBe(0b10); // animation flag
    expect(vp8x[4]! | (vp8x[5]! << 8)).toBe(319); // canvas width - 1
    expect(vp8x[7]! | (vp8x[8]! << 8)).toBe(179);
    expect(chunks[1]!.data[4]).toBe(0); // loop count 0 = forever
    const anmf = chunks[2]!.data;
    expect(anmf[12]! | (anmf[13]! << 8)).toBe(100); // duration in ms
    expect(String.fromCharCode(...anmf.subarray(16, 20))).toBe('VP8L');
    // RIFF size = file - 8, every chunk padded to even length.
    expect(new DataView(out.buffer).getUint32(4, true)).toBe(out.length - 8);
    expect(out.length % 2).toBe(0);
  });
  it('keeps an extended still’s alpha and sets the alpha flag', () => {
    const out = muxAnimatedWebp([still([1, 2, 3, 4], true)], 10, 10, 66.7);
    const [vp8x, , anmf] = readWebpChunks(out);
    expect(vp8x!.data[0]! & 0b10000).toBe(0b10000);
    expect(String.fromCharCode(...anmf!.data.subarray(16, 20))).toBe('ALPH');
  });
  it('refuses what is not a WebP still, and an empty animation', () => {
    expect(() => muxAnimatedWebp([], 1, 1, 100)).toThrow();
    expect(() => muxAnimatedWebp([new Uint8Array([1, 2, 3])], 1, 1, 100)).toThrow(/not a WebP/);
    const truncated = still([1, 2, 3, 4, 5]).subarray(0, 22);
    expect(() => muxAnimatedWebp([truncated], 1, 1, 100)).toThrow();
  });
});

describe('encoder worker messages', () => {
  it('validates both directions', () => {
    expect(encodeRequestSchema.safeParse({ format: 'gif', fps: 10, width: 2, height: 2, frames: [new Uint8ClampedArray(16)] }).success).toBe(true);
    expect(encodeRequestSchema.safeParse({ format: 'bmp', fps: 10, width: 2, height: 2, frames: [new Uint8ClampedArray(16)] }).success).toBe(false);
    expect(encodeRequestSchema.safeParse({ format: 'gif', fps: 10, width: 2, height: 2, frames: [] }).success).toBe(false);
    expect(encodeReplySchema.safeParse({ type: 'done', bytes: 'nope' }).success).toBe(false);
  });
});
