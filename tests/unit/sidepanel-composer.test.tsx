// @vitest-environment happy-dom
import 'fake-indexeddb/auto'; // the source tray reads thumbnails from IndexedDB
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PROVIDERS } from '../../lib/providers/registry';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';
import { draftFromSettings, estimateDraft, validateDraft, type Draft } from '../../lib/ui/composer-draft';
import { maxSources, videoDurationFor } from '../../lib/ui/composer-controls';

const sendMock = vi.hoisted(() => vi.fn());
vi.mock('../../lib/messaging/client', () => ({ send: sendMock }));

const { Composer } = await import('../../components/Composer');
const { useComposer } = await import('../../lib/ui/composer-store');
const { useSettings } = await import('../../lib/ui/settings-view-store');

const xai = PROVIDERS.xai.capabilities;
/** The rules below are checked against the 1.0 models' limits (3 edit sources, 480p/720p, $0.02 a picture). */
const ON_1_0: Partial<Draft> = { imageModel: 'grok-imagine-image', videoModel: 'grok-imagine-video', videoResolution: '480p' };
const draft = (patch: Partial<Draft>): Draft => ({ ...draftFromSettings(DEFAULT_SETTINGS), ...ON_1_0, ...patch });
const fieldsOf = (d: Draft, caps = xai) => {
  const v = validateDraft(d, caps);
  return v.ok ? {} : v.fields;
};
const png = { mediaId: 'm1', mimeType: 'image/png', bytes: 1000 };
const mp4 = { mediaId: 'v1', mimeType: 'video/mp4', bytes: 1000 };

describe('validateDraft (the same schema the background uses, plus provider capabilities)', () => {
  it('accepts a complete create-image draft and builds the request', () => {
    const v = validateDraft(draft({ prompt: '  a fox  ', n: 2 }), xai);
    expect(v.ok && v.request).toMatchObject({ mode: 'create-image', prompt: 'a fox', n: 2, model: 'grok-imagine-image', aspectRatio: '1:1' });
  });

  it('limits follow the selected model within the provider: edit sources, references, durations', () => {
    expect(maxSources('edit-image', xai, 'grok-imagine-image-2.0')).toBe(5);
    expect(maxSources('edit-image', xai, 'grok-imagine-image')).toBe(3);
    expect(maxSources('edit-image', xai, 'someone-elses-model')).toBe(3);
    expect(maxSources('reference-video', xai, 'grok-imagine-video-1.5')).toBe(7);
    expect(videoDurationFor('grok-imagine-video-1.5', xai)).toEqual({ min: 1, max: 15 });
    expect(videoDurationFor('not-known', { ...xai, videoDuration: { min: 2, max: 10 } })).toEqual({ min: 2, max: 10 });
    expect(videoDurationFor('grok-imagine-video', { ...xai, videoDuration: { min: 2, max: 10 } })).toEqual({ min: 2, max: 10 });
  });

  it('reports each field with the message shown inline', () => {
    expect(fieldsOf(draft({ prompt: '' }))).toEqual({ prompt: 'Write a prompt.' });
    expect(fieldsOf(draft({ prompt: 'x', n: 11 })).n).toBe('Count must be 1 to 10.');
    expect(fieldsOf(draft({ prompt: 'x', n: 0 })).n).toBe('Count must be 1 to 10.');
    expect(fieldsOf(draft({ prompt: 'x', imageModel: '  ' })).model).toBe('Choose a model.');
    expect(fieldsOf(draft({ mode: 'edit-image', prompt: 'x' })).sources).toBe('Add a source image.');
    expect(fieldsOf(draft({ mode: 'edit-image', prompt: 'x', sources: [png, png, png, png] })).sources).toMatch(/At most 3/);
    expect(fieldsOf(draft({ mode: 'create-video', prompt: 'x', duration: 20 })).duration).toBe('Duration must be 1 to 15 s.');
    expect(fieldsOf(draft({ mode: 'extend-video', prompt: 'x', sources: [mp4], extendDuration: 12 })).duration).toBe('Extension must be 2 to 10 s.');
    expect(fieldsOf(draft({ mode: 'create-video', prompt: 'x', videoResolution: '1080p' })).resolution).toMatch(/1080p needs grok-imagine-video-1.5/);
    expect(fieldsOf(draft({ mode: 'create-video', prompt: 'x', videoModel: 'grok-imagine-video-1.5', videoResolution: '1080p' }))).toEqual({});
  });

  it('applies the model prompt limit, source kinds and types', () => {
    expect(fieldsOf(draft({ prompt: 'x'.repeat(1025) })).prompt).toMatch(/longer than 1024/);
    expect(fieldsOf(draft({ mode: 'edit-video', prompt: 'x', sources: [png] })).sources).toMatch(/needs a video/);
    expect(fieldsOf(draft({ mode: 'edit-image', prompt: 'x', sources: [{ ...png, mimeType: 'image/gif' }] })).sources).toMatch(/use JPEG, PNG or WebP/);
    expect(fieldsOf(draft({ mode: 'animate-image', prompt: '', sources: [png] }))).toEqual({}); // prompt optional
  });

  it('refuses modes the provider does not offer, with its reason', () => {
    const caps = { ...xai, modes: { ...xai.modes, 'edit-video': undefined }, unavailableReason: { 'edit-video': 'Vydra cannot edit videos.' } };
    expect(fieldsOf(draft({ mode: 'edit-video', prompt: 'x', sources: [mp4] }), caps).mode).toBe('Vydra cannot edit videos.');
  });

  it('2.0: a quality control, always sent; 5 sources and the wide ratios; 1.0 keeps 3 and refuses them', () => {
    const two = draft({ mode: 'edit-image', prompt: 'x', n: 2, imageModel: 'grok-imagine-image-2.0', quality: 'medium', sources: [png, png, png, png, png] });
    const checked = validateDraft(two, xai);
    expect(checked).toMatchObject({ ok: true, request: { quality: 'medium' } });
    expect(estimateDraft(two, xai)?.estimate).toEqual({ usd: 0.17, lines: ['2 images × $0.06 (1k, medium)', '5 input images × $0.01'] });
    expect(fieldsOf({ ...two, imageModel: 'grok-imagine-image' }, xai).sources).toMatch(/At most 3/);
    expect(fieldsOf(draft({ prompt: 'x', imageModel: 'grok-imagine-image', imageAspectRatio: '21:9' }), xai).aspectRatio).toMatch(/21:9/);
    const auto = estimateDraft(draft({ prompt: 'x', imageModel: 'grok-imagine-image-2.0', quality: 'auto' }), xai)?.estimate;
    expect(auto).toMatchObject({ usd: 0.06, range: { min: 0.04, max: 0.06 } });
    const one = validateDraft(draft({ prompt: 'x', imageModel: 'grok-imagine-image' }), xai);
    expect(one.ok && 'quality' in one.request).toBe(false);
  });

  it('a retired slug is priced as 2.0 low, and says so', () => {
    expect(estimateDraft(draft({ prompt: 'x', imageModel: 'grok-imagine-image-quality' }), xai)?.estimate).toEqual({
      usd: 0.04,
      lines: ['1 image × $0.04 (1k, served by grok-imagine-image-2.0 low)'],
    });
  });

  it('estimates cost per image and per second', () => {
    expect(estimateDraft(draft({ prompt: 'x', n: 3 }), xai)).toMatchObject({ estimate: { usd: 0.06, lines: ['3 images × $0.02 (1k)'] } });
    expect(estimateDraft(draft({ mode: 'edit-image', prompt: 'x', n: 1, sources: [png, png] }), xai)).toMatchObject({ estimate: { usd: 0.024 } });
    expect(estimateDraft(draft({ mode: 'create-video', prompt: 'x', duration: 10, videoModel: 'grok-imagine-video-1.5', videoResolution: '720p' }), xai)).toMatchObject({
      estimate: { usd: 1.4, lines: ['10 s × $0.14/s (720p)'] },
    });
    expect(estimateDraft(draft({ prompt: 'x', imageModel: 'my-model' }), xai)).toEqual({ model: 'my-model' });
    // The price is in view before the prompt is written (it does not depend on the words)…
    expect(estimateDraft(draft({ prompt: '', n: 2 }), xai)).toMatchObject({ estimate: { usd: 0.04 } });
    // …but not while the request could not be made (an edit without its source image).
    expect(estimateDraft(draft({ mode: 'edit-image', prompt: '' }), xai)).toBeUndefined();
  });
});

