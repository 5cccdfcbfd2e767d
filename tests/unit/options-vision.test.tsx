// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NO_KEY_CODE } from '../../lib/errors/taxonomy';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';

const sendMock = vi.hoisted(() => vi.fn());
vi.mock('../../lib/messaging/client', () => ({ send: sendMock }));

const { VisionSection } = await import('../../components/options/VisionSection');

/** Options' "Image understanding": what it says comes from the worker's reply, and a newly saved key lists its models. */
const section = (savedKey: string) => <VisionSection draft={DEFAULT_SETTINGS} update={() => undefined} errors={{}} savedKey={savedKey} />;
const status = () => screen.getByRole('status');

beforeEach(() => sendMock.mockReset());
afterEach(cleanup);

describe('VisionSection', () => {
  it('asks for a key by the error code, whatever language the worker wrote its sentence in', async () => {
    sendMock.mockResolvedValue({ ok: false, error: { kind: 'invalid_key', code: NO_KEY_CODE, message: 'Speichere zuerst einen API-Schlüssel.' } });
    render(section('xai:'));
    await waitFor(() => expect(status().textContent).toBe('Save your API key to list the models it may use.'));
  });

  it('a key the provider refused is not mistaken for a missing one, even when its text says "save an API key"', async () => {
    sendMock.mockResolvedValue({ ok: false, error: { kind: 'invalid_key', message: 'Save an API key first.' } });
    render(section('xai:xai-…abcd'));
    await waitFor(() => expect(status().textContent).toMatch(/^Could not list models: Invalid API key/));
  });

  it('lists again when a key is saved, not on every re-render', async () => {
    sendMock.mockResolvedValueOnce({ ok: false, error: { kind: 'invalid_key', code: NO_KEY_CODE, message: 'Save an API key first.' } });
    const { rerender } = render(section('xai:'));
    await waitFor(() => expect(status().textContent).toBe('Save your API key to list the models it may use.'));
    rerender(section('xai:'));
    expect(sendMock).toHaveBeenCalledTimes(1);
    sendMock.mockResolvedValueOnce({ ok: true, models: ['grok-4.3', 'grok-4'] });
    rerender(section('xai:xai-••••abcd'));
    await waitFor(() => expect(status().textContent).toBe('2 models of your key take images.'));
    expect(sendMock).toHaveBeenCalledTimes(2);
    expect(sendMock).toHaveBeenLastCalledWith({ type: 'vision.models' });
  });
});
