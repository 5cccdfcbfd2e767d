import { readFileSync } from 'node:fs';
import path from 'node:path';
import exifr, { sidecar as readXmp } from 'exifr';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { withMetadata } from '../../lib/export/embed';
import { readJpegXmp } from '../../lib/export/jpeg-metadata';
import { DIGITAL_SOURCE_TYPE, metadataFor, type ResultMetadata } from '../../lib/export/metadata';
import { readMp4Metadata, readMp4Xmp } from '../../lib/export/mp4-metadata';
import { readPngText, XMP_KEYWORD } from '../../lib/export/png-metadata';
import { readWebpChunks, readWebpXmp } from '../../lib/export/webp-metadata';
import type { SniffedMedia } from '../../lib/media/sniff';
import { readMp4Info } from '../emulator/mp4';
import { readImageSize } from '../emulator/image-inspect';
import type { Job } from '../../lib/model/job';
import { provenanceFor } from '../../lib/versions/provenance';
import { makeJob } from './helpers/job-fixture';

/**
 * Provenance in every download (issue 26): the IPTC Digital Source Type, the chain of versions and — only
 * when allowed — the source page, read back with a real metadata reader. exifr reads JPEG and PNG files
 * whole; it has no WebP or MP4 parser, so for those the packet is taken out of its chunk/box and handed
 * to exifr's XMP parser (exifr.sidecar).
 */
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(__dirname, 'fixtures', name)));
const video = () => new Uint8Array(readFileSync(path.join(__dirname, '../emulator/fixtures/video-16x9.mp4')));
const pngFile = () => {
  const png = new PNG({ width: 4, height: 3 });
  png.data.fill(200);
  return new Uint8Array(PNG.sync.write(png));
};
const jpegFile = () => new Uint8Array(jpeg.encode({ data: Buffer.alloc(8 * 8 * 4, 120), width: 8, height: 8 }, 80).data);

const at = Date.UTC(2026, 11, 6);
const generation = metadataFor({ request: { prompt: 'a red fox', model: 'grok-imagine-image' }, createdAt: at });
const edit = metadataFor(
  { request: { prompt: 'make it snow', model: 'grok-imagine-image', sources: [{ mediaId: 'm' }] } as never, createdAt: at },
  { chain: [{ prompt: 'a red fox', model: 'grok-imagine-image' }, { prompt: 'at night & "cold" <b>', model: 'grok-imagine-image-2.0' }], sourcePage: 'https://site.test/gallery?id=1' },
);

async function write(bytes: Uint8Array, extension: SniffedMedia['extension'], meta: ResultMetadata): Promise<Uint8Array> {
  return new Uint8Array(await (await withMetadata(new Blob([bytes as Uint8Array<ArrayBuffer>]), extension, meta)).arrayBuffer());
}
/** exifr's XMP parser on a bare packet; its output grouped by namespace is merged as parse() does. */
const sidecar = async (xmp: string) => {
  const grouped = (await readXmp(Buffer.from(xmp), {}, 'xmp')) as Record<string, Record<string, unknown>>;
  return Object.assign({}, ...Object.entries(grouped).filter(([ns]) => ns !== 'xmlns').map(([, fields]) => fields)) as Record<string, unknown>;
};

const unescapeXml = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name]!);

/** The provenance fields as exifr reads them. */
function expectProvenance(parsed: Record<string, unknown> | undefined, meta: ResultMetadata) {
  expect(parsed?.DigitalSourceType).toBe(meta.digitalSourceType);
  if (meta.chain) {
    const history = parsed?.History as { Prompt: string; Model: string }[] | { Prompt: string; Model: string };
    // exifr's small XML parser leaves entities as written (&amp;…): decoded here, the text must be the prompt.
    const decoded = (Array.isArray(history) ? history : [history]).map((v) => ({ Prompt: unescapeXml(v.Prompt), Model: unescapeXml(v.Model) }));
    expect(decoded).toEqual(meta.chain.map((v) => ({ Prompt: v.prompt, Model: v.model })));
  } else {
    expect(parsed?.History).toBeUndefined();
  }
  expect(parsed?.SourcePage).toBe(meta.sourcePage);
}

