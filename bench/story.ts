/**
 * Story download: 6 shots of 8 s at 720p joined into one MP4 without re-encoding (lib/export/stitch-mp4.ts,
 * the code the panel runs), here in Node with mediabunny's same demuxer/muxer.
 * The clips are synthetic: H.264 packets of a realistic 720p size (≈ 3 Mbit/s, 24 fps, a key frame every
 * 2 s) and Opus sound, muxed by mediabunny. Nothing decodes them, so only their sizes and counts matter,
 * which is all a copy depends on.
 * - time: the whole stitch (target ≤ 3 s);
 * - memory: peak RSS growth while stitching, against the output size (the output is kept once, as the
 *   pieces the muxer wrote; inputs are read piece by piece, so growth stays near one output);
 * - main thread: the longest event-loop stall while stitching (a stand-in for the panel's input delay —
 *   the panel runs the same code on its main thread; a browser-side measure is still to do).
 */
import { BufferTarget, EncodedAudioPacketSource, EncodedPacket, EncodedVideoPacketSource, Mp4OutputFormat, Output } from 'mediabunny';
import type { BenchContext, BenchSection } from './types';
import { fixtureForAspect } from '../tests/emulator/mp4';
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';

/** A real avcC (the emulator fixture's), so the demuxer's SPS parsing sees valid data. */
async function realDescription(): Promise<AllowSharedBufferSource | undefined> {
  const input = new Input({ source: new BufferSource(fixtureForAspect('16:9').bytes), formats: ALL_FORMATS });
  const config = await (await input.getPrimaryVideoTrack())?.getDecoderConfig();
  return config?.description;
}

const SHOTS = 6;
const SECONDS = 8;
const FPS = 24;
const BYTES_PER_SECOND = 3_000_000 / 8;

async function syntheticClip(seed: number, description: AllowSharedBufferSource | undefined): Promise<Blob> {
  const target = new BufferTarget();
  const output = new Output({ format: new Mp4OutputFormat({ fastStart: 'in-memory' }), target });
  const video = new EncodedVideoPacketSource('avc');
  const audio = new EncodedAudioPacketSource('opus');
  output.addVideoTrack(video, { frameRate: FPS });
  output.addAudioTrack(audio);
  await output.start();
  const perFrame = Math.round(BYTES_PER_SECOND / FPS);
  for (let i = 0; i < SECONDS * FPS; i++) {
    const key = i % (2 * FPS) === 0;
    const data = new Uint8Array(key ? perFrame * 4 : perFrame).fill((seed + i) & 0xff);
    await video.add(new EncodedPacket(data, key ? 'key' : 'delta', i / FPS, 1 / FPS), i === 0 ? { decoderConfig: { codec: 'avc1.64001f', codedWidth: 1280, codedHeight: 720, ...(description ? { description } : {}) } } : undefined);
  }
  for (let i = 0; i < SECONDS * 50; i++) {
    await audio.add(new EncodedPacket(new Uint8Array(160).fill(i & 0xff), 'key', i * 0.02, 0.02), i === 0 ? { decoderConfig: { codec: 'opus', numberOfChannels: 2, sampleRate: 48_000 } } : undefined);
  }
  await output.finalize();
  return new Blob([target.buffer!], { type: 'video/mp4' });
}

export async function run(ctx: BenchContext): Promise<BenchSection> {
  const { stitchClips } = await import('../lib/export/stitch-mp4');
  const clips: Blob[] = [];
  const description = await realDescription();
  for (let i = 0; i < SHOTS; i++) clips.push(await syntheticClip(i, description));
  const inputBytes = clips.reduce((n, c) => n + c.size, 0);

  globalThis.gc?.();
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  let maxStall = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    maxStall = Math.max(maxStall, now - last - 5);
    last = now;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 5);
  const started = performance.now();
  const result = await stitchClips(clips);
  const stitchMs = Math.round(performance.now() - started);
  clearInterval(timer);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const growth = peakRss - baseRss;
  const outputBytes = result.blob.size;
  ctx.log(`stitched ${SHOTS}×${SECONDS}s: ${stitchMs} ms, output ${outputBytes} B, rss +${growth} B, max stall ${Math.round(maxStall)} ms`);
  return {
    title: `Story: ${SHOTS} shots of ${SECONDS} s at 720p joined without re-encoding (Node, same stitch code)`,
    columns: [{ key: 'value', label: 'Value', unit: 'ms' }, { key: 'bytes', label: 'Bytes', unit: 'bytes' }, { key: 'ratio', label: 'Ratio', unit: 'ratio' }],
    rows: [
      { label: 'Stitch time', values: { value: stitchMs, bytes: null, ratio: null }, target: { key: 'value', max: 3000, note: 'issue 27: ≤ 3 s without re-encoding' } },
      { label: `Duration joined: ${result.durationS.toFixed(2)} s (expected ${SHOTS * SECONDS})`, values: { value: null, bytes: outputBytes, ratio: result.durationS / (SHOTS * SECONDS) }, target: { key: 'ratio', min: 0.99, max: 1.01 } },
      { label: 'Peak memory growth / output size', values: { value: null, bytes: growth, ratio: growth / outputBytes }, target: { key: 'ratio', max: 1.5, note: 'one output in memory (as pieces), never every shot twice' } },
      { label: 'Longest event-loop stall while stitching (proxy for panel input delay)', values: { value: Math.round(maxStall), bytes: null, ratio: null }, target: { key: 'value', max: 100 } },
      { label: 'Input (6 clips)', values: { value: null, bytes: inputBytes, ratio: null } },
    ],
    notes: ['The panel runs the same code on its main thread; a browser-side input-delay measure during Download story is still to add.'],
  };
}