describe('<Composer>', () => {
  beforeEach(() => {
    sendMock.mockReset();
    sendMock.mockImplementation(async (command: { type: string }) => {
      if (command.type === 'settings.get') return { ok: true, settings: DEFAULT_SETTINGS, maskedKeys: { xai: 'xai-••••', vydra: undefined, runware: undefined } };
      if (command.type === 'job.submit') return { ok: true, jobId: 'j1' };
      return { ok: true };
    });
    useSettings.setState({ settings: DEFAULT_SETTINGS, loaded: true, hasKey: true, error: undefined });
    useComposer.setState({ draft: draftFromSettings(DEFAULT_SETTINGS), origin: undefined, notice: undefined });
  });
  afterEach(cleanup);

  const submits = () => sendMock.mock.calls.filter(([c]) => (c as { type: string }).type === 'job.submit');

  it('shows inline errors and sends nothing until the draft is valid', async () => {
    render(<Composer />);
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    expect(await screen.findByText('Write a prompt.')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Prompt' }).getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(screen.getByLabelText('Count'), { target: { value: '12' } });
    expect(await screen.findByText('Count must be 1 to 10.')).toBeTruthy();
    expect(submits()).toHaveLength(0);

    fireEvent.change(screen.getByRole('textbox', { name: 'Prompt' }), { target: { value: 'a lighthouse' } });
    fireEvent.change(screen.getByLabelText('Count'), { target: { value: '2' } });
    expect(screen.queryByText('Write a prompt.')).toBeNull();
    // Today's default model, Grok Imagine 2.0 at quality low: $0.04 a picture.
    expect(screen.getByTestId('cost-estimate').textContent).toBe('$0.08');
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Prompt' }), { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(submits()).toHaveLength(1));
    expect(submits()[0]![0]).toMatchObject({ type: 'job.submit', input: { provider: 'xai', request: { mode: 'create-image', prompt: 'a lighthouse', n: 2 } } });
  });

  it('the Image | Video switch keeps the one Mode group whole and keeps attached sources where it can', () => {
    render(<Composer />);
    // All seven modes stay radios of one group, whichever kind is shown.
    expect(screen.getAllByRole('radio')).toHaveLength(7);
    fireEvent.click(screen.getByRole('radio', { name: 'Edit image' }));
    act(() => useComposer.setState({ draft: { ...useComposer.getState().draft, sources: [png] } }));
    fireEvent.click(screen.getByRole('button', { name: 'Video' }));
    // Not Create video (which takes no source): Animate image, with the picture.
    expect((screen.getByRole('radio', { name: 'Animate image' }) as HTMLInputElement).checked).toBe(true);
    expect(useComposer.getState().draft.sources).toEqual([png]);
    expect(screen.getByRole('button', { name: 'Video' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Image' }));
    expect((screen.getByRole('radio', { name: 'Edit image' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getAllByRole('radio')).toHaveLength(7);
  });

  it('the folded settings line names the model, count, resolution and the estimate to its precision', () => {
    render(<Composer />);
    fireEvent.click(screen.getByRole('radio', { name: 'Edit image' }));
    act(() => useComposer.setState({ draft: { ...useComposer.getState().draft, imageModel: 'grok-imagine-image', sources: [png], prompt: 'x' } }));
    const summary = document.querySelector('details.settings > summary')!;
    expect(summary.getAttribute('aria-label')).toBe('Settings: 1.0, 1 image, 1k, $0.022'); // $0.02 + one input image at $0.002
    expect(screen.getByTestId('cost-estimate').textContent).toBe('$0.022');
  });

  it('shows only the controls a mode takes, and a character count against the limit', async () => {
    render(<Composer />);
    const mode = screen.getByRole('radiogroup', { name: 'Mode' });
    expect(mode).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Create video' }));
    expect(screen.getByLabelText('Duration (s)')).toBeTruthy();
    expect(screen.queryByLabelText('Count')).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'Edit video' }));
    expect(screen.queryByLabelText('Duration (s)')).toBeNull();
    expect(screen.queryByLabelText('Resolution')).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'Extend video' }));
    expect(screen.getByLabelText('Extend by (s)')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: 'Prompt' }), { target: { value: 'x'.repeat(1030) } });
    expect(screen.getByText(/1030\/1024/)).toBeTruthy();
    // Screen readers get one sentence with both numbers (one key), not "1030/1024" plus a stray word.
    expect(document.getElementById('prompt-count')?.querySelector('.visually-hidden')?.textContent).toBe('1030 of 1024 characters');
    expect(screen.getByText(/longer than 1024 characters/)).toBeTruthy();
  });

  it('shows the server’s field errors and the spending-cap refusal clearly', async () => {
    sendMock.mockImplementation(async (command: { type: string }) =>
      command.type === 'job.submit'
        ? { ok: false, error: { kind: 'spending_cap', message: "Today's spending is $1.00 of your $1.00 cap. Raise the cap in Options or try tomorrow." } }
        : { ok: true, settings: DEFAULT_SETTINGS, maskedKeys: {} },
    );
    render(<Composer />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Prompt' }), { target: { value: 'a teapot' } });
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Daily spending cap reached/);
    expect(screen.getByRole('button', { name: 'Open Options' })).toBeTruthy();
    // The prompt is kept.
    expect((screen.getByRole('textbox', { name: 'Prompt' }) as HTMLTextAreaElement).value).toBe('a teapot');
  });

  it('Suggest a prompt: only with a source, off with the reseller’s reason, a refused call keeps the prompt', async () => {
    render(<Composer />);
    expect(screen.queryByRole('button', { name: 'Suggest a prompt' })).toBeNull(); // create image: no source
    fireEvent.click(screen.getByRole('radio', { name: 'Edit image' }));
    expect((screen.getByRole('button', { name: 'Suggest a prompt' }) as HTMLButtonElement).disabled).toBe(true);
    useComposer.setState({ draft: { ...useComposer.getState().draft, sources: [png], prompt: 'make it winter' } });
    sendMock.mockImplementation(async (command: { type: string }) =>
      command.type === 'vision.run' ? { ok: false, error: { kind: 'rate_limited', message: 'Too many requests' } } : { ok: true },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Suggest a prompt' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(sendMock.mock.calls.some(([c]) => (c as { type: string; intent?: string }).type === 'vision.run' && (c as { intent?: string }).intent === 'make it winter')).toBe(true);
    expect((screen.getByRole('textbox', { name: 'Prompt' }) as HTMLTextAreaElement).value).toBe('make it winter');

    useSettings.setState({ settings: { ...DEFAULT_SETTINGS, provider: 'vydra' } });
    const button = await screen.findByRole('button', { name: 'Suggest a prompt' });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(true));
    expect(screen.getByText(/Vydra resells image and video generation only/)).toBeTruthy();
  });
});
