import {
  ALL_FORMATS,
  BlobSource,
  StreamTarget,
  EncodedAudioPacketSource,
  EncodedPacketSink,
  EncodedVideoPacketSource,
  Input,
  Mp4OutputFormat,
  Output,
  type AudioCodec,
  type InputAudioTrack,
  type InputVideoTrack,
  type VideoCodec,
} from 'mediabunny';

/**
 * Joins MP4 clips into one file without re-encoding: the encoded packets of each clip are copied with their
 * timestamps shifted by the length of the clips before it, video and sound alike. Mediabunny (a maintained,
 * pure-TypeScript demuxer/muxer) reads and writes the container; no box is written by hand here.
 *
 * Copying is only valid when every clip was encoded alike (same codec, size and decoder set-up, and sound in
 * all or none); `probeClips` says so, and `stitchClips` refuses otherwise (`StitchIncompatible`), so the
 * caller can re-encode instead. Inputs are read from Blobs piece by piece (never loaded whole); the output
 * is built once, in memory.
 */

export interface ClipProbe {
  videoCodec: VideoCodec | null;
  width: number;
  height: number;
  /** The codec's set-up bytes (H.264 avcC…): clips joined without re-encoding must share them. */
  description: string;
  audio: { codec: AudioCodec | null; sampleRate: number; channels: number } | undefined;
  durationS: number;
}

export class StitchIncompatible extends Error {
  /** `sound`: the sound differs in format (re-encoding fixes it); `sound-missing`: some shots have none (it cannot). */
  constructor(readonly reason: 'codec' | 'size' | 'setup' | 'sound' | 'sound-missing' | 'no-video') {
    super(`clips cannot be joined without re-encoding (${reason})`);
    this.name = 'StitchIncompatible';
  }
}

const hex = (bytes: AllowSharedBufferSource | undefined): string => {
  if (!bytes) return '';
  const view = ArrayBuffer.isView(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes);
  return Array.from(view, (b) => b.toString(16).padStart(2, '0')).join('');
};

interface OpenClip {
  input: Input;
  video: InputVideoTrack;
  audio: InputAudioTrack | null;
}

async function open(blob: Blob): Promise<OpenClip> {
  const input = new Input({ source: new BlobSource(blob), formats: ALL_FORMATS });
  const video = await input.getPrimaryVideoTrack();
  if (!video) throw new StitchIncompatible('no-video');
  return { input, video, audio: await input.getPrimaryAudioTrack() };
}

async function probeOpen(clip: OpenClip): Promise<ClipProbe> {
  const config = await clip.video.getDecoderConfig();
  const audioConfig = clip.audio ? await clip.audio.getDecoderConfig() : null;
  return {
    videoCodec: await clip.video.getCodec(),
    width: await clip.video.getCodedWidth(),
    height: await clip.video.getCodedHeight(),
    description: hex(config?.description),
    audio: clip.audio ? { codec: await clip.audio.getCodec(), sampleRate: audioConfig?.sampleRate ?? 0, channels: audioConfig?.numberOfChannels ?? 0 } : undefined,
    durationS: await clip.video.computeDuration(),
  };
}

export async function probeClips(clips: Blob[]): Promise<ClipProbe[]> {
  const probes: ClipProbe[] = [];
  for (const blob of clips) {
    const clip = await open(blob);
    try {
      probes.push(await probeOpen(clip));
    } finally {
      clip.input.dispose();
    }
  }
  return probes;
}

/** Undefined when the clips can be joined by copying packets; else why not. */
export function incompatibility(probes: ClipProbe[]): StitchIncompatible['reason'] | undefined {
  const [first] = probes;
  if (!first) return undefined;
  for (const probe of probes.slice(1)) {
    if (probe.videoCodec !== first.videoCodec) return 'codec';
    if (probe.width !== first.width || probe.height !== first.height) return 'size';
    if (probe.description !== first.description) return 'setup';
    if (!!probe.audio !== !!first.audio) return 'sound-missing';
    if (probe.audio && first.audio && (probe.audio.codec !== first.audio.codec || probe.audio.sampleRate !== first.audio.sampleRate || probe.audio.channels !== first.audio.channels)) return 'sound';
  }
  return undefined;
}

