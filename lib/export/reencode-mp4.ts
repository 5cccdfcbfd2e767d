import {
  ALL_FORMATS,
  AudioSampleSink,
  AudioSampleSource,
  BlobSource,
  getFirstEncodableAudioCodec,
  getFirstEncodableVideoCodec,
  Input,
  Mp4OutputFormat,
  Output,
  QUALITY_HIGH,
  StreamTarget,
  VideoSampleSink,
  VideoSampleSource,
  type AudioCodec,
  type VideoCodec,
} from 'mediabunny';
import { PieceSink, type ClipProbe, type StitchOptions, type StitchResult } from './stitch-mp4';

/**
 * When the shots differ (codec, size, decoder set-up, sound format), they are decoded and re-encoded with
 * WebCodecs through mediabunny into ONE encoder per track — one codec set-up for the whole file, which
 * copying can never give shots encoded apart. Mediabunny's encoding transform fits every frame whole into the
 * common size (letterboxed where a picture's shape differs) and resamples the sound to one format. Shots are
 * read one after another, frame by frame, with the encoders' backpressure: memory holds a few frames and the
 * output (as the muxer's pieces), never a whole shot decoded.
 */
export interface ReencodeTarget {
  width: number;
  height: number;
  videoCodec: VideoCodec;
  /** Absent: no shot has sound. */
  audio?: { codec: AudioCodec; sampleRate: number; channels: number };
}

export class ReencodeUnavailable extends Error {
  constructor(readonly what: 'video' | 'audio') {
    super(`this browser cannot encode the story's ${what}`);
    this.name = 'ReencodeUnavailable';
  }
}

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);

/**
 * The common form: the first shot's shape at the tallest shot's height (no shot is scaled down); the first
 * shot's codecs when this browser can encode them (else AVC, VP9, AV1; AAC, Opus).
 */
export async function reencodeTarget(probes: ClipProbe[]): Promise<ReencodeTarget> {
  const first = probes[0];
  if (!first) throw new ReencodeUnavailable('video');
  const height = even(Math.max(...probes.map((p) => p.height)));
  const width = even((height * first.width) / first.height);
  const videoCodec = await getFirstEncodableVideoCodec([...new Set<VideoCodec>([first.videoCodec ?? 'avc', 'avc', 'vp9', 'av1'])], { width, height });
  if (!videoCodec) throw new ReencodeUnavailable('video');
  const withSound = probes.find((p) => p.audio);
  if (!withSound?.audio) return { width, height, videoCodec };
  const sampleRate = withSound.audio.sampleRate || 48_000;
  const channels = Math.max(...probes.map((p) => p.audio?.channels ?? 0), 1);
  const audioCodec = await getFirstEncodableAudioCodec([...new Set<AudioCodec>([withSound.audio.codec ?? 'aac', 'aac', 'opus'])], { numberOfChannels: channels, sampleRate });
  if (!audioCodec) throw new ReencodeUnavailable('audio');
  return { width, height, videoCodec, audio: { codec: audioCodec, sampleRate, channels } };
}

/** Decode every shot in order and encode them as one continuous file in the common form. `onProgress`: 0…1 by time. */
export async function reencodeJoin(clips: Blob[], probes: ClipProbe[], target: ReencodeTarget, options: StitchOptions = {}): Promise<StitchResult> {
  const sink = new PieceSink();
  const output = new Output({ format: new Mp4OutputFormat({ fastStart: false }), target: new StreamTarget(sink.writable) });
  const video = new VideoSampleSource({ codec: target.videoCodec, bitrate: QUALITY_HIGH, keyFrameInterval: 2, sizeChangeBehavior: 'contain', transform: { width: target.width, height: target.height } });
  output.addVideoTrack(video);
  const audio = target.audio
    ? new AudioSampleSource({ codec: target.audio.codec, bitrate: QUALITY_HIGH, transform: { numberOfChannels: target.audio.channels, sampleRate: target.audio.sampleRate } })
    : undefined;
  if (audio) output.addAudioTrack(audio);
  const meta = options.metadata;
  if (meta) {
    output.setMetadataTags({ ...(meta.title ? { title: meta.title } : {}), ...(meta.comment ? { comment: meta.comment } : {}), ...(meta.date ? { date: meta.date } : {}), ...(meta.software ? { raw: { '©too': meta.software } } : {}) });
  }
  await output.start();
  const total = probes.reduce((sum, p) => sum + p.durationS, 0) || 1;
  let offset = 0;
  for (const blob of clips) {
    options.signal?.throwIfAborted();
    const input = new Input({ source: new BlobSource(blob), formats: ALL_FORMATS });
    try {
      const track = await input.getPrimaryVideoTrack();
      if (!track) throw new ReencodeUnavailable('video');
      const start = await track.getFirstTimestamp();
      const length = (await track.computeDuration()) - start;
      for await (const sample of new VideoSampleSink(track).samples()) {
        const at = sample.timestamp - start;
        sample.setTimestamp(at + offset);
        await video.add(sample);
        sample.close();
        options.onProgress?.(Math.min(1, (offset + at) / total));
      }
      const sound = audio ? await input.getPrimaryAudioTrack() : null;
      if (sound && audio) {
        for await (const sample of new AudioSampleSink(sound).samples()) {
          const at = sample.timestamp - start;
          if (at >= 0 && at < length) {
            sample.setTimestamp(at + offset); // sound past the picture would overlap the next shot
            await audio.add(sample);
          }
          sample.close();
        }
      }
      offset += length;
    } finally {
      input.dispose();
    }
  }
  await output.finalize();
  return { blob: sink.blob('video/mp4', options.trailer), durationS: offset, hasAudio: !!audio };
}
