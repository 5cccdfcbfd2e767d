import { readFileSync } from 'node:fs';

export interface Mp4Info {
  durationSeconds: number;
  width: number;
  height: number;
}

/** `ftyp` box at offset 4: how every MP4/MOV starts. */
export function looksLikeMp4(bytes: Buffer): boolean {
  return bytes.length >= 12 && bytes.toString('latin1', 4, 8) === 'ftyp';
}

const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl', 'edts', 'udta']);

/**
 * Reads duration (mvhd) and the video track's display size (tkhd) by walking the box tree. Enough to
 * check the documented input limits of video edits/extensions; undefined when the file is not parseable.
 */
export function readMp4Info(bytes: Buffer): Mp4Info | undefined {
  if (!looksLikeMp4(bytes)) return undefined;
  const info: Partial<Mp4Info> = {};
  const walk = (start: number, end: number): void => {
    let offset = start;
    while (offset + 8 <= end) {
      let size = bytes.readUInt32BE(offset);
      const type = bytes.toString('latin1', offset + 4, offset + 8);
      let header = 8;
      if (size === 1 && offset + 16 <= end) {
        size = Number(bytes.readBigUInt64BE(offset + 8));
        header = 16;
      } else if (size === 0) {
        size = end - offset;
      }
      if (size < header || offset + size > end) return;
      const body = offset + header;
      if (CONTAINERS.has(type)) walk(body, offset + size);
      else if (type === 'mvhd') readMvhd(body, info);
      else if (type === 'tkhd') readTkhd(offset + size, info);
      offset += size;
    }
  };
  const readMvhd = (body: number, into: Partial<Mp4Info>): void => {
    const version = bytes[body] ?? 0;
    const timescale = bytes.readUInt32BE(body + (version === 1 ? 20 : 12));
    const duration = version === 1 ? Number(bytes.readBigUInt64BE(body + 24)) : bytes.readUInt32BE(body + 16);
    if (timescale > 0) into.durationSeconds = duration / timescale;
  };
  const readTkhd = (end: number, into: Partial<Mp4Info>): void => {
    // Width and height are the last 8 bytes, 16.16 fixed point; audio tracks have 0×0.
    const width = bytes.readUInt32BE(end - 8) / 65536;
    const height = bytes.readUInt32BE(end - 4) / 65536;
    if (width > 0 && height > 0 && into.width === undefined) {
      into.width = width;
      into.height = height;
    }
  };
  try {
    walk(0, bytes.length);
  } catch {
    return undefined; // truncated box: treat as unreadable
  }
  const { durationSeconds, width, height } = info;
  if (durationSeconds === undefined || width === undefined || height === undefined) return undefined;
  return { durationSeconds, width, height };
}

export interface VideoFixture extends Mp4Info {
  /** "16:9" */
  aspectRatio: string;
  bytes: Buffer;
}

const FIXTURE_RATIOS = ['16:9', '9:16', '1:1', '4:3', '3:4', '3:2', '2:3'] as const;

let fixtures: VideoFixture[] | undefined;

/** The committed clips (fixtures/video-16x9.mp4 …), loaded once. Made by fixtures/make-fixtures.sh. */
export function videoFixtures(): VideoFixture[] {
  fixtures ??= FIXTURE_RATIOS.map((aspectRatio) => {
    const bytes = readFileSync(new URL(`./fixtures/video-${aspectRatio.replace(':', 'x')}.mp4`, import.meta.url));
    const info = readMp4Info(bytes);
    if (!info) throw new Error(`fixture for ${aspectRatio} is not a readable MP4`);
    return { aspectRatio, bytes, ...info };
  });
  return fixtures;
}

/** The fixture whose shape is closest to width×height (compared on a log scale, so 2:1 and 1:2 are symmetric). */
export function fixtureForShape(width: number, height: number): VideoFixture {
  const target = Math.log(width / height);
  let best: VideoFixture | undefined;
  for (const fixture of videoFixtures()) {
    const distance = Math.abs(Math.log(fixture.width / fixture.height) - target);
    if (!best || distance < Math.abs(Math.log(best.width / best.height) - target)) best = fixture;
  }
  if (!best) throw new Error('no video fixtures');
  return best;
}

export function fixtureForAspect(aspectRatio: string): VideoFixture {
  const found = videoFixtures().find((fixture) => fixture.aspectRatio === aspectRatio);
  if (found) return found;
  const [w = 16, h = 9] = aspectRatio.split(':').map(Number);
  return fixtureForShape(w, h);
}
