import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchInPage } from '../../lib/content/capture';
import { CaptureError } from '../../lib/media/prepare-image';
import { formatMegabytes } from '../../lib/i18n';
import { rejection } from './helpers/rejection';

/**
 * The page script's read of a page image is capped: a server that declares, or sends, more than the limit
 * gets a sentence naming both sizes, in the UI language's units.
 */
const MiB = 1024 * 1024;
afterEach(() => vi.unstubAllGlobals());

function servePage(response: Response): void {
  vi.stubGlobal('location', new URL('https://news.example/article'));
  vi.stubGlobal('fetch', vi.fn(async () => response));
}

describe('fetchInPage size limits', () => {
  it('refuses a declared size over the limit before reading, naming both sizes in MB', async () => {
    servePage(new Response('x', { headers: { 'content-length': String(30 * MiB) } }));
    const error = await rejection(fetchInPage('https://news.example/big.jpg', 20 * MiB), CaptureError);
    expect(error.message).toBe('The file is 30.0 MB, more than Reimagine can send (20.0 MB).');
  });

  it('refuses a body that is larger than the limit although it declared nothing', async () => {
    servePage(new Response(new Uint8Array(2 * MiB + 1)));
    const error = await rejection(fetchInPage('https://news.example/big.jpg', 2 * MiB), CaptureError);
    expect(error.message).toBe(`The file is ${formatMegabytes(2 * MiB + 1)}, more than Reimagine can send (2.0 MB).`);
  });

  it('formats binary megabytes with the digits asked for', () => {
    expect(formatMegabytes(20 * MiB)).toBe('20.0 MB');
    expect(formatMegabytes(20 * MiB, 0)).toBe('20 MB');
  });
});