describe('provenance in downloads', () => {
  it('chooses the IPTC type: a generation is trainedAlgorithmicMedia, an edit of a picture is compositeWithTrainedAlgorithmicMedia', () => {
    expect(generation.digitalSourceType).toBe('http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia');
    expect(edit.digitalSourceType).toBe('http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia');
    expect(DIGITAL_SOURCE_TYPE.edited).toBe(edit.digitalSourceType);
  });

  it('the source page goes in only when given (Options), and only a web address', () => {
    expect(generation.sourcePage).toBeUndefined();
    expect(metadataFor({ request: { prompt: 'p' }, createdAt: 0 }, { chain: [], sourcePage: 'javascript:alert(1)' }).sourcePage).toBeUndefined();
  });

  it.each([
    ['generation', generation],
    ['edit', edit],
  ] as const)('JPEG (%s): exifr reads the type, the chain and the page from the APP1 XMP', async (_, meta) => {
    const out = await write(jpegFile(), 'jpg', meta);
    expect(jpeg.decode(out).width).toBe(8);
    expectProvenance(await exifr.parse(Buffer.from(out), { xmp: true, tiff: false }), meta);
    expect(readJpegXmp(out)).toContain('Iptc4xmpExt:DigitalSourceType=');
  });

  it.each([
    ['generation', generation],
    ['edit', edit],
  ] as const)('PNG (%s): exifr reads the XMP iTXt; the text fields and CRCs stay intact', async (_, meta) => {
    const out = await write(pngFile(), 'png', meta);
    expect(PNG.sync.read(Buffer.from(out), { checkCRC: true }).width).toBe(4);
    expectProvenance(await exifr.parse(Buffer.from(out), { xmp: true }), meta);
    expect(readPngText(out).Description).toBe(meta.prompt);
    // Written twice: one XMP chunk, the second.
    const again = await write(out, 'png', generation);
    expect(new TextDecoder('latin1').decode(again).split(XMP_KEYWORD).length - 1).toBe(1);
    expectProvenance(await exifr.parse(Buffer.from(again), { xmp: true }), generation);
  });

  it.each([
    ['lossy (VP8)', 'lossy-6x5.webp', { width: 6, height: 5 }, 0x04],
    ['lossless with alpha (VP8L)', 'lossless-alpha-7x3.webp', { width: 7, height: 3 }, 0x14],
    ['extended (VP8X + ALPH)', 'extended-alpha-9x4.webp', { width: 9, height: 4 }, 0x14],
  ])('WebP %s: a VP8X header with the XMP flag and the true canvas size, and an "XMP " chunk', async (_, name, size, flags) => {
    const original = fixture(name);
    const out = await write(original, 'webp', edit);
    const chunks = readWebpChunks(out);
    expect(chunks[0]!.fourcc).toBe('VP8X');
    expect(chunks[0]!.data[0]).toBe(flags);
    expect(chunks.at(-1)!.fourcc).toBe('XMP ');
    expect(readImageSize(Buffer.from(out), 'webp')).toEqual(size);
    // RIFF size is the file's, and the image chunks are the original bytes.
    expect(new DataView(out.buffer, out.byteOffset).getUint32(4, true)).toBe(out.length - 8);
    const image = readWebpChunks(original).filter((c) => c.fourcc !== 'VP8X');
    for (const chunk of image) expect(chunks.find((c) => c.fourcc === chunk.fourcc)?.data).toEqual(chunk.data);
    expectProvenance(await sidecar(readWebpXmp(out)!), edit);
    // Written again: still one XMP chunk.
    expect(readWebpChunks(await write(out, 'webp', generation)).filter((c) => c.fourcc === 'XMP ')).toHaveLength(1);
  });

  it('MP4: the XMP uuid box is appended; the video and its ilst stay readable', async () => {
    const out = await write(video(), 'mp4', edit);
    expect(readMp4Info(Buffer.from(out))).toEqual(readMp4Info(Buffer.from(video())));
    expect(readMp4Metadata(out)['©cmt']).toBe('make it snow');
    expectProvenance(await sidecar(readMp4Xmp(out)!), edit);
    const again = await write(out, 'mp4', generation);
    expectProvenance(await sidecar(readMp4Xmp(again)!), generation);
    expect(again.length - out.length).toBeLessThan(0); // the old packet was replaced, not kept
  });

  it('the chain follows each first source back to the original; the page only when Options allows it', async () => {
    const page = { kind: 'page' as const, capturedAt: 1, pageUrl: 'https://site.test/gallery', imageUrl: 'https://site.test/cat.jpg' };
    const editJob = (id: string, prompt: string, from: object): Job =>
      makeJob(id, { request: { mode: 'edit-image', prompt, model: 'grok-imagine-image', n: 1, resolution: '1k', sources: [{ mediaId: `${id}-src`, mimeType: 'image/jpeg', from } as never] } });
    const first = editJob('first', 'make it snow', page);
    const second = editJob('second', 'add a sled', { kind: 'result', jobId: 'first', output: 0 });
    const third = editJob('third', 'at night', { kind: 'result', jobId: 'second', output: 0 });
    const jobs = new Map([first, second, third].map((j) => [j.id, j]));
    const read = async (id: string) => jobs.get(id);
    expect(await provenanceFor(third, { sourcePage: false }, read)).toEqual({
      chain: [
        { prompt: 'make it snow', model: 'grok-imagine-image' },
        { prompt: 'add a sled', model: 'grok-imagine-image' },
      ],
    });
    expect((await provenanceFor(third, { sourcePage: true }, read)).sourcePage).toBe('https://site.test/gallery');
    // A cycle in stored data ends the walk.
    const loop = editJob('loop', 'x', { kind: 'result', jobId: 'loop', output: 0 });
    expect(await provenanceFor(loop, { sourcePage: true }, async () => loop)).toEqual({ chain: [] });
  });
});
