import extractChunks from 'png-chunks-extract';
import encodeChunks from 'png-chunks-encode';
import { fromUtf8, utf8, type ResultMetadata } from './metadata';
import { xmpPacket } from './xmp';

/**
 * PNG: one iTXt chunk per field (UTF-8, uncompressed), right after IHDR, and the XMP packet in an iTXt
 * "XML:com.adobe.xmp" (where exiftool, exifr and Adobe's tools read XMP in a PNG). Keywords are the registered
 * ones where there is one ("Description", "Creation Time", "Software"); the model has its own. The
 * chunk walking and CRCs are png-chunks-extract/-encode's (a bad CRC refuses the file: it is then saved
 * as it was).
 */
const KEYWORDS = { prompt: 'Description', model: 'Model', date: 'Creation Time', software: 'Software', area: 'Edited Area' } as const;
export const XMP_KEYWORD = 'XML:com.adobe.xmp';

function itxt(keyword: string, text: string): Uint8Array {
  // keyword \0, compression flag 0, method 0, empty language tag \0, empty translated keyword \0, text.
  const head = utf8(keyword); // Latin-1 == ASCII for our fixed keywords
  const body = utf8(text);
  const data = new Uint8Array(head.length + 5 + body.length);
  data.set(head, 0);
  data.set(body, head.length + 5); // the five bytes between are all 0
  return data;
}

export function writePngMetadata(png: Uint8Array, meta: ResultMetadata): Uint8Array {
  const chunks = extractChunks(png);
  const ihdr = chunks.findIndex((c) => c.name === 'IHDR');
  if (ihdr !== 0) throw new Error('not a PNG');
  const ours = new Set<string>([...Object.values(KEYWORDS), XMP_KEYWORD]);
  // A provider's own text chunks stay, except ones with our keywords (two "Description"s would confuse readers).
  const kept = chunks.filter((c) => !((c.name === 'iTXt' || c.name === 'tEXt') && ours.has(keywordOf(c.data))));
  const added = (Object.keys(KEYWORDS) as (keyof typeof KEYWORDS)[]).flatMap((field) => {
    const text = meta[field];
    return text === undefined ? [] : [{ name: 'iTXt', data: itxt(KEYWORDS[field], text) }];
  });
  // The XMP packet (provenance, xmp.ts) in the iTXt keyword readers look for.
  added.push({ name: 'iTXt', data: itxt(XMP_KEYWORD, xmpPacket(meta)) });
  return encodeChunks([kept[0]!, ...added, ...kept.slice(1)]);
}

function keywordOf(data: Uint8Array): string {
  const end = data.indexOf(0);
  return fromUtf8(data.subarray(0, end < 0 ? Math.min(data.length, 79) : end));
}

/** Every tEXt/iTXt (uncompressed) of the file, keyword → text. For tests and for reading a file back. */
export function readPngText(png: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const chunk of extractChunks(png)) {
    const keyword = keywordOf(chunk.data);
    if (chunk.name === 'tEXt') out[keyword] = new TextDecoder('latin1').decode(chunk.data.subarray(keyword.length + 1));
    if (chunk.name !== 'iTXt' || chunk.data[keyword.length + 1] !== 0) continue;
    let at = keyword.length + 3;
    at = chunk.data.indexOf(0, at) + 1; // language tag
    at = chunk.data.indexOf(0, at) + 1; // translated keyword
    if (at > 0) out[keyword] = fromUtf8(chunk.data.subarray(at));
  }
  return out;
}
