import type { SniffedMedia } from '../media/sniff';
import { writeJpegMetadata } from './jpeg-metadata';
import { cleanMetadata, type ResultMetadata } from './metadata';
import { writeMp4Metadata } from './mp4-metadata';
import { writePngMetadata } from './png-metadata';
import { writeWebpMetadata } from './webp-metadata';

const WRITERS: Partial<Record<SniffedMedia['extension'], (bytes: Uint8Array, meta: ResultMetadata) => Uint8Array>> = {
  png: writePngMetadata,
  jpg: writeJpegMetadata,
  mp4: writeMp4Metadata,
  webp: writeWebpMetadata,
};

/**
 * The file with its prompt, model and date inside, or the file as it was when its format has no writer
 * here (GIF, WebM) or its structure is unusual (a download is never refused for its metadata).
 */
export async function withMetadata(blob: Blob, extension: SniffedMedia['extension'], meta: ResultMetadata): Promise<Blob> {
  const write = WRITERS[extension];
  if (!write) return blob;
  const safe: ResultMetadata = cleanMetadata(meta);
  try {
    const written = write(new Uint8Array(await blob.arrayBuffer()), safe);
    return new Blob([written as Uint8Array<ArrayBuffer>], { type: blob.type });
  } catch (error) {
    console.warn('Reimagine: saved without metadata', error);
    return blob;
  }
}
