import { fromUtf8, utf8, type ResultMetadata } from './metadata';

/**
 * JPEG: an XMP packet in an APP1 segment (UTF-8; the form Photoshop, Lightroom, exiftool and the OS file
 * browsers read), inserted after SOI and any APP0/APP1 already there. A segment's length field is 16
 * bits: the packet is capped so the segment always fits (the prompt is shortened, never the structure).
 * No maintained library writes XMP into a JPEG in the browser (piexifjs is EXIF only), and the segment
 * is a few lines of well-specified bytes.
 */
export const XMP_HEADER = 'http://ns.adobe.com/xap/1.0/\0';
const MAX_SEGMENT_DATA = 0xffff - 2;

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

export function xmpPacket(meta: ResultMetadata): string {
  return [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:reimagine="https://reimagine.invalid/xmp/1.0/"',
    ` xmp:CreatorTool="${escapeXml(meta.software)}"`,
    ` xmp:CreateDate="${escapeXml(meta.date)}"`,
    ` reimagine:Model="${escapeXml(meta.model)}"${meta.area ? ` reimagine:EditedArea="${escapeXml(meta.area)}"` : ''}>`,
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(meta.prompt)}</rdf:li></rdf:Alt></dc:description>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('');
}

function segmentData(meta: ResultMetadata): Uint8Array {
  let prompt = meta.prompt;
  for (;;) {
    const data = utf8(XMP_HEADER + xmpPacket({ ...meta, prompt }));
    if (data.length <= MAX_SEGMENT_DATA) return data;
    // Too long for one segment (escaping can grow a hostile prompt 6×): shorten and try again.
    prompt = `${[...prompt].slice(0, Math.floor([...prompt].length * 0.8)).join('')}…`;
  }
}

export function writeJpegMetadata(jpeg: Uint8Array, meta: ResultMetadata): Uint8Array {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  // Skip the APPn segments right after SOI (JFIF APP0, EXIF APP1): XMP conventionally follows them.
  let at = 2;
  const header = utf8(XMP_HEADER);
  const pieces: Uint8Array[] = [];
  let copiedFrom = 0;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff && jpeg[at + 1]! >= 0xe0 && jpeg[at + 1]! <= 0xef) {
    const length = (jpeg[at + 2]! << 8) | jpeg[at + 3]!;
    const end = at + 2 + length;
    if (length < 2 || end > jpeg.length) throw new Error('truncated JPEG segment');
    // An XMP segment already there (the provider's) is dropped: readers take the first one.
    if (jpeg[at + 1] === 0xe1 && startsWith(jpeg.subarray(at + 4, end), header)) {
      pieces.push(jpeg.subarray(copiedFrom, at));
      copiedFrom = end;
    }
    at = end;
  }
  const data = segmentData(meta);
  const segment = new Uint8Array(4 + data.length);
  segment.set([0xff, 0xe1, (data.length + 2) >> 8, (data.length + 2) & 0xff]);
  segment.set(data, 4);
  pieces.push(jpeg.subarray(copiedFrom, at), segment, jpeg.subarray(at));
  return concat(pieces);
}

/** The first XMP packet of a JPEG, as text (tests, and reading a file back). */
export function readJpegXmp(jpeg: Uint8Array): string | undefined {
  const header = utf8(XMP_HEADER);
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff) {
    const marker = jpeg[at + 1]!;
    if (marker === 0xda || marker === 0xd9) return undefined; // image data: no more metadata segments
    const length = (jpeg[at + 2]! << 8) | jpeg[at + 3]!;
    const body = jpeg.subarray(at + 4, at + 2 + length);
    if (marker === 0xe1 && startsWith(body, header)) return fromUtf8(body.subarray(header.length));
    at += 2 + length;
  }
  return undefined;
}

const startsWith = (bytes: Uint8Array, prefix: Uint8Array) => bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
