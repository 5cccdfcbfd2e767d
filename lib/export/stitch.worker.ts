/// <reference lib="webworker" />
import { joinClips } from './join-clips';
import { ReencodeUnavailable } from './reencode-mp4';
import { StitchIncompatible } from './stitch-mp4';
import { stitchReplySchema, stitchRequestSchema, type StitchReply } from './stitch-protocol';

/**
 * "Download story" off the panel's thread: demuxing, copying packets and (when the shots differ) driving the
 * WebCodecs re-encode all happen here, so the panel answers input while a story is joined.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (message: StitchReply) => scope.postMessage(stitchReplySchema.parse(message));

scope.onmessage = (event: MessageEvent<unknown>) => {
  const parsed = stitchRequestSchema.safeParse(event.data);
  if (!parsed.success) return reply({ type: 'error', problem: 'request' });
  const { clips, metadata, trailer } = parsed.data;
  let last = -1;
  void joinClips(clips, {
    ...(metadata ? { metadata } : {}),
    ...(trailer ? { trailer } : {}),
    onProgress: (stage, fraction) => {
      // At most one message per percent: progress must never cost more than the work it reports.
      const step = Math.floor(fraction * 100);
      if (step === last) return;
      last = step;
      reply({ type: 'progress', stage, fraction: Math.min(1, Math.max(0, fraction)) });
    },
  })
    .then((result) => reply({ type: 'done', blob: result.blob, durationS: result.durationS, hasAudio: result.hasAudio, reencoded: result.reencoded }))
    .catch((error: unknown) => {
      if (error instanceof StitchIncompatible && (error.reason === 'sound-missing' || error.reason === 'no-video')) return reply({ type: 'error', problem: error.reason });
      if (error instanceof ReencodeUnavailable) return reply({ type: 'error', problem: 'cannot-encode', detail: error.message });
      reply({ type: 'error', problem: 'failed', detail: (error instanceof Error ? error.message : String(error)).slice(0, 500) });
    });
};
