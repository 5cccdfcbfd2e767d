import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createRouter } from '../../lib/background/router';
import type { JobEngine } from '../../lib/jobs/engine';
import { freshDatabase } from './helpers/engine-harness';

/** The router decides what each sender may do: pages everything, content scripts only their protocol. */
const extensionUrl = (path: string) => fakeBrowser.runtime.getURL(path as '/sidepanel.html');

function makeRouter() {
  const engine = { submit: vi.fn(), cancel: vi.fn(), retry: vi.fn(), tick: vi.fn() } as unknown as JobEngine;
  const onContent = vi.fn(async () => ({ ok: true as const }));
  const route = createRouter({ engine, providers: {} as never, onContent, onPageExtra: vi.fn(), onCaptureFallback: vi.fn(), onBatch: {} as never, onStory: {} as never });
  return { route, onContent, engine };
}

describe('message router', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    freshDatabase();
  });

  it('answers settings to an extension page, with keys masked', async () => {
    const { route } = makeRouter();
    const reply = await route({ type: 'settings.get' }, { id: fakeBrowser.runtime.id, url: extensionUrl('/options.html') });
    expect(reply.ok).toBe(true);
  });

  it('refuses every page command from a content script (a web page’s origin)', async () => {
    const { route, engine } = makeRouter();
    const contentSender = { id: fakeBrowser.runtime.id, url: 'https://evil.example/page', tab: { id: 3 } as never };
    for (const message of [{ type: 'settings.get' }, { type: 'secrets.reveal', provider: 'xai' }, { type: 'jobs.delete', jobIds: ['x'] }]) {
      const reply = await route(message, contentSender);
      expect(reply).toMatchObject({ ok: false, error: { kind: 'invalid_request', message: 'Not allowed from a page.' } });
    }
    expect(engine.submit).not.toHaveBeenCalled();
  });

  it('passes valid content commands to the content handler only', async () => {
    const { route, onContent } = makeRouter();
    const sender = { id: fakeBrowser.runtime.id, url: 'https://site.example/', tab: { id: 3 } as never };
    await route({ type: 'overlay.cancel', jobId: 'j1' }, sender);
    expect(onContent).toHaveBeenCalledOnce();
  });

  it('refuses messages from other extensions and malformed messages', async () => {
    const { route } = makeRouter();
    expect((await route({ type: 'settings.get' }, { id: 'someone-else', url: 'chrome-extension://someone-else/x.html' })).ok).toBe(false);
    const bad = await route({ type: 'job.submit', input: { request: { mode: 'create-image' } } }, { id: fakeBrowser.runtime.id, url: extensionUrl('/sidepanel.html') });
    expect(bad.ok).toBe(false);
  });
});
