import { readFileSync } from 'node:fs';
import path from 'node:path';
import exifr from 'exifr';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { withMetadata } from '../../lib/export/embed';
import { readJpegXmp, writeJpegMetadata } from '../../lib/export/jpeg-metadata';
import { metadataFor, type ResultMetadata } from '../../lib/export/metadata';
import { listBoxes } from '../../lib/export/mp4-boxes';
import { readMp4Metadata, writeMp4Metadata } from '../../lib/export/mp4-metadata';
import { readPngText, writePngMetadata } from '../../lib/export/png-metadata';
import { readMp4Info } from '../emulator/mp4';

const HOSTILE = [
  'A cat in a hat',
  'Café — crème brûlée 🐈‍⬛ 猫',
  '</rdf:li></rdf:Alt></dc:description><evil/>"\' & <![CDATA[ ]]> <?xpacket end="w"?>',
  'NUL\u0000inside\u0001 and a lone surrogate \ud800 end',
  'IEND moov ilst data \xff\xd8\xff\xd9',
  '&'.repeat(5000), // escapes to 25,000 bytes: still one JPEG segment
  '😀'.repeat(5000), // 20,000 bytes of UTF-8
];
const meta = (prompt: string): ResultMetadata => ({ prompt, model: 'grok-imagine-image-2.0', date: '2026-11-21T10:00:00.000Z', software: 'Reimagine' });
/** What survives the writers' cleaning (NUL/controls/lone surrogates dropped). */
const cleaned = (prompt: string) => metadataFor({ request: { prompt }, createdAt: 0 }).prompt;

function pngFile(): Uint8Array {
  const png = new PNG({ width: 4, height: 3 });
  png.data.fill(200);
  return new Uint8Array(PNG.sync.write(png));
}
function jpegFile(): Uint8Array {
  return new Uint8Array(jpeg.encode({ data: Buffer.alloc(8 * 8 * 4, 120), width: 8, height: 8 }, 80).data);
}
const fixtureVideo = () => new Uint8Array(readFileSync(path.join(__dirname, '../emulator/fixtures/video-16x9.mp4')));

describe('PNG iTXt', () => {
  it.each(HOSTILE)('round-trips %#, and the image still decodes', (prompt) => {
    const out = writePngMetadata(pngFile(), metadataFor({ request: { prompt, model: 'm' }, createdAt: Date.UTC(2026, 10, 21) }));
    const text = readPngText(out);
    expect(text.Description).toBe(cleaned(prompt));
    expect(text.Model).toBe('m');
    expect(text['Creation Time']).toBe('2026-11-21T00:00:00.000Z');
    expect(PNG.sync.read(Buffer.from(out), { checkCRC: true }).width).toBe(4); // CRCs and structure intact
  });

  it('replaces a provider chunk with the same keyword instead of duplicating it', () => {
    const twice = writePngMetadata(writePngMetadata(pngFile(), meta('first')), meta('second'));
    expect(readPngText(twice).Description).toBe('second');
    expect(new TextDecoder('latin1').decode(twice).split('Description\0').length - 1).toBe(1); // one iTXt keyword (the XMP packet says rdf:Description too)
  });
});

describe('JPEG XMP (APP1)', () => {
  it.each(HOSTILE)('round-trips %# within one segment, and the image still decodes', async (prompt) => {
    const out = writeJpegMetadata(jpegFile(), meta(cleaned(prompt)));
    expect(jpeg.decode(out).width).toBe(8);
    const parsed = await exifr.parse(Buffer.from(out), { xmp: true, tiff: false });
    expect(parsed?.CreatorTool).toBe('Reimagine');
    expect(parsed?.Model).toBe('grok-imagine-image-2.0');
    // exifr reads attributes well but not nested text: the description is read with a real XML parser.
    const xml = new DOMParser().parseFromString(readJpegXmp(out)!.replace(/<\?xpacket[^>]*\?>/g, ''), 'text/xml');
    const description = xml.getElementsByTagName('rdf:li')[0]?.textContent;
    expect(description).toBe(cleaned(prompt));
    expect(readJpegXmp(out)).toContain('<x:xmpmeta');
  });

  it('shortens a prompt whose escaped form would overflow the 16-bit segment length', () => {
    const out = writeJpegMetadata(jpegFile(), meta('"'.repeat(20_000)));
    expect(jpeg.decode(out).width).toBe(8);
    const xmp = readJpegXmp(out)!;
    expect(xmp.endsWith('<?xpacket end="w"?>')).toBe(true);
    expect(xmp).toContain('&quot;…</rdf:li>');
  });

  it('keeps JFIF first and replaces an earlier XMP segment', () => {
    const out = writeJpegMetadata(writeJpegMetadata(jpegFile(), meta('first')), meta('second'));
    expect(readJpegXmp(out)).toContain('second');
    expect(new TextDecoder('latin1').decode(out).split('http://ns.adobe.com/xap/1.0/\0').length - 1).toBe(1);
    expect(out[2]).toBe(0xff);
    expect(out[3]).toBe(0xe0); // APP0 (JFIF) still right after SOI
  });

  it('refuses a truncated segment (the download then keeps the file as it was)', async () => {
    const broken = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0xff, 0xff, 0x00]);
    expect(() => writeJpegMetadata(broken, meta('x'))).toThrow();
    const blob = new Blob([broken], { type: 'image/jpeg' });
    expect(new Uint8Array(await (await withMetadata(blob, 'jpg', meta('x'))).arrayBuffer())).toEqual(broken);
  });
});

