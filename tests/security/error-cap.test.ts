import { describe, expect, it } from 'vitest';
import { ImagineClient } from '../../lib/api/client';
import { ImagineError } from '../../lib/errors/taxonomy';
import { ERROR_BODY_MAX_BYTES } from '../../lib/api/http';
import { MAX_ERROR_MESSAGE_CHARS } from '../../lib/errors/taxonomy';

/**
 * Attack: a hostile or broken server answers with a huge error body. It must not be read whole (memory,
 * time), and what is kept as the job's message and shown in the UI is short.
 */
function streamedBody(totalBytes: number, prefix: string) {
  let sent = 0;
  const chunk = new TextEncoder().encode('A'.repeat(64 * 1024));
  const head = new TextEncoder().encode(prefix);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const next = sent === 0 ? head : chunk;
      sent += next.byteLength;
      controller.enqueue(next);
    },
  });
  return { stream, sent: () => sent };
}

async function failure(fetch: typeof globalThis.fetch): Promise<ImagineError> {
  const api = new ImagineClient({ apiKey: 'k', baseUrl: 'https://api.x.ai/v1', fetch });
  try {
    await api.generateImages({ prompt: 'x', model: 'grok-imagine-image', n: 1 });
  } catch (error) {
    return error as ImagineError;
  }
  throw new Error('expected a failure');
}

describe('server error bodies', () => {
  it('a 10 MB JSON error body is read only up to the cap, and the message is short', async () => {
    const body = streamedBody(10 * 1024 * 1024, '{"code":"x","error":"');
    const error = await failure(async () => new Response(body.stream, { status: 400, headers: { 'content-type': 'application/json' } }));
    expect(error).toBeInstanceOf(ImagineError);
    expect(error.kind).toBe('invalid_request');
    expect(error.message.length).toBeLessThanOrEqual(MAX_ERROR_MESSAGE_CHARS);
    expect(body.sent()).toBeLessThan(ERROR_BODY_MAX_BYTES + 2 * 64 * 1024);
  });

  it('a well-formed JSON error with a 5,000-character message is cut to the cap', async () => {
    const long = 'B'.repeat(5000);
    const error = await failure(async () => new Response(JSON.stringify({ code: 'Client specified an invalid argument', error: long }), { status: 400 }));
    expect(error.message.length).toBe(MAX_ERROR_MESSAGE_CHARS);
    expect(error.toInfo().message.length).toBe(MAX_ERROR_MESSAGE_CHARS);
  });

  it('any ImagineError keeps its message to the cap', () => {
    expect(new ImagineError({ kind: 'server_error', message: 'x'.repeat(100_000) }).message).toHaveLength(MAX_ERROR_MESSAGE_CHARS);
  });
});
