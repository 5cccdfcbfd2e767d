import { ALL_FORMATS, BufferSource, BufferTarget, EncodedAudioPacketSource, EncodedPacket, EncodedPacketSink, EncodedVideoPacketSource, Input, Mp4OutputFormat, Output } from 'mediabunny';
import type { VideoFixture } from './mp4';

/**
 * The "rendered" video of a job: the committed fixture clip repeated to the length the job renders (a real
 * Grok video is as long as asked), with a sound track unless the request said `generate_audio: false`
 * ("Grok videos come with sound unless the request says otherwise"). The sound is Opus silence (a 20 ms
 * frame of three bytes, the well-known silent frame), so no audio encoder is needed to make it. Mediabunny
 * copies the fixture's encoded packets; nothing is re-encoded.
 */
const OPUS_SILENCE = new Uint8Array([0xf8, 0xff, 0xfe]);
const OPUS_FRAME_S = 0.02;

const cache = new Map<string, Promise<Buffer>>();

export function renderVideo(fixture: VideoFixture, seconds: number, sound: boolean): Promise<Buffer> {
  const key = `${fixture.aspectRatio}|${seconds}|${sound}`;
  let rendered = cache.get(key);
  if (!rendered) {
    rendered = render(fixture, seconds, sound);
    cache.set(key, rendered);
  }
  return rendered;
}

async function render(fixture: VideoFixture, seconds: number, sound: boolean): Promise<Buffer> {
  const input = new Input({ source: new BufferSource(fixture.bytes), formats: ALL_FORMATS });
  const track = await input.getPrimaryVideoTrack();
  if (!track) throw new Error('fixture without a video track');
  const config = await track.getDecoderConfig();
  const packets: EncodedPacket[] = [];
  for await (const packet of new EncodedPacketSink(track).packets()) packets.push(packet);
  const clipLength = await track.computeDuration();

  const target = new BufferTarget();
  const output = new Output({ format: new Mp4OutputFormat({ fastStart: 'in-memory' }), target });
  const video = new EncodedVideoPacketSource((await track.getCodec()) ?? 'avc');
  output.addVideoTrack(video, { frameRate: 12 });
  const audio = sound ? new EncodedAudioPacketSource('opus') : undefined;
  if (audio) output.addAudioTrack(audio);
  await output.start();

  let first = true;
  for (let offset = 0; offset < seconds - 1e-6; offset += clipLength) {
    for (const packet of packets) {
      const at = packet.timestamp + offset;
      if (at >= seconds - 1e-6) break; // the last repetition is cut (after a key frame or mid-GOP: decodable either way)
      await video.add(packet.clone({ timestamp: at }), first && config ? { decoderConfig: config } : undefined);
      first = false;
    }
  }
  if (audio) {
    const frames = Math.round(seconds / OPUS_FRAME_S);
    for (let i = 0; i < frames; i++) {
      await audio.add(new EncodedPacket(OPUS_SILENCE, 'key', i * OPUS_FRAME_S, OPUS_FRAME_S), i === 0 ? { decoderConfig: { codec: 'opus', numberOfChannels: 1, sampleRate: 48_000 } } : undefined);
    }
  }
  await output.finalize();
  input.dispose();
  if (!target.buffer) throw new Error('render produced no output');
  return Buffer.from(target.buffer);
}
