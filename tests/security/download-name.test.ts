import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { downloadResult } from '../../lib/background/page/overlay';
import { downloadableResult, notSavableMessage } from '../../lib/export/file-name';
import { sniffBytes } from '../../lib/media/sniff';
import { db } from '../../lib/storage/db';
import { bytes, freshProfile, MAGIC } from '../unit/helpers/archive-fixture';
import { makeJob } from '../unit/helpers/job-fixture';

/** Issue 11: a download's extension comes from the file's bytes, never from a (hostile) MIME type. */
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const withHead = (head: Uint8Array, n = 64) => {
  const out = new Uint8Array(Math.max(n, head.length));
  out.set(head);
  return out;
};
const ftyp = (major: string, ...compatible: string[]) => {
  const box = ascii(`\0\0\0\0ftyp${major}\0\0\0\0${compatible.join('')}`);
  box[3] = box.length;
  return withHead(box);
};
const webm = withHead(Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, ...ascii('webm')]));
const mkv = withHead(Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, 0xa3, 0x42, 0x82, 0x88, ...ascii('matroska')]));

describe('sniffing media from their bytes', () => {
  it('recognises exactly jpeg, png, webp, gif, mp4 and webm', () => {
    expect(sniffBytes(bytes(1, 64, MAGIC.jpeg))?.extension).toBe('jpg');
    expect(sniffBytes(bytes(1, 64, MAGIC.png))?.extension).toBe('png');
    expect(sniffBytes(withHead(ascii('RIFF\x10\0\0\0WEBPVP8 ')))?.extension).toBe('webp');
    expect(sniffBytes(withHead(ascii('GIF89a')))?.extension).toBe('gif');
    expect(sniffBytes(new Uint8Array(readFileSync('tests/emulator/fixtures/video-1x1.mp4').subarray(0, 64)))).toMatchObject({ extension: 'mp4', mimeType: 'video/mp4', kind: 'video' });
    expect(sniffBytes(ftyp('mp42', 'isom'))?.extension).toBe('mp4');
    expect(sniffBytes(webm)).toMatchObject({ extension: 'webm', kind: 'video' });
  });

  it('refuses everything else, however it is labelled', () => {
    for (const head of [
      bytes(1, 64, MAGIC.html),
      withHead(ascii('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">')),
      withHead(ascii('%PDF-1.7')),
      withHead(ascii('MZ\x90\0')), // a Windows executable
      ftyp('heic', 'mif1', 'heic'), // HEIC/AVIF share the ftyp box with MP4
      ftyp('avif', 'mif1'),
      ftyp('qt  ', 'qt  '), // QuickTime .mov
      mkv,
      withHead(ascii('RIFF\x10\0\0\0WAVEfmt ')),
      new Uint8Array(0),
    ]) {
      expect(sniffBytes(head)).toBeUndefined();
    }
  });
});

describe('download names', () => {
  const day = new Date(2026, 10, 21, 15, 0);

  it('take the extension and type from the bytes, not the blob’s declared type', async () => {
    const png = new Blob([bytes(2, 64, MAGIC.png) as Uint8Array<ArrayBuffer>], { type: 'x/html' });
    const file = await downloadableResult(png, 'A cat', day);
    expect(file).toMatchObject({ ok: true, filename: 'reimagine-2026-11-21-a-cat.png', mimeType: 'image/png' });
    expect(file.ok && file.blob.type).toBe('image/png');
  });

  it('refuse a file that is none of the six formats, whatever its declared type says', async () => {
    const html = new Blob([bytes(3, 64, MAGIC.html) as Uint8Array<ArrayBuffer>], { type: 'image/png' });
    expect(await downloadableResult(html, 'A cat', day)).toEqual({ ok: false, message: notSavableMessage() });
    expect(notSavableMessage()).toBe('This file is not a JPEG, PNG, WebP, GIF, MP4, or WebM file, so Reimagine will not save it.');
  });
});

describe('the page overlay’s download (background)', () => {
  afterEach(() => vi.restoreAllMocks());

  async function storedResult(content: Uint8Array, type: string) {
    freshProfile();
    const job = makeJob('o', { results: [{ mediaId: 'res-o', kind: 'image', mimeType: type, bytes: content.length, thumb: false }] });
    await (await db()).put('media', { id: 'res-o', blob: new Blob([content as Uint8Array<ArrayBuffer>], { type }), mimeType: type, bytes: content.length, createdAt: 1, role: 'result', jobId: 'o' });
    return job;
  }

  it('saves a PNG labelled x/html as .png, and refuses HTML labelled as an image without downloading', async () => {
    const download = vi.spyOn(browser.downloads, 'download').mockResolvedValue(7 as never);
    const png = await storedResult(bytes(4, 64, MAGIC.png), 'x/html');
    // Chrome's service worker: no object URLs, so a data: URL typed from the bytes.
    const createObjectURL = URL.createObjectURL;
    Object.defineProperty(URL, 'createObjectURL', { value: undefined, configurable: true });
    try {
      expect(await downloadResult(png, 0)).toEqual({ ok: true, downloadId: 7 });
    } finally {
      Object.defineProperty(URL, 'createObjectURL', { value: createObjectURL, configurable: true });
    }
    expect(download).toHaveBeenCalledTimes(1);
    expect(download.mock.calls[0]![0]).toMatchObject({ filename: expect.stringMatching(/\.png$/), url: expect.stringMatching(/^data:image\/png;base64,/) });

    // Firefox's event page (it refuses data: URLs in downloads): an object URL of a blob typed from the bytes.
    const objectUrl = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:moz-extension://x/1');
    expect(await downloadResult(png, 0)).toEqual({ ok: true, downloadId: 7 });
    expect(download.mock.calls[1]![0]).toMatchObject({ filename: expect.stringMatching(/\.png$/), url: 'blob:moz-extension://x/1' });
    expect((objectUrl.mock.calls[0]![0] as Blob).type).toBe('image/png');

    const html = await storedResult(bytes(5, 64, MAGIC.html), 'image/jpeg');
    expect(await downloadResult(html, 0)).toEqual({ ok: false, error: { kind: 'invalid_request', message: notSavableMessage() } });
    expect(download).toHaveBeenCalledTimes(2);
  });
});
