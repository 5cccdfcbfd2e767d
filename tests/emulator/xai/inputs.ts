import { colourOfBytes, type EditSource } from '../images';
import {
  type ImageFormat,
  type ImageSize,
  ImageDecodeError,
  decodeForSampling,
  readImageSize,
  sniffImageFormat,
} from '../image-inspect';
import { readMp4Info, type Mp4Info } from '../mp4';
import type { ErrorReply, ProviderEnv } from '../provider';
import { decodeDataUri, fetchMediaUrl, type Fetched } from '../remote-media';
import { invalidArgument } from './errors';
import type { ImageReference } from './schemas';

/** Turns the `{url}` / `{file_id}` objects of a request into checked bytes, with xAI-style 400s. */

const MIB = 1024 * 1024;
export const MAX_IMAGE_BYTES = 10 * MIB;
const MAX_VIDEO_BYTES = 64 * MIB; // not documented; generous so only absurd inputs trip it
const FETCH_TIMEOUT_MS = 5000;

export interface ResolvedImage {
  format: ImageFormat;
  size: ImageSize;
  source: EditSource;
}

async function load(url: string, env: ProviderEnv, limitBytes: number): Promise<Fetched> {
  if (url.startsWith('data:')) return decodeDataUri(url);
  return fetchMediaUrl(url, {
    media: env.media,
    allowPrivate: env.config().fetchPrivateUrls,
    limitBytes,
    timeoutMs: FETCH_TIMEOUT_MS,
  });
}

/** Names a format we refuse, to make the 400 message useful. */
function describeUnsupported(bytes: Buffer): string {
  const head = bytes.toString('latin1', 0, 64);
  if (head.startsWith('GIF8')) return 'GIF';
  if (head.startsWith('BM')) return 'BMP';
  if (/<svg|<\?xml/i.test(head)) return 'SVG';
  if (/ftyp(avif|avis)/.test(head)) return 'AVIF';
  if (/ftyp(heic|heix|mif1)/.test(head)) return 'HEIC';
  return 'unknown';
}

export async function resolveImage(reference: ImageReference, label: string, env: ProviderEnv): Promise<ResolvedImage | ErrorReply> {
  const url = reference.url ?? undefined;
  const fileId = reference.file_id ?? undefined;
  if (url !== undefined && fileId !== undefined) return invalidArgument(`${label}: provide either url or file_id, not both.`);
  if (fileId !== undefined) return invalidArgument(`${label}: file not found: ${fileId}`);
  if (url === undefined || url === '') return invalidArgument(`${label}: an image needs a url or a file_id.`);

  const fetched = await load(url, env, MAX_IMAGE_BYTES);
  if (!fetched.ok) {
    return url.startsWith('data:')
      ? invalidArgument(`${label}: invalid image data URI: ${fetched.reason}.`)
      : invalidArgument(`${label}: failed to fetch image from ${truncate(url)}: ${fetched.reason}.`);
  }
  const { bytes } = fetched;
  if (bytes.length > MAX_IMAGE_BYTES) {
    return invalidArgument(`${label}: image is ${(bytes.length / MIB).toFixed(1)} MiB; the maximum size is 10 MiB.`);
  }
  const format = sniffImageFormat(bytes);
  if (!format) {
    return invalidArgument(`${label}: unsupported image format (${describeUnsupported(bytes)}). Supported formats are JPEG, PNG and WebP.`);
  }
  const size = readImageSize(bytes, format);
  if (!size || size.width === 0 || size.height === 0) return invalidArgument(`${label}: failed to decode ${format.toUpperCase()} image.`);
  try {
    const decoded = decodeForSampling(bytes, format, size);
    return { format, size, source: decoded ? { decoded, fallback: colourOfBytes(bytes) } : { fallback: colourOfBytes(bytes) } };
  } catch (error) {
    if (error instanceof ImageDecodeError) return invalidArgument(`${label}: failed to decode ${format.toUpperCase()} image: ${error.message}`);
    throw error;
  }
}

export interface ResolvedVideo {
  info: Mp4Info;
}

export async function resolveVideo(url: string, env: ProviderEnv): Promise<ResolvedVideo | ErrorReply> {
  if (!url) return invalidArgument('video: a url is required.');
  const fetched = await load(url, env, MAX_VIDEO_BYTES);
  if (!fetched.ok) {
    return url.startsWith('data:')
      ? invalidArgument(`video: invalid video data URI: ${fetched.reason}.`)
      : invalidArgument(`video: failed to fetch video from ${truncate(url)}: ${fetched.reason}.`);
  }
  if (fetched.bytes.length > MAX_VIDEO_BYTES) return invalidArgument('video: the input video is too large.');
  const info = readMp4Info(fetched.bytes);
  if (!info) return invalidArgument('video: unsupported or unreadable video; an MP4 file is required.');
  return { info };
}

function truncate(url: string): string {
  return url.length > 120 ? `${url.slice(0, 117)}...` : url;
}
