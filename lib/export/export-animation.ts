import { encodeReplySchema, type EncodeProblem, type EncodeRequest } from './encoder-protocol';
import type { AnimationOptions } from './animation';
import { extractFrames } from './extract-frames';
import { t } from '../i18n';

export interface ExportProgress {
  stage: 'frames' | 'encoding';
  /** 0–1 over both stages (frames are the first half). */
  fraction: number;
}

/**
 * A stored video as a looping GIF or WebP: frames decoded here (extract-frames.ts, needs a DOM), encoded
 * in a worker so the page stays responsive; `onProgress` drives the progress bar.
 */
export async function exportAnimation(video: Blob, options: AnimationOptions, onProgress: (p: ExportProgress) => void): Promise<Blob> {
  const frames = await extractFrames(video, options.fps, options.maxEdge, (done, total) => onProgress({ stage: 'frames', fraction: (done / total) * 0.5 }));
  const first = frames[0]!;
  const request: EncodeRequest = { format: options.format, fps: options.fps, width: first.width, height: first.height, frames: frames.map((f) => f.rgba) };
  const worker = new Worker(new URL('./encoder.worker.ts', import.meta.url), { type: 'module' });
  try {
    const bytes = await new Promise<Uint8Array>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<unknown>) => {
        const message = encodeReplySchema.safeParse(event.data);
        if (!message.success) return reject(new Error(t('export.encoderUnexpected')));
        const m = message.data;
        if (m.type === 'progress') onProgress({ stage: 'encoding', fraction: 0.5 + (m.done / m.total) * 0.5 });
        else if (m.type === 'done') resolve(m.bytes);
        else reject(new Error(problemText(m.problem, m.detail)));
      };
      worker.onerror = (event) => reject(new Error(problemText('failed', event.message)));
      worker.postMessage(request, request.frames.map((f) => f.buffer as ArrayBuffer));
    });
    return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: options.format === 'gif' ? 'image/gif' : 'image/webp' });
  } finally {
    worker.terminate();
  }
}

/** The worker's problem in the UI language (the worker itself cannot translate). */
export function problemText(problem: EncodeProblem, detail = ''): string {
  switch (problem) {
    case 'request':
      return t('export.encoderBadRequest');
    case 'webp':
      return t('export.noWebpEncoder');
    case 'failed':
      return detail ? t('export.encoderFailed', { reason: detail }) : t('export.encoderStopped');
  }
}
