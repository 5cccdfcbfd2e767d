import { type ImageFormat, type ImageSize, ImageDecodeError, decodeForSampling, readImageSize, sniffImageFormat } from '../image-inspect';
import { type EditSource, colourOfBytes } from '../images';
import type { ProviderEnv } from '../provider';
import { decodeDataUri, fetchMediaUrl } from '../remote-media';

/**
 * A source image as a reseller gets it (a URL it fetches, or a data URI / bare base64 where its docs allow
 * them), checked the way the upstream model checks it: JPEG, PNG or WebP, at most 10 MiB. Shared by the
 * Vydra and Runware modes; each turns the `reason` into its own error shape.
 */
export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;

export interface LoadedImage {
  format: ImageFormat;
  size: ImageSize;
  source: EditSource;
}

export async function loadSourceImage(
  reference: string,
  env: ProviderEnv,
  accept: { dataUri: boolean; bareBase64: boolean },
): Promise<{ ok: true; image: LoadedImage } | { ok: false; reason: string }> {
  let bytes: Buffer;
  if (reference.startsWith('data:')) {
    if (!accept.dataUri) return { ok: false, reason: 'a data: URI is not a URL the service can fetch; send a public http(s) URL' };
    const decoded = decodeDataUri(reference);
    if (!decoded.ok) return { ok: false, reason: decoded.reason };
    bytes = decoded.bytes;
  } else if (/^https?:\/\//i.test(reference)) {
    const fetched = await fetchMediaUrl(reference, { media: env.media, allowPrivate: env.config().fetchPrivateUrls, limitBytes: MAX_SOURCE_BYTES, timeoutMs: 5000 });
    if (!fetched.ok) return { ok: false, reason: `could not fetch ${reference.length > 100 ? `${reference.slice(0, 97)}...` : reference}: ${fetched.reason}` };
    bytes = fetched.bytes;
  } else if (accept.bareBase64 && /^[A-Za-z0-9+/]+={0,2}$/.test(reference.replace(/\s+/g, '')) && reference.length >= 16) {
    bytes = Buffer.from(reference.replace(/\s+/g, ''), 'base64');
  } else {
    return { ok: false, reason: 'not a URL' };
  }
  if (bytes.length > MAX_SOURCE_BYTES) return { ok: false, reason: 'the image is larger than 10 MiB' };
  const format = sniffImageFormat(bytes);
  if (!format) return { ok: false, reason: 'unsupported image format; use JPEG, PNG or WebP' };
  const size = readImageSize(bytes, format);
  if (!size || size.width === 0 || size.height === 0) return { ok: false, reason: `could not decode the ${format.toUpperCase()} image` };
  try {
    const decoded = decodeForSampling(bytes, format, size);
    return { ok: true, image: { format, size, source: decoded ? { decoded, fallback: colourOfBytes(bytes) } : { fallback: colourOfBytes(bytes) } } };
  } catch (error) {
    if (error instanceof ImageDecodeError) return { ok: false, reason: `could not decode the ${format.toUpperCase()} image: ${error.message}` };
    throw error;
  }
}
