import { concat } from './jpeg-metadata';
import { fromUtf8, utf8, type ResultMetadata } from './metadata';
import { box, FULL_BOX_ZERO, latin1, listBoxes, type Box } from './mp4-boxes';
import { xmpPacket } from './xmp';

/**
 * MP4: iTunes-style metadata in moov/udta/meta/ilst — "©cmt" (prompt), "©day" (date), "©too" (software)
 * and a freeform "----" item (mean "org.reimagine", name "model"): what QuickTime, VLC, ffprobe/exiftool
 * and the OS file browsers show; and the XMP packet (provenance, xmp.ts) in a top-level uuid box at the end. mp4box.js reads but cannot edit in place, and no maintained browser
 * library writes ilst, so this is a small box writer.
 *
 * Growing moov moves everything after it: when moov comes before mdat ("fast start", what generators
 * serve), every chunk offset (stco/co64) is shifted by the growth. Fragmented files (moof) are left
 * untouched: their offsets may be absolute and are not worth the risk for a comment.
 */
const ITEM = { prompt: '©cmt', date: '©day', software: '©too' } as const;
const FREEFORM_MEAN = 'org.reimagine';
const FREEFORM_NAME = 'model';

const dataBox = (text: string) => box('data', new Uint8Array([0, 0, 0, 1, 0, 0, 0, 0]), utf8(text)); // type 1 = UTF-8, locale 0

function ilst(meta: ResultMetadata): Uint8Array {
  const items = (Object.keys(ITEM) as (keyof typeof ITEM)[]).map((field) => box(ITEM[field], dataBox(meta[field])));
  const freeform = box('----', box('mean', FULL_BOX_ZERO, latin1(FREEFORM_MEAN)), box('name', FULL_BOX_ZERO, latin1(FREEFORM_NAME)), dataBox(meta.model));
  return box('ilst', ...items, freeform);
}

function metaBox(meta: ResultMetadata): Uint8Array {
  // hdlr: pre_defined 0, handler "mdir", reserved "appl" + 8 zero bytes, empty name.
  const hdlr = box('hdlr', FULL_BOX_ZERO, new Uint8Array(4), latin1('mdirappl'), new Uint8Array(9));
  return box('meta', FULL_BOX_ZERO, hdlr, ilst(meta));
}

export class Mp4MetadataError extends Error {}

export function writeMp4Metadata(mp4: Uint8Array, meta: ResultMetadata): Uint8Array {
  const top = listBoxes(mp4);
  if (top[0]?.type !== 'ftyp') throw new Mp4MetadataError('not an MP4');
  if (top.some((b) => b.type === 'moof')) throw new Mp4MetadataError('fragmented MP4: left as it is');
  const moov = top.find((b) => b.type === 'moov');
  if (!moov) throw new Mp4MetadataError('no moov box');
  const children = listBoxes(mp4, moov.body, moov.end);
  const udta = children.find((b) => b.type === 'udta');
  // Inside udta: keep everything but an existing meta (ours replaces it).
  const udtaKept = udta ? listBoxes(mp4, udta.body, udta.end).filter((b) => b.type !== 'meta').map((b) => mp4.subarray(b.start, b.end)) : [];
  const newUdta = box('udta', ...udtaKept, metaBox(meta));
  const moovParts = children.filter((b) => b.type !== 'udta').map((b) => mp4.subarray(b.start, b.end));
  const newMoov = box('moov', ...moovParts, newUdta);
  const growth = newMoov.length - (moov.end - moov.start);
  const mediaAfterMoov = top.some((b) => b.type === 'mdat' && b.start > moov.start);
  if (mediaAfterMoov && growth !== 0) shiftChunkOffsets(newMoov, growth);
  // XMP (provenance) in its own top-level uuid box, appended last so no offset moves; an older one goes.
  const xmp = xmpBox(meta);
  const pieces = [mp4.subarray(0, moov.start), newMoov, mp4.subarray(moov.end)];
  const oldXmp = top.find(isXmpBox(mp4));
  if (oldXmp) {
    // Removing bytes before media data would move it: only a trailing one is replaced.
    if (oldXmp.start < moov.end || top.some((b) => b.type === 'mdat' && b.start > oldXmp.start)) throw new Mp4MetadataError('XMP box before the media: left as it is');
    pieces.splice(2, 1, mp4.subarray(moov.end, oldXmp.start), mp4.subarray(oldXmp.end));
  }
  return concat([...pieces, xmp]);
}

