import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';
import { describe, expect, it } from 'vitest';
import { incompatibility, probeClips, stitchClips, StitchIncompatible } from '../../lib/export/stitch-mp4';
import { readMp4Xmp, xmpBox } from '../../lib/export/mp4-metadata';
import { fixtureForAspect, readMp4Info } from '../emulator/mp4';
import { renderVideo } from '../emulator/render-video';

/** Read back with a real demuxer (mediabunny's), and cross-checked with the emulator's own box walker. */
async function demux(bytes: ArrayBuffer | Buffer) {
  const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
  const video = await input.getPrimaryVideoTrack();
  const audio = await input.getPrimaryAudioTrack();
  const result = {
    durationS: await input.computeDuration(),
    videoS: video ? await video.computeDuration() : 0,
    audioCodec: audio ? await audio.getCodec() : null,
    audioS: audio ? await audio.computeDuration() : 0,
    tags: await input.getMetadataTags(),
  };
  input.dispose();
  return result;
}

const blob = (bytes: Buffer | ArrayBuffer) => new Blob([bytes instanceof ArrayBuffer ? bytes : new Uint8Array(bytes)], { type: 'video/mp4' });

describe('emulator videos', () => {
  it('are as long as rendered and carry sound unless generate_audio was false', async () => {
    const fixture = fixtureForAspect('16:9');
    const withSound = await demux(await renderVideo(fixture, 8, true));
    expect(withSound.videoS).toBeCloseTo(8, 1);
    expect(withSound.audioCodec).toBe('opus');
    expect(withSound.audioS).toBeCloseTo(8, 1);
    const silent = await demux(await renderVideo(fixture, 5, false));
    expect(silent.videoS).toBeCloseTo(5, 1);
    expect(silent.audioCodec).toBeNull();
    expect(readMp4Info(await renderVideo(fixture, 6, true))?.durationSeconds).toBeCloseTo(6, 1);
  });
});

describe('stitchClips', () => {
  it('joins clips without re-encoding: duration = sum of the clips, sound kept, provenance written', async () => {
    const fixture = fixtureForAspect('16:9');
    const clips = [await renderVideo(fixture, 8, true), await renderVideo(fixture, 6, true), await renderVideo(fixture, 4, true)].map(blob);
    const progress: number[] = [];
    const stitched = await stitchClips(clips, { metadata: { title: 'A story', comment: 'Shot 1: a shop (grok-imagine-video)' }, onProgress: (f) => progress.push(f) });
    expect(stitched.durationS).toBeCloseTo(18, 1);
    expect(stitched.hasAudio).toBe(true);
    expect(progress.at(-1)).toBe(1);
    const bytes = await stitched.blob.arrayBuffer();
    const read = await demux(bytes);
    expect(read.videoS).toBeCloseTo(18, 1);
    expect(read.audioCodec).toBe('opus');
    expect(read.audioS).toBeCloseTo(18, 1);
    expect(read.tags.title).toBe('A story');
    expect(read.tags.comment).toContain('Shot 1');
    expect(readMp4Info(Buffer.from(bytes))?.durationSeconds).toBeCloseTo(18, 1);
  });

  it('without sound: no audio track', async () => {
    const fixture = fixtureForAspect('16:9');
    const stitched = await stitchClips([await renderVideo(fixture, 3, false), await renderVideo(fixture, 2, false)].map(blob));
    expect(stitched.hasAudio).toBe(false);
    expect((await demux(await stitched.blob.arrayBuffer())).audioCodec).toBeNull();
  });

  it('refuses to copy clips of another size (re-encoding joins them) or with and without sound (nothing can)', async () => {
    const wide = await renderVideo(fixtureForAspect('16:9'), 2, true);
    const tall = await renderVideo(fixtureForAspect('9:16'), 2, true);
    expect(incompatibility(await probeClips([wide, tall].map(blob)))).toBe('size');
    expect(incompatibility(await probeClips([wide, await renderVideo(fixtureForAspect('16:9'), 2, false)].map(blob)))).toBe('sound-missing');
    await expect(stitchClips([wide, tall].map(blob))).rejects.toBeInstanceOf(StitchIncompatible);
  });

  it('a trailer (the XMP box) goes after the index, and the file still reads', async () => {
    const fixture = fixtureForAspect('16:9');
    const meta = { prompt: '1. a (m)', model: 'm', date: '2026-01-01T00:00:00.000Z', software: 'Reimagine', shots: [{ prompt: 'a <b>', model: 'm' }] };
    const stitched = await stitchClips([await renderVideo(fixture, 2, true), await renderVideo(fixture, 2, true)].map(blob), { trailer: xmpBox(meta), metadata: { software: 'Reimagine', comment: 'c' } });
    const bytes = new Uint8Array(await stitched.blob.arrayBuffer());
    expect(readMp4Xmp(bytes)).toContain('<rdf:li reimagine:Prompt="a &lt;b&gt;" reimagine:Model="m"/>');
    expect((await demux(bytes.buffer)).videoS).toBeCloseTo(4, 1);
  });
});