describe('MP4 udta/meta/ilst', () => {
  it.each(HOSTILE)('round-trips %# and moves the chunk offsets with moov', (prompt) => {
    const input = fixtureVideo();
    const out = writeMp4Metadata(input, meta(cleaned(prompt)));
    const read = readMp4Metadata(out);
    expect(read['©cmt']).toBe(cleaned(prompt));
    expect(read['©day']).toBe('2026-11-21T00:00:00.000Z'.replace('T00', 'T10'));
    expect(read['©too']).toBe('Reimagine');
    expect(read['----:model']).toBe('grok-imagine-image-2.0');
    expect(readMp4Info(Buffer.from(out))).toEqual(readMp4Info(Buffer.from(input)));
    // Every chunk offset still points at the same media bytes.
    const firstChunk = (bytes: Uint8Array) => {
      const stco = findBox(bytes, ['moov', 'trak', 'mdia', 'minf', 'stbl', 'stco']);
      const offset = new DataView(bytes.buffer, bytes.byteOffset).getUint32(stco + 16);
      return Buffer.from(bytes.subarray(offset, offset + 32)).toString('hex');
    };
    expect(firstChunk(out)).toBe(firstChunk(input));
  });

  it('leaves fragmented files and non-MP4 bytes alone', async () => {
    const fragmented = new Uint8Array([...box('ftyp', 8), ...box('moov', 0), ...box('moof', 0)]);
    expect(() => writeMp4Metadata(fragmented, meta('x'))).toThrow(/fragmented/);
    const blob = new Blob([fragmented]);
    expect((await withMetadata(blob, 'mp4', meta('x'))).size).toBe(fragmented.length);
    expect(() => writeMp4Metadata(new Uint8Array([0, 0, 0, 200, 0x66, 0x74, 0x79, 0x70]), meta('x'))).toThrow();
  });
});

function box(type: string, payload: number): number[] {
  const size = 8 + payload;
  return [size >> 24, (size >> 16) & 255, (size >> 8) & 255, size & 255, ...[...type].map((c) => c.charCodeAt(0)), ...new Array<number>(payload).fill(0)];
}

function findBox(bytes: Uint8Array, pathTypes: string[]): number {
  let range = { body: 0, end: bytes.length, start: 0 };
  for (const type of pathTypes) {
    const next = listBoxes(bytes, range.body, range.end).find((b) => b.type === type);
    if (!next) throw new Error(`no ${type}`);
    range = next;
  }
  return range.start;
}

describe('region edits', () => {
  const area = { width: 6000, height: 4000, invert: false, feather: 8, shape: { kind: 'rect' as const, rect: { x: 2000, y: 1500, w: 1500, h: 1000 } } };
  it('PNG and JPEG downloads note the edited area', () => {
    const info = metadataFor({ request: { prompt: 'a red balloon', model: 'm', area }, createdAt: 0 });
    expect(info.area).toBe('Edited area: rectangle 1500×1000 at 2000,1500 of 6000×4000, soft edge 8 px');
    expect(readPngText(writePngMetadata(pngFile(), info))['Edited Area']).toBe(info.area);
    expect(readJpegXmp(writeJpegMetadata(jpegFile(), info))).toContain('reimagine:EditedArea="Edited area: rectangle 1500×1000');
    // One XMP packet: the area sits beside the provenance (DigitalSourceType), in PNG's packet too.
    const jpegXmp = readJpegXmp(writeJpegMetadata(jpegFile(), info))!;
    expect(jpegXmp.match(/<x:xmpmeta/g)).toHaveLength(1);
    expect(jpegXmp).toContain('Iptc4xmpExt:DigitalSourceType=');
    expect(readPngText(writePngMetadata(pngFile(), info))['XML:com.adobe.xmp']).toContain('reimagine:EditedArea="Edited area: rectangle');
    const whole = metadataFor({ request: { prompt: 'p', model: 'm' }, createdAt: 0 });
    expect(readPngText(writePngMetadata(pngFile(), whole))['Edited Area']).toBeUndefined();
  });
});
