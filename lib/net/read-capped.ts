import { formatNumber, t } from '../i18n';
/**
 * Read a response body into a Blob, but never more than `maxBytes`: the body is streamed and the read
 * is cancelled as soon as it passes the cap. Content-Length is only used to refuse early — a server may
 * omit it or lie, so the count of bytes actually received is what decides. With `stallMs`, a body that
 * stops arriving for that long is abandoned too (a hostile or broken server must not hold the worker).
 */
export class TooLarge extends Error {
  override name = 'TooLarge';
  constructor(readonly maxBytes: number, readonly declared?: number) {
    super(t('net.tooLarge', { max: formatNumber(maxBytes) }));
  }
}

export class Stalled extends Error {
  override name = 'Stalled';
  constructor(readonly stallMs: number) {
    super(t('net.stalled', { seconds: formatNumber(Math.round(stallMs / 1000)) }));
  }
}

export async function readCapped(response: Response, maxBytes: number, options: { stallMs?: number } = {}): Promise<Blob> {
  const type = response.headers.get('content-type') ?? '';
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    void response.body?.cancel().catch(() => undefined);
    throw new TooLarge(maxBytes, declared);
  }
  if (!response.body) return new Blob([], { type });
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await readWithin(reader, options.stallMs);
    } catch (error) {
      void reader.cancel().catch(() => undefined);
      throw error;
    }
    if (chunk.done) break;
    received += chunk.value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge(maxBytes);
    }
    chunks.push(chunk.value);
  }
  return new Blob(chunks as BlobPart[], { type });
}

async function readWithin(reader: ReadableStreamDefaultReader<Uint8Array>, stallMs: number | undefined): Promise<ReadableStreamReadResult<Uint8Array>> {
  if (stallMs === undefined) return reader.read();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Stalled(stallMs)), stallMs);
  });
  try {
    return await Promise.race([reader.read(), stalled]);
  } finally {
    clearTimeout(timer);
  }
}
