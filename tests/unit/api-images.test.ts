import { describe, expect, it, vi } from 'vitest';
import { ImagineClient } from '../../lib/api/client';
import { ImagineError } from '../../lib/errors/taxonomy';

// --- tiny fetch stub ----------------------------------------------------------------------------------
type Responder = (url: string, init: RequestInit) => Response | Promise<Response>;
function client(respond: Responder) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(input), init });
    return respond(String(input), init);
  });
  return { api: new ImagineClient({ apiKey: 'k', fetch: fetch as unknown as typeof globalThis.fetch }), calls };
}
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
async function caught(promise: Promise<unknown>): Promise<ImagineError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImagineError);
  return error as ImagineError;
}
const sentBody = (call: { init: RequestInit } | undefined) => JSON.parse(String(call?.init.body)) as unknown;
// ------------------------------------------------------------------------------------------------------

describe('generateImages results', () => {
  it('maps url items, usage and the mime type', async () => {
    const { api } = client(() =>
      json(200, {
        data: [{ url: 'https://imgen.x.ai/1.jpeg', mime_type: 'image/jpeg' }, { url: 'https://imgen.x.ai/2.png' }],
        usage: { cost_in_usd_ticks: 400_000_000 },
      }),
    );
    const result = await api.generateImages({ prompt: 'x', n: 2 });
    expect(result).toEqual({
      images: [
        { url: 'https://imgen.x.ai/1.jpeg', mimeType: 'image/jpeg', moderated: false },
        { url: 'https://imgen.x.ai/2.png', mimeType: 'image/png', moderated: false }, // from the extension
      ],
      costTicks: 400_000_000,
    });
  });

  it('defaults the mime type to image/jpeg and tolerates missing usage and no `created`', async () => {
    const { api } = client(() => json(200, { data: [{ url: 'https://imgen.x.ai/abc' }] }));
    const result = await api.generateImages({ prompt: 'x' });
    expect(result.images[0]).toEqual({ url: 'https://imgen.x.ai/abc', mimeType: 'image/jpeg', moderated: false });
    expect(result.costTicks).toBeUndefined();
  });

  it('tolerates OpenAI-style extras (created, revised_prompt) and nulls', async () => {
    const { api } = client(() =>
      json(200, { created: 1, data: [{ url: 'https://x/a.jpg', b64_json: null, revised_prompt: 'r' }], usage: null }),
    );
    expect((await api.generateImages({ prompt: 'x' })).images).toHaveLength(1);
  });

  it('returns bare b64_json as is', async () => {
    const { api } = client(() => json(200, { data: [{ b64_json: 'iVBORw0KGgo=', mime_type: 'image/png' }] }));
    expect((await api.generateImages({ prompt: 'x', response_format: 'b64_json' })).images[0]).toEqual({
      b64: 'iVBORw0KGgo=',
      mimeType: 'image/png',
      moderated: false,
    });
  });

  it('strips a legacy data: prefix and takes the mime type from it', async () => {
    const { api } = client(() => json(200, { data: [{ b64_json: 'data:image/png;base64,iVBORw0KGgo=' }] }));
    expect((await api.generateImages({ prompt: 'x', response_format: 'b64_json' })).images[0]).toEqual({
      b64: 'iVBORw0KGgo=',
      mimeType: 'image/png',
      moderated: false,
    });
  });

  it('flags moderated items in a partly moderated batch, without their placeholder', async () => {
    const { api } = client(() =>
      json(200, {
        data: [
          { url: 'https://imgen.x.ai/ok.jpeg', respect_moderation: true },
          { url: 'https://imgen.x.ai/placeholder.jpeg', respect_moderation: false },
          { url: '', respect_moderation: false },
        ],
      }),
    );
    const { images } = await api.generateImages({ prompt: 'x', n: 3 });
    expect(images.map((i) => i.moderated)).toEqual([false, true, true]);
    expect(images[1]?.url).toBeUndefined();
  });

  it('throws content_policy when every item is moderated', async () => {
    const { api } = client(() =>
      json(200, { data: [{ url: '', respect_moderation: false }, { url: 'https://x/p.jpg', respect_moderation: false }] }, { 'x-request-id': 'r9' }),
    );
    const error = await caught(api.generateImages({ prompt: 'x', n: 2 }));
    expect(error.kind).toBe('content_policy');
    expect(error.requestId).toBe('r9');
  });

  it('throws content_policy on HTTP 400 imagine:content-moderated', async () => {
    const { api } = client(() =>
      json(400, { code: 'imagine:content-moderated', error: 'Generated image rejected by content moderation.' }),
    );
    expect((await caught(api.generateImages({ prompt: 'x' }))).kind).toBe('content_policy');
  });

  it('an empty data list or an empty unflagged item is a malformed response', async () => {
    expect((await caught(client(() => json(200, { data: [] })).api.generateImages({ prompt: 'x' }))).kind).toBe('server_error');
    expect((await caught(client(() => json(200, { data: [{}] })).api.generateImages({ prompt: 'x' }))).kind).toBe('server_error');
    expect((await caught(client(() => new Response('', { status: 200 })).api.generateImages({ prompt: 'x' }))).kind).toBe(
      'server_error',
    );
  });
});

