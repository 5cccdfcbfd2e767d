import { reencodeJoin, reencodeTarget } from './reencode-mp4';
import { incompatibility, probeClips, stitchClips, StitchIncompatible, type StitchOptions, type StitchResult } from './stitch-mp4';

/**
 * "Download story"'s whole job, run in stitch.worker.ts: join the shots by copying packets when they were
 * encoded alike; otherwise decode them and re-encode them as one file in one common form (reencode-mp4.ts,
 * WebCodecs through mediabunny's encoding sources). Sound is kept either way. Progress says which it is doing.
 */
export type JoinStage = 'joining' | 'reencoding';
export interface JoinOptions extends Omit<StitchOptions, 'onProgress'> {
  onProgress?: (stage: JoinStage, fraction: number) => void;
}
export interface JoinResult extends StitchResult {
  reencoded: boolean;
}

export async function joinClips(clips: Blob[], options: JoinOptions = {}): Promise<JoinResult> {
  const { onProgress, ...stitch } = options;
  const probes = await probeClips(clips);
  const reason = incompatibility(probes);
  if (!reason) {
    const result = await stitchClips(clips, { ...stitch, onProgress: (f) => onProgress?.('joining', f) });
    return { ...result, reencoded: false };
  }
  // Re-encoding cannot give sound to a shot that has none, nor a picture to a file without one.
  if (reason === 'sound-missing' || reason === 'no-video') throw new StitchIncompatible(reason);
  const target = await reencodeTarget(probes);
  const result = await reencodeJoin(clips, probes, target, { ...stitch, onProgress: (f) => onProgress?.('reencoding', f) });
  return { ...result, reencoded: true };
}
