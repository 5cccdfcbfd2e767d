import type { SniffedMedia } from '../media/sniff';
import { writeJpegMetadata } from './jpeg-metadata';
import { cleanText, MAX_PROMPT_CHARS, type ResultMetadata } from './metadata';
import { writeMp4Metadata } from './mp4-metadata';
import { writePngMetadata } from './png-metadata';

const WRITERS: Partial<Record<SniffedMedia['extension'], (bytes: Uint8Array, meta: ResultMetadata) => Uint8Array>> = {
  png: writePngMetadata,
  jpg: writeJpegMetadata,
  mp4: writeMp4Metadata,
};

/**
 * The file with its prompt, model and date inside, or the file as it was when its format has no writer
 * here (WebP, GIF, WebM) or its structure is unusual (a download is never refused for its metadata).
 */
export async function withMetadata(blob: Blob, extension: SniffedMedia['extension'], meta: ResultMetadata): Promise<Blob> {
  const write = WRITERS[extension];
  if (!write) return blob;
  const safe: ResultMetadata = {
    prompt: cleanText(meta.prompt, MAX_PROMPT_CHARS),
    model: cleanText(meta.model, 200),
    date: cleanText(meta.date, 40),
    software: cleanText(meta.software, 100),
    ...(meta.area ? { area: cleanText(meta.area, 300) } : {}),
  };
  try {
    const written = write(new Uint8Array(await blob.arrayBuffer()), safe);
    return new Blob([written as Uint8Array<ArrayBuffer>], { type: blob.type });
  } catch (error) {
    console.warn('Reimagine: saved without metadata', error);
    return blob;
  }
}
