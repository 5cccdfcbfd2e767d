import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ImagineClient } from '../../lib/api/client';
import { ImagineError } from '../../lib/errors/taxonomy';
import { loadCatalog, refreshCatalog, refreshCatalogIfStale } from '../../lib/background/state/catalog-store';
import { saveSecrets, saveSettings, loadSettings } from '../../lib/background/state/settings-store';
import { CATALOG_MAX_AGE_MS, catalogFor, isCatalogStale, type ModelCatalog } from '../../lib/catalog/catalog';
import { parseModelListing } from '../../lib/catalog/listing';
import { capabilitiesOf } from '../../lib/ui/settings-view-store';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';
import { createEmulator, type Emulator } from '../emulator/server';
import { freshDatabase } from './helpers/engine-harness';
import { TEST_TIMING } from '../emulator/timing';

describe('model listing parser', () => {
  it('reads xAI’s {models:[…]} and an OpenAI-style {data:[…]}, with aliases', () => {
    expect(parseModelListing({ models: [{ id: 'a', aliases: ['old-a'] }, { id: 'b' }] })).toEqual({ ids: ['a', 'b'], aliases: { 'old-a': 'a' } });
    expect(parseModelListing({ data: [{ id: 'x', object: 'model' }] })).toEqual({ ids: ['x'], aliases: {} });
  });

  it('skips odd entries instead of discarding the listing', () => {
    const listing = parseModelListing({ models: [{ id: 7 }, null, 'str', { id: 'ok', aliases: 'not-an-array' }, { id: 'ok' }, { id: '' }, { id: 'two', aliases: [1, 'alias', ''] }] });
    expect(listing).toEqual({ ids: ['ok', 'two'], aliases: { alias: 'two' } });
  });

  it('refuses a body that is not a listing, and reads at most 200 entries', () => {
    expect(parseModelListing({ nope: [] })).toBeUndefined();
    expect(parseModelListing('models')).toBeUndefined();
    const many = { models: Array.from({ length: 1_000 }, (_, i) => ({ id: `m${i}` })) };
    expect(parseModelListing(many)?.ids).toHaveLength(200);
  });

  it('does not let an alias named __proto__ reach the prototype', () => {
    const listing = parseModelListing(JSON.parse('{"models":[{"id":"a","aliases":["__proto__","constructor"]}]}'));
    expect(Object.getPrototypeOf(listing?.aliases)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('catalogue freshness and use', () => {
  const catalog: ModelCatalog = { origin: 'https://api.x.ai', fetchedAt: 1_000, image: ['img-2'], video: ['vid-1'], aliases: {} };
  it('is stale after a day, for another origin, with none, or when the clock went back', () => {
    expect(isCatalogStale(catalog, 'https://api.x.ai', 1_000 + CATALOG_MAX_AGE_MS - 1)).toBe(false);
    expect(isCatalogStale(catalog, 'https://api.x.ai', 1_000 + CATALOG_MAX_AGE_MS)).toBe(true);
    expect(isCatalogStale(catalog, 'http://127.0.0.1:9', 2_000)).toBe(true);
    expect(isCatalogStale(undefined, 'https://api.x.ai', 2_000)).toBe(true);
    expect(isCatalogStale(catalog, 'https://api.x.ai', 500)).toBe(true);
  });

  it('feeds the composer’s model lists for xAI only, keeping the bundled list for an empty family', () => {
    const models = catalogFor(catalog, 'https://api.x.ai');
    expect(capabilitiesOf(DEFAULT_SETTINGS, models).models).toEqual({ image: ['img-2'], video: ['vid-1'] });
    const noVideo = catalogFor({ ...catalog, video: [] }, 'https://api.x.ai');
    expect(capabilitiesOf(DEFAULT_SETTINGS, noVideo).models.video).toContain('grok-imagine-video');
    expect(capabilitiesOf({ ...DEFAULT_SETTINGS, provider: 'vydra' }, models).models.image).not.toContain('img-2');
    expect(catalogFor(catalog, 'https://other.example')).toBeUndefined();
  });
});

describe('catalogue refresh against the emulator', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await createEmulator({ ...TEST_TIMING, port: 0 });
  });
  afterAll(() => emulator.close());
  beforeEach(() => {
    emulator.reset();
    fakeBrowser.reset();
    freshDatabase();
  });

  it('lists the models the key may use; retired slugs come back as aliases, not as models', async () => {
    const client = new ImagineClient({ apiKey: 'xai-emulator-key', baseUrl: emulator.apiBaseUrl });
    const image = await client.listModels('image');
    expect(image.ids).toContain('grok-imagine-image-2.0');
    expect(image.ids).not.toContain('grok-imagine-image-quality');
    expect(image.aliases['grok-imagine-image-quality']).toBe('grok-imagine-image-2.0');
    expect((await client.listModels('video')).ids).toContain('grok-imagine-video-1.5');
  });

  it('a wrong key is an invalid_key error, like every other call', async () => {
    const client = new ImagineClient({ apiKey: 'xai-wrong', baseUrl: emulator.apiBaseUrl });
    await expect(client.listModels('image')).rejects.toBeInstanceOf(ImagineError);
  });

  it('stores what it read, and refreshes at start only when stale', async () => {
    await saveSettings({ ...(await loadSettings()), baseUrls: { ...DEFAULT_SETTINGS.baseUrls, xai: emulator.apiBaseUrl } });
    await saveSecrets({ xai: 'xai-emulator-key' });
    const stored = await refreshCatalog({ apiKey: 'xai-emulator-key', baseUrl: emulator.apiBaseUrl, now: 10_000 });
    expect(await loadCatalog()).toEqual(stored);
    const listings = () => emulator.requests.filter((r) => r.path.endsWith('-generation-models')).length;
    expect(listings()).toBe(2);
    await refreshCatalogIfStale(10_000 + 60_000);
    expect(listings()).toBe(2);
    await refreshCatalogIfStale(10_000 + CATALOG_MAX_AGE_MS);
    expect(listings()).toBe(4);
    expect((await loadCatalog())?.fetchedAt).toBe(10_000 + CATALOG_MAX_AGE_MS);
  });

  it('offline: the cached catalogue stays', async () => {
    await saveSettings({ ...(await loadSettings()), baseUrls: { ...DEFAULT_SETTINGS.baseUrls, xai: emulator.apiBaseUrl } });
    await saveSecrets({ xai: 'xai-emulator-key' });
    const stored = await refreshCatalog({ apiKey: 'xai-emulator-key', baseUrl: emulator.apiBaseUrl, now: 10_000 });
    emulator.inject({ route: 'GET /v1/image-generation-models', kind: 'server_error', status: 503 });
    await refreshCatalogIfStale(10_000 + CATALOG_MAX_AGE_MS);
    expect(await loadCatalog()).toEqual(stored);
  });
});
