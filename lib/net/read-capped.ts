/**
 * Read a response body into a Blob, but never more than `maxBytes`: the body is streamed and the read
 * is cancelled as soon as it passes the cap. Content-Length is only used to refuse early — a server may
 * omit it or lie, so the count of bytes actually received is what decides.
 */
export class TooLarge extends Error {
  override name = 'TooLarge';
  constructor(readonly maxBytes: number, readonly declared?: number) {
    super(`The response is larger than ${maxBytes} bytes.`);
  }
}

export async function readCapped(response: Response, maxBytes: number): Promise<Blob> {
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
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new Blob(chunks as BlobPart[], { type });
}
