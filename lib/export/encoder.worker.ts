/// <reference lib="webworker" />
import { encodeGif } from './gif';
import { encodeReplySchema, encodeRequestSchema, type EncodeReply } from './encoder-protocol';
import { muxAnimatedWebp } from './webp-anim';

/**
 * The GIF / animated WebP encoder, off the page's thread: quantising and LZW (GIF) or the browser's WebP
 * encoder on an OffscreenCanvas (WebP) take seconds for a clip and would freeze the panel.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
/** No WebP encoder here (no 2d OffscreenCanvas, or convertToBlob falls back to PNG): the page says so in words. */
class NoWebp extends Error {}
const reply = (message: EncodeReply, transfer: Transferable[] = []) => scope.postMessage(encodeReplySchema.parse(message), transfer);

scope.onmessage = (event: MessageEvent<unknown>) => {
  const parsed = encodeRequestSchema.safeParse(event.data);
  if (!parsed.success) return reply({ type: 'error', problem: 'request' });
  void encode(parsed.data).catch((error: unknown) =>
    reply(error instanceof NoWebp ? { type: 'error', problem: 'webp' } : { type: 'error', problem: 'failed', detail: (error instanceof Error ? error.message : String(error)).slice(0, 500) }),
  );
};

async function encode({ format, fps, width, height, frames }: ReturnType<typeof encodeRequestSchema.parse>): Promise<void> {
  const total = frames.length;
  const progress = (done: number) => reply({ type: 'progress', done, total });
  let bytes: Uint8Array;
  if (format === 'gif') {
    bytes = encodeGif(
      frames.map((rgba) => ({ width, height, rgba })),
      fps,
      progress,
    );
  } else {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new NoWebp();
    const stills: Uint8Array[] = [];
    for (const [i, rgba] of frames.entries()) {
      context.putImageData(new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, width, height), 0, 0);
      const blob = await canvas.convertToBlob({ type: 'image/webp', quality: 0.8 });
      if (blob.type !== 'image/webp') throw new NoWebp();
      stills.push(new Uint8Array(await blob.arrayBuffer()));
      progress(i + 1);
    }
    bytes = muxAnimatedWebp(stills, width, height, 1000 / fps);
  }
  reply({ type: 'done', bytes: bytes as Uint8Array<ArrayBuffer> }, [bytes.buffer as ArrayBuffer]);
}
