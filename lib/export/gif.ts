import { applyPalette, GIFEncoder, quantize } from 'gifenc';
import type { RgbaFrame } from './animation';

/**
 * A looping GIF from RGBA frames, with gifenc (small, fast, maintained quantiser + LZW writer). Each frame
 * gets its own 256-colour palette: generated clips change colour a lot, one global palette bands badly.
 */
export function encodeGif(frames: RgbaFrame[], fps: number, onProgress: (done: number) => void = () => undefined): Uint8Array {
  const gif = GIFEncoder();
  const delay = Math.round(1000 / fps);
  frames.forEach((frame, i) => {
    const palette = quantize(frame.rgba, 256);
    const index = applyPalette(frame.rgba, palette);
    gif.writeFrame(index, frame.width, frame.height, { palette, delay, ...(i === 0 ? { repeat: 0 } : {}) });
    onProgress(i + 1);
  });
  gif.finish();
  return gif.bytes();
}
