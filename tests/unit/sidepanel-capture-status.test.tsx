// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { browser } from 'wxt/browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';
import { draftFromSettings } from '../../lib/ui/composer-draft';

/** The panel while a right-clicked page image is read: placeholder, no Generate, and the ways out of a failure. */
const sendMock = vi.hoisted(() => vi.fn());
vi.mock('../../lib/messaging/client', () => ({ send: sendMock }));

// Fresh modules (vitest runs with isolate: false): another file in this thread may already have loaded the panel's
// stores with the real messaging client, and the mock above must be the one the Composer sends through.
vi.resetModules();
const { Composer } = await import('../../components/Composer');
const { useComposer } = await import('../../lib/ui/composer-store');
const { useSettings } = await import('../../lib/ui/settings-view-store');

const png = { mediaId: 'm1', mimeType: 'image/png', bytes: 1000 };

describe('capture states in the composer', () => {
  beforeEach(() => {
    sendMock.mockReset();
    sendMock.mockResolvedValue({ ok: true, jobId: 'j1' });
    useSettings.setState({ settings: DEFAULT_SETTINGS, loaded: true, hasKey: true, error: undefined });
    useComposer.setState({ draft: draftFromSettings(DEFAULT_SETTINGS), origin: undefined, notice: undefined, capture: undefined });
  });
  afterEach(() => cleanup());

  it('pending: the requested mode at once, a "Reading image…" placeholder, and no Generate (not even Ctrl+Enter)', async () => {
    render(<Composer />);
    useComposer.getState().handOver({ mode: 'edit-image', sources: [], capture: { id: 'c1', state: 'pending', host: 'cdn.test' } });
    expect(await screen.findByRole('status', { name: 'Reading image…' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: /Edit image/ })).toHaveProperty('checked', true);
    const generate = screen.getByRole('button', { name: 'Generate' });
    expect(generate).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByRole('textbox', { name: 'Prompt' }), { target: { value: 'make it blue' } });
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Prompt' }), { key: 'Enter', ctrlKey: true });
    // Switching to Create while waiting does not offer Generate either.
    fireEvent.click(screen.getByRole('radio', { name: /Create image/ }));
    expect(screen.getByRole('button', { name: 'Generate' })).toHaveProperty('disabled', true);
    expect(sendMock).not.toHaveBeenCalled();

    // Ready: the image arrives in the requested mode, the prompt typed meanwhile is kept, Generate is back.
    useComposer.getState().handOver({ mode: 'edit-image', sources: [png], capture: { id: 'c1', state: 'ready' } });
    await waitFor(() => expect(screen.queryByRole('status', { name: 'Reading image…' })).toBeNull());
    expect(screen.getByRole('button', { name: 'Generate' })).toHaveProperty('disabled', false);
    expect(useComposer.getState().draft).toMatchObject({ mode: 'edit-image', prompt: 'make it blue', sources: [png] });
  });

  it('a late answer about an older right-click does not replace the pending one', () => {
    useComposer.getState().handOver({ mode: 'edit-image', sources: [], capture: { id: 'new', state: 'pending' } });
    useComposer.getState().handOver({ mode: 'animate-image', sources: [png], capture: { id: 'old', state: 'ready' } });
    expect(useComposer.getState()).toMatchObject({ draft: { mode: 'edit-image', sources: [] }, capture: { id: 'new', state: 'pending' } });
  });

  it('failed for lack of access: names the host, "Allow access" requests exactly that origin, then asks for a retry', async () => {
    const request = vi.spyOn(browser.permissions, 'request').mockResolvedValue(true as never);
    render(<Composer />);
    useComposer.getState().handOver({
      mode: 'edit-image',
      sources: [],
      capture: { id: 'c2', state: 'failed', message: 'Reimagine does not have access to cdn.test, where this image is stored.', accessOrigin: 'http://cdn.test', canScreenshot: true },
    });
    expect((await screen.findByRole('alert')).textContent).toContain('cdn.test');
    expect(screen.getByRole('button', { name: 'Generate' })).toHaveProperty('disabled', false); // failed: the draft decides
    fireEvent.click(screen.getByRole('button', { name: 'Allow access to cdn.test' }));
    expect(request).toHaveBeenCalledWith({ origins: ['http://cdn.test/*'] });
    await waitFor(() => expect(sendMock).toHaveBeenCalledWith({ type: 'capture.retry', captureId: 'c2' }));
  });

  it('refused grant and the screenshot fallback', async () => {
    vi.spyOn(browser.permissions, 'request').mockResolvedValue(false as never);
    sendMock.mockResolvedValue({ ok: false, error: { kind: 'invalid_request', message: 'This image is no longer waiting; right-click it again.' } });
    render(<Composer />);
    useComposer.getState().handOver({ mode: 'edit-image', sources: [], capture: { id: 'c3', state: 'failed', message: 'No access.', accessOrigin: 'http://cdn.test', canScreenshot: true } });
    fireEvent.click(await screen.findByRole('button', { name: 'Allow access to cdn.test' }));
    expect(await screen.findByText('Reimagine still cannot read images on cdn.test.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Use a screenshot instead' }));
    expect(sendMock).toHaveBeenCalledWith({ type: 'capture.screenshot', captureId: 'c3' });
    expect(await screen.findByText('This image is no longer waiting; right-click it again.')).toBeTruthy();
  });

  it('a screenshot source is labelled as one in the tray', async () => {
    render(<Composer />);
    useComposer.getState().handOver({ mode: 'edit-image', sources: [{ ...png, screenshot: true }], capture: { id: 'c4', state: 'ready' } });
    expect(await screen.findByRole('listitem', { name: /Source 1.*screenshot/ })).toBeTruthy();
    expect(screen.getByText('Screenshot')).toBeTruthy();
  });
});
