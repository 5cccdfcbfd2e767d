import { describe, expect, it } from 'vitest';
import { canSendAsIs, detectType, fitWithin, IMAGE_LIMITS, prepareImage } from '../../lib/media/prepare-image';
import { jobRequestSchema } from '../../lib/model/request';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';
import { menuItems, referenceTitle } from '../../lib/background/menus/menus';
import { menuOpensPanel } from '../../lib/background/menus/menu-gesture';
import { quickActionRequest } from '../../lib/background/capture/finish';

describe('capture: what is sent as is, what is converted', () => {
  it('keeps API types within the limits, converts the rest', () => {
    expect(canSendAsIs('image/jpeg', 500_000, 1600, 1200, IMAGE_LIMITS)).toBe(true);
    expect(canSendAsIs('image/webp', 500_000, 2048, 100, IMAGE_LIMITS)).toBe(true);
    expect(canSendAsIs('image/jpeg', 500_000, 6000, 4000, IMAGE_LIMITS)).toBe(false); // too many pixels
    expect(canSendAsIs('image/png', 5 * 1024 * 1024, 1000, 1000, IMAGE_LIMITS)).toBe(false); // too many bytes
    for (const type of ['image/gif', 'image/svg+xml', 'image/avif', 'image/bmp', 'image/x-icon', undefined]) {
      expect(canSendAsIs(type, 1000, 10, 10, IMAGE_LIMITS)).toBe(false);
    }
  });

  it('downscales to the longest edge, keeping the ratio', () => {
    expect(fitWithin(6000, 4000, 2048)).toEqual({ width: 2048, height: 1365 });
    expect(fitWithin(1000, 3000, 2048)).toEqual({ width: 683, height: 2048 });
    expect(fitWithin(640, 480, 2048)).toEqual({ width: 640, height: 480 });
  });

  it('sniffs the real type from the bytes', async () => {
    const blob = (bytes: number[] | string, type = '') => new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type });
    expect(await detectType(blob([0xff, 0xd8, 0xff, 0xe0], 'image/png'))).toBe('image/jpeg');
    expect(await detectType(blob('GIF89a....'))).toBe('image/gif');
    expect(await detectType(blob('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBe('image/svg+xml');
    expect(await detectType(blob([0x42, 0x4d, 0, 0]))).toBe('image/bmp');
    expect(await detectType(blob([0, 0, 1, 0, 1, 0]))).toBe('image/x-icon');
    expect(await detectType(blob([0, 0, 0, 0x1c, ...Buffer.from('ftypavif')]))).toBe('image/avif');
    expect(await detectType(blob('<!DOCTYPE html><html>', 'image/jpeg'))).toBe('text/html');
  });

  it('refuses what is not an image with a clear message', async () => {
    await expect(prepareImage(new Blob([]), IMAGE_LIMITS)).rejects.toThrow('empty');
    await expect(prepareImage(new Blob(['<html><body>Not found</body></html>']), IMAGE_LIMITS)).rejects.toThrow('web page, not an image');
    await expect(prepareImage(new Blob(['<svg xmlns="http://www.w3.org/2000/svg"/>']), IMAGE_LIMITS)).rejects.toThrow('SVG');
  });
});

describe('menus and quick actions', () => {
  it('has stable ids, one item per quick action, and the reference count in the title', () => {
    const items = menuItems(DEFAULT_SETTINGS.quickActions, 2);
    const ids = items.map((i) => i.id);
    for (const id of ['reimagine-edit', 'reimagine-edit-area', 'reimagine-animate', 'reimagine-reference', 'reimagine-describe', 'reimagine-edit-video', 'reimagine-extend-video', 'reimagine-generate', 'reimagine-batch']) {
      expect(ids).toContain(id);
    }
    expect(ids.filter((id) => id?.startsWith('reimagine-quick:'))).toEqual(DEFAULT_SETTINGS.quickActions.map((a) => `reimagine-quick:${a.id}`));
    expect(new Set(ids).size).toBe(ids.length);
    expect(items.find((i) => i.id === 'reimagine-reference')?.title).toBe('Add as reference image (2)');
    expect(referenceTitle(0)).toBe('Add as reference image');
    expect(items.find((i) => i.id === 'reimagine-generate')?.contexts).toEqual(['selection']);
    expect(items.find((i) => i.id === 'reimagine-batch')).toMatchObject({ title: 'Reimagine images on this page…', contexts: ['page', 'image'] });
    // "Pick a picture here…" on every context (pictures Chrome does not report as images); "Use this frame" on videos.
    expect(items.find((i) => i.id === 'reimagine-pick')).toMatchObject({ title: 'Pick a picture here…', contexts: ['page', 'link', 'frame', 'selection', 'video', 'image'] });
    expect(items.find((i) => i.id === 'reimagine-use-frame')).toMatchObject({ title: 'Use this frame', contexts: ['video'] });
    expect(menuItems([], 0).some((i) => i.type === 'separator')).toBe(false);
    // "Edit an area…" shows its picker in the panel: the panel opens in the click's own turn.
    expect(menuOpensPanel('reimagine-edit-area')).toBe(true);
    // "Make a story from this page…": the batch picker in the panel, so the panel opens in the click's turn.
    expect(items.find((i) => i.id === 'reimagine-story')).toMatchObject({ title: 'Make a story from this page…', contexts: ['page'] });
    expect(menuOpensPanel('reimagine-story')).toBe(true);
  });

  it('disables, with the reason, the entries the selected provider cannot do', async () => {
    const { PROVIDERS } = await import('../../lib/providers/registry');
    const all = menuItems(DEFAULT_SETTINGS.quickActions, 0, PROVIDERS.xai);
    expect(all.every((i) => i.enabled !== false)).toBe(true);
    const vydra = menuItems(DEFAULT_SETTINGS.quickActions, 0, PROVIDERS.vydra);
    const extend = vydra.find((i) => i.id === 'reimagine-extend-video');
    expect(extend).toMatchObject({ enabled: false, title: 'Extend video… — not with Vydra' });
    expect(vydra.find((i) => i.id === 'reimagine-animate')?.enabled).not.toBe(false);
    const runware = menuItems([], 0, PROVIDERS.runware);
    expect(runware.find((i) => i.id === 'reimagine-describe')).toMatchObject({ enabled: false, title: 'Describe image — not with Runware' });
    expect(PROVIDERS.runware.capabilities.unavailableReason['describe-image']).toMatch(/Runware resells Grok Imagine generation only/);
  });

  it('turns every default quick action into a valid request', () => {
    const source = { mediaId: 'm1', mimeType: 'image/jpeg', bytes: 1000, width: 640, height: 480 };
    for (const action of DEFAULT_SETTINGS.quickActions) {
      const parsed = jobRequestSchema.safeParse(quickActionRequest(action, source, DEFAULT_SETTINGS));
      expect(parsed.success, action.id).toBe(true);
      expect(parsed.data?.mode).toBe(action.mode);
    }
  });
});
