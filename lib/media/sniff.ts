/**
 * What a file *is*, read from its first bytes (magic numbers), never from a declared MIME type: a hostile
 * server's `content-type` or an archive's manifest can say anything. Only the six formats Reimagine
 * produces or accepts are recognised; everything else is `undefined` and gets refused by the caller.
 *
 * Hand-written rather than a library (file-type & co.): we need an allow-list of six formats, and a
 * general detector that knows hundreds would widen what we accept.
 */
import { formatList } from '../i18n/format';

export interface SniffedMedia {
  mimeType: 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif' | 'video/mp4' | 'video/webm';
  extension: 'jpg' | 'png' | 'webp' | 'gif' | 'mp4' | 'webm';
  kind: 'image' | 'video';
}

/** Enough bytes for every check below (the MP4 `ftyp` box's brands, the WebM DocType). */
export const SNIFF_HEAD_BYTES = 64;

/** The six formats' names, images first; brand names, never translated. */
export const ACCEPTED_MEDIA_FORMATS = { image: ['JPEG', 'PNG', 'WebP', 'GIF'], video: ['MP4', 'WebM'] } as const;

/**
 * For messages: "JPEG, PNG, WebP, GIF, MP4, or WebM" as an "or" list in the UI language (Intl.ListFormat
 * disjunction: "… oder WebM", "…、またはWebM"), all six or one kind's.
 */
export function acceptedMediaLabel(kind?: SniffedMedia['kind']): string {
  return formatList(kind ? [...ACCEPTED_MEDIA_FORMATS[kind]] : [...ACCEPTED_MEDIA_FORMATS.image, ...ACCEPTED_MEDIA_FORMATS.video], 'disjunction');
}

const JPEG: SniffedMedia = { mimeType: 'image/jpeg', extension: 'jpg', kind: 'image' };
const PNG: SniffedMedia = { mimeType: 'image/png', extension: 'png', kind: 'image' };
const WEBP: SniffedMedia = { mimeType: 'image/webp', extension: 'webp', kind: 'image' };
const GIF: SniffedMedia = { mimeType: 'image/gif', extension: 'gif', kind: 'image' };
const MP4: SniffedMedia = { mimeType: 'video/mp4', extension: 'mp4', kind: 'video' };
const WEBM: SniffedMedia = { mimeType: 'video/webm', extension: 'webm', kind: 'video' };

/** ISO base-media brands that mean an MP4 video (HEIC/AVIF/QuickTime share the `ftyp` box and are not). */
const MP4_BRANDS = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'dash', 'mmp4', 'M4V ']);
const NOT_MP4_BRANDS = new Set(['avif', 'avis', 'heic', 'heix', 'hevc', 'mif1', 'msf1', 'qt  ']);

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

function isMp4(head: Uint8Array): boolean {
  if (head.length < 16 || ascii(head, 4, 8) !== 'ftyp') return false;
  const boxSize = ((head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!) >>> 0;
  const major = ascii(head, 8, 12);
  if (NOT_MP4_BRANDS.has(major)) return false;
  if (MP4_BRANDS.has(major)) return true;
  // Compatible brands follow the minor version, four bytes each, up to the end of the box.
  for (let at = 16; at + 4 <= Math.min(boxSize, head.length); at += 4) if (MP4_BRANDS.has(ascii(head, at, at + 4))) return true;
  return false;
}

/** EBML magic, then the DocType says "webm" (a Matroska .mkv says "matroska" and is refused). */
function isWebm(head: Uint8Array): boolean {
  return startsWith(head, [0x1a, 0x45, 0xdf, 0xa3]) && ascii(head, 4, Math.min(head.length, SNIFF_HEAD_BYTES)).includes('webm');
}

export function sniffBytes(head: Uint8Array): SniffedMedia | undefined {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && ascii(head, 8, 12) === 'WEBP') return WEBP;
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return GIF;
  if (isMp4(head)) return MP4;
  if (isWebm(head)) return WEBM;
  return undefined;
}

export async function sniffBlob(blob: Blob): Promise<SniffedMedia | undefined> {
  return sniffBytes(new Uint8Array(await blob.slice(0, SNIFF_HEAD_BYTES).arrayBuffer()));
}