/** The top-level box holding the XMP packet; also appended after a stitched story's index (stitch-mp4.ts `trailer`). */
export const xmpBox = (meta: ResultMetadata): Uint8Array => box('uuid', XMP_UUID, utf8(xmpPacket(meta)));

/** The XMP packet's uuid box (Adobe XMP Specification Part 3, "MPEG-4"). */
const XMP_UUID = Uint8Array.from([0xbe, 0x7a, 0xcf, 0xcb, 0x97, 0xa9, 0x42, 0xe8, 0x9c, 0x71, 0x99, 0x94, 0x91, 0xe3, 0xaf, 0xac]);
const isXmpBox = (mp4: Uint8Array) => (b: Box) => b.type === 'uuid' && b.body + 16 <= b.end && XMP_UUID.every((v, i) => mp4[b.body + i] === v);

/** The file's XMP packet, as text (tests, and reading a file back). */
export function readMp4Xmp(mp4: Uint8Array): string | undefined {
  const found = listBoxes(mp4).find(isXmpBox(mp4));
  return found ? fromUtf8(mp4.subarray(found.body + 16, found.end)) : undefined;
}

/** Adds `delta` to every stco/co64 entry under moov/trak/mdia/minf/stbl (in place). */
function shiftChunkOffsets(moov: Uint8Array, delta: number): void {
  const view = new DataView(moov.buffer, moov.byteOffset, moov.byteLength);
  const path = ['trak', 'mdia', 'minf', 'stbl'];
  const walk = (range: Box, depth: number): void => {
    for (const child of listBoxes(moov, range.body, range.end)) {
      if (depth < path.length && child.type === path[depth]) walk(child, depth + 1);
      if (depth !== path.length) continue;
      const count = child.body + 8 <= child.end ? view.getUint32(child.body + 4) : 0;
      if (child.type === 'stco') {
        if (child.body + 8 + count * 4 > child.end) throw new Mp4MetadataError('bad stco');
        for (let i = 0; i < count; i++) {
          const at = child.body + 8 + i * 4;
          const shifted = view.getUint32(at) + delta;
          if (shifted > 0xffffffff || shifted < 0) throw new Mp4MetadataError('chunk offset out of range');
          view.setUint32(at, shifted);
        }
      } else if (child.type === 'co64') {
        if (child.body + 8 + count * 8 > child.end) throw new Mp4MetadataError('bad co64');
        for (let i = 0; i < count; i++) {
          const at = child.body + 8 + i * 8;
          view.setBigUint64(at, view.getBigUint64(at) + BigInt(delta));
        }
      }
    }
  };
  walk({ type: 'moov', start: 0, body: 8, end: moov.length }, 0);
}

/** The ilst text items of a file (tests, and reading a file back): "©cmt" → text, freeform by name. */
export function readMp4Metadata(mp4: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  const find = (start: number, end: number, type: string, skip = 0) => listBoxes(mp4, start + skip, end).find((b) => b.type === type);
  const moov = find(0, mp4.length, 'moov');
  const udta = moov && find(moov.body, moov.end, 'udta');
  const meta = udta && find(udta.body, udta.end, 'meta');
  const list = meta && find(meta.body, meta.end, 'ilst', 4);
  if (!list) return out;
  for (const item of listBoxes(mp4, list.body, list.end)) {
    const parts = listBoxes(mp4, item.body, item.end);
    const data = parts.find((p) => p.type === 'data');
    if (!data) continue;
    const text = fromUtf8(mp4.subarray(data.body + 8, data.end));
    const name = parts.find((p) => p.type === 'name');
    out[item.type === '----' && name ? `----:${fromUtf8(mp4.subarray(name.body + 4, name.end))}` : item.type] = text;
  }
  return out;
}