export interface StitchOptions {
  /** Written into the file's ilst (title, a comment listing each shot's prompt and model, date, tool). */
  metadata?: { title?: string; comment?: string; date?: Date; software?: string };
  /** Boxes appended after the index (the XMP uuid box: after moov, so no offset moves). */
  trailer?: Uint8Array;
  /** 0…1, by clips joined (the work is copying, so each clip is about the same share). */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

export interface StitchResult {
  /** The file, as the pieces the muxer wrote (a Blob of parts: never one more contiguous copy). */
  blob: Blob;
  durationS: number;
  hasAudio: boolean;
}

export async function stitchClips(clips: Blob[], options: StitchOptions = {}): Promise<StitchResult> {
  const probes = await probeClips(clips);
  const reason = incompatibility(probes);
  if (reason) throw new StitchIncompatible(reason);
  const [first] = probes;
  if (!first) throw new StitchIncompatible('no-video');

  const sink = new PieceSink();
  // No fast start: samples are written as they are copied and the index goes at the end, so memory holds
  // the output once (as pieces) and one clip's packet at a time — never every shot twice.
  const output = new Output({ format: new Mp4OutputFormat({ fastStart: false }), target: new StreamTarget(sink.writable) });
  const videoSource = new EncodedVideoPacketSource(first.videoCodec ?? 'avc');
  output.addVideoTrack(videoSource);
  const audioSource = first.audio ? new EncodedAudioPacketSource(first.audio.codec ?? 'aac') : undefined;
  if (audioSource) output.addAudioTrack(audioSource);
  const meta = options.metadata;
  if (meta) {
    output.setMetadataTags({
      ...(meta.title ? { title: meta.title } : {}),
      ...(meta.comment ? { comment: meta.comment } : {}),
      ...(meta.date ? { date: meta.date } : {}),
      ...(meta.software ? { raw: { '©too': meta.software } } : {}),
    });
  }
  await output.start();

  let offset = 0;
  let firstVideo = true;
  let firstAudio = true;
  for (const [index, blob] of clips.entries()) {
    options.signal?.throwIfAborted();
    const clip = await open(blob);
    try {
      const start = await clip.video.getFirstTimestamp();
      const length = (probes[index]?.durationS ?? 0) - start;
      const videoConfig = await clip.video.getDecoderConfig();
      for await (const packet of new EncodedPacketSink(clip.video).packets()) {
        await videoSource.add(packet.clone({ timestamp: packet.timestamp - start + offset }), firstVideo && videoConfig ? { decoderConfig: videoConfig } : undefined);
        firstVideo = false;
      }
      if (clip.audio && audioSource) {
        const audioConfig = await clip.audio.getDecoderConfig();
        for await (const packet of new EncodedPacketSink(clip.audio).packets()) {
          const at = packet.timestamp - start;
          if (at < 0 || at >= length) continue; // sound past the picture would overlap the next clip
          await audioSource.add(packet.clone({ timestamp: at + offset }), firstAudio && audioConfig ? { decoderConfig: audioConfig } : undefined);
          firstAudio = false;
        }
      }
      offset += length;
    } finally {
      clip.input.dispose();
    }
    options.onProgress?.((index + 1) / clips.length);
  }
  await output.finalize();
  return { blob: sink.blob('video/mp4', options.trailer), durationS: offset, hasAudio: !!audioSource };
}

/**
 * Collects the muxer's positioned writes as pieces. Writes are appends except a few patches of bytes
 * written earlier (box sizes), which are copied into the pieces they fall in.
 */
export class PieceSink {
  readonly #pieces: { at: number; data: Uint8Array }[] = [];
  #end = 0;
  readonly writable = new WritableStream<{ type: 'write'; data: Uint8Array; position: number }>({
    write: (chunk) => this.#write(chunk.position, chunk.data),
  });

  #write(position: number, data: Uint8Array): void {
    let at = position;
    let rest = data;
    if (at < this.#end) {
      for (const piece of this.#pieces) {
        const start = Math.max(at, piece.at);
        const stop = Math.min(at + rest.length, piece.at + piece.data.length);
        if (start < stop) piece.data.set(rest.subarray(start - at, stop - at), start - piece.at);
      }
      const beyond = Math.max(0, at + rest.length - this.#end);
      if (beyond === 0) return;
      rest = rest.subarray(rest.length - beyond);
      at = this.#end;
    }
    if (at > this.#end) this.#pieces.push({ at: this.#end, data: new Uint8Array(at - this.#end) });
    this.#pieces.push({ at, data: rest.slice() });
    this.#end = at + rest.length;
  }

  blob(type: string, trailer?: Uint8Array): Blob {
    const parts = this.#pieces.map((p) => p.data as Uint8Array<ArrayBuffer>);
    return new Blob(trailer ? [...parts, trailer as Uint8Array<ArrayBuffer>] : parts, { type });
  }
}