describe('editImages', () => {
  it('POSTs JSON to /images/edits with the image object as given', async () => {
    const { api, calls } = client(() => json(200, { data: [{ url: 'https://x/e.jpg' }] }));
    await api.editImages({ prompt: 'make it blue', image: { url: 'data:image/png;base64,AAAA', type: 'image_url' }, n: 1 });
    expect(calls[0]?.url).toBe('https://api.x.ai/v1/images/edits');
    expect(sentBody(calls[0])).toEqual({
      prompt: 'make it blue',
      image: { url: 'data:image/png;base64,AAAA', type: 'image_url' },
      n: 1,
    });
  });

  it('sends multi-image edits as images[] with aspect_ratio', async () => {
    const { api, calls } = client(() => json(200, { data: [{ url: 'https://x/e.jpg' }] }));
    await api.editImages({
      prompt: '<IMAGE_0> wearing <IMAGE_1>',
      images: [{ url: 'https://a/1.png' }, { file_id: 'file-2' }],
      aspect_ratio: '1:1',
    });
    expect(sentBody(calls[0])).toEqual({
      prompt: '<IMAGE_0> wearing <IMAGE_1>',
      images: [{ url: 'https://a/1.png' }, { file_id: 'file-2' }],
      aspect_ratio: '1:1',
    });
  });
});

describe('deferred images', () => {
  it('submitDeferredImages sends deferred:true and returns the request id', async () => {
    const { api, calls } = client(() => json(200, { request_id: 'img-1' }));
    expect(await api.submitDeferredImages({ prompt: 'x' })).toEqual({ requestId: 'img-1' });
    expect(sentBody(calls[0])).toEqual({ prompt: 'x', deferred: true });
  });

  it('202 (with or without body) and 200 pending → pending', async () => {
    for (const response of [
      () => new Response(null, { status: 202 }),
      () => json(202, { status: 'pending' }),
      () => json(200, { status: 'pending' }),
    ]) {
      expect(await client(response).api.getDeferredImages('img-1')).toEqual({ state: 'pending' });
    }
  });

  it('polls GET /images/{id} and maps done', async () => {
    const { api, calls } = client(() =>
      json(200, { status: 'done', data: [{ url: 'https://x/d.jpg' }], usage: { cost_in_usd_ticks: 5 } }),
    );
    expect(await api.getDeferredImages('img/1')).toEqual({
      state: 'done',
      result: { images: [{ url: 'https://x/d.jpg', mimeType: 'image/jpeg', moderated: false }], costTicks: 5, requestId: 'img/1' },
    });
    expect(calls[0]?.url).toBe('https://api.x.ai/v1/images/img%2F1');
    expect(calls[0]?.init.method).toBe('GET');
  });

  it('failed, all-moderated and expired are returned, not thrown', async () => {
    const failed = await client(() =>
      json(200, { status: 'failed', error: { code: 'internal_error', message: 'boom' } }),
    ).api.getDeferredImages('i');
    expect(failed).toMatchObject({ state: 'failed', error: { kind: 'server_error', message: 'boom' } });
    const moderated = await client(() =>
      json(200, { status: 'done', data: [{ url: '', respect_moderation: false }] }),
    ).api.getDeferredImages('i');
    expect(moderated).toMatchObject({ state: 'failed', error: { kind: 'content_policy' } });
    const expired = await client(() => json(200, { status: 'expired' })).api.getDeferredImages('i');
    expect(expired).toMatchObject({ state: 'failed', error: { kind: 'expired' } });
  });

  it('unknown id → throws not_found', async () => {
    const error = await caught(client(() => json(404, { error: 'not found' })).api.getDeferredImages('nope'));
    expect(error.kind).toBe('not_found');
  });
});
