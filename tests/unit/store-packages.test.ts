import { existsSync, readFileSync, statSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeStorePackages, storePackagePaths } from '../../scripts/zip';

/**
 * What `npm run zip` hands to the stores (`npm test` runs it first; run alone, this makes them): release
 * manifests only — no loopback or *.test host, no test hook —, every file a manifest names, the sources
 * AMO asks for without dependencies or build output, sizes within budget, and the permission table of
 * docs/store/permissions.md equal to what the manifests ask for.
 */
const PATHS = storePackagePaths();
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
/** Our budgets, far under the stores' limits: a jump means something got bundled by mistake. */
const PACKAGE_BUDGET = 1024 * 1024;
const SOURCES_BUDGET = 2 * 1024 * 1024;

type Manifest = {
  manifest_version: number;
  name: string;
  description: string;
  default_locale: string;
  version: string;
  permissions: string[];
  host_permissions: string[];
  optional_host_permissions: string[];
  background: { service_worker?: string; scripts?: string[] };
  action: { default_popup: string };
  options_ui: { page: string };
  side_panel?: { default_path: string };
  sidebar_action?: { default_panel: string };
  icons: Record<string, string>;
  browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: { required?: string[] } } };
};

let files: Record<'chrome' | 'firefox' | 'sources', Record<string, Uint8Array>>;
const manifestOf = (kind: 'chrome' | 'firefox') => JSON.parse(strFromU8(files[kind]['manifest.json']!)) as Manifest;

beforeAll(() => {
  if (!Object.values(PATHS).every(existsSync)) makeStorePackages();
  files = {
    chrome: unzipSync(readFileSync(PATHS.chrome)),
    firefox: unzipSync(readFileSync(PATHS.firefox)),
    sources: unzipSync(readFileSync(PATHS.sources)),
  };
}, 240_000);

/** Rows of the permission table: permission → the browsers whose column says "yes". */
function permissionTable(): Map<string, Set<string>> {
  const rows = new Map<string, Set<string>>();
  for (const line of readFileSync('docs/store/permissions.md', 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const name = /^`([^`]+)`/.exec(cells[1] ?? '')?.[1];
    if (!name) continue;
    rows.set(name, new Set([cells[2] === 'yes' ? 'chrome' : '', cells[3] === 'yes' ? 'firefox' : ''].filter(Boolean)));
  }
  return rows;
}

const everyPermission = (m: Manifest) => [...m.permissions, ...m.host_permissions, ...m.optional_host_permissions].sort();
const isTestHost = (pattern: string) => /127\.|localhost|\[::1\]|\.test[/:]|\.test$/.test(pattern);

describe.each(['chrome', 'firefox'] as const)('the %s package', (kind) => {
  it('has a release manifest: name, version, MV3, only the release hosts', () => {
    const manifest = manifestOf(kind);
    expect(manifest).toMatchObject({ manifest_version: 3, name: '__MSG_extension_name__', description: '__MSG_extension_description__', default_locale: 'en', version: VERSION });
    expect(manifest.host_permissions).toEqual(['https://api.x.ai/*', 'https://imgen.x.ai/*', 'https://vidgen.x.ai/*']);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    for (const pattern of everyPermission(manifest)) expect(isTestHost(pattern), pattern).toBe(false);
  });

  it('names itself in all seven languages, within the store limit of 132 characters for the description', () => {
    const locales = Object.keys(files[kind]).flatMap((name) => /^_locales\/([^/]+)\/messages\.json$/.exec(name)?.[1] ?? []).sort();
    expect(locales).toEqual(['de', 'en', 'es', 'fr', 'ja', 'pt_BR', 'zh_CN']);
    for (const locale of locales) {
      const messages = JSON.parse(strFromU8(files[kind][`_locales/${locale}/messages.json`]!)) as Record<string, { message: string }>;
      expect(messages.extension_name?.message, locale).toBe('Reimagine');
      const description = messages.extension_description?.message ?? '';
      expect(description.length, `${locale}: ${description}`).toBeGreaterThan(20);
      expect(description.length, `${locale}: ${description}`).toBeLessThanOrEqual(132);
    }
  });

  it('holds every file its manifest names, no source maps and no test hook', () => {
    const manifest = manifestOf(kind);
    const named = [
      ...(manifest.background.scripts ?? [manifest.background.service_worker!]),
      manifest.action.default_popup,
      manifest.options_ui.page,
      manifest.side_panel?.default_path ?? manifest.sidebar_action!.default_panel,
      ...Object.values(manifest.icons),
      'page.js', // injected at runtime by scripting.executeScript (lib/background/capture/)
      'picker.js', // injected beside it for "Pick a picture here…" (lib/background/page/pick.ts)
    ];
    for (const file of named) expect(Object.keys(files[kind]), file).toContain(file);
    const names = Object.keys(files[kind]);
    expect(names.filter((n) => n.endsWith('.map'))).toEqual([]);
    for (const name of names.filter((n) => n.endsWith('.js'))) expect(strFromU8(files[kind][name]!), name).not.toContain('__reimagineMenuClick');
  });

  it(`stays within ${PACKAGE_BUDGET / 1024} KiB`, () => {
    const size = statSync(PATHS[kind]).size;
    console.log(`${PATHS[kind]}: ${(size / 1024).toFixed(0)} KiB`);
    expect(size).toBeLessThan(PACKAGE_BUDGET);
  });

  it('asks for exactly the permissions docs/store/permissions.md justifies', () => {
    const table = permissionTable();
    const documented = [...table].filter(([, browsers]) => browsers.has(kind)).map(([name]) => name).sort();
    expect(everyPermission(manifestOf(kind))).toEqual(documented);
  });
});

describe('browser specifics', () => {
  it('Chrome: side panel and offscreen document', () => {
    const manifest = manifestOf('chrome');
    expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(manifest.background).toEqual({ service_worker: 'background.js' });
    expect(Object.keys(files.chrome)).toContain('offscreen.html');
    // The worker's services, which background.js loads with importScripts (lib/background/services-loader.ts).
    expect(Object.keys(files.chrome)).toContain('background-services.js');
  });

  it('Firefox: gecko id and data collection, sidebar_action, an event page, nothing Chrome-only', () => {
    const manifest = manifestOf('firefox');
    expect(manifest.browser_specific_settings?.gecko?.id).toBe('reimagine@example.org');
    expect(manifest.browser_specific_settings?.gecko?.data_collection_permissions?.required).toEqual(['websiteContent']);
    expect(manifest.sidebar_action?.default_panel).toBe('sidepanel.html');
    expect(manifest.background).toEqual({ scripts: ['background.js'] });
    expect(manifest.side_panel).toBeUndefined();
    expect(manifest.permissions).not.toContain('sidePanel');
    expect(manifest.permissions).not.toContain('offscreen');
    expect(Object.keys(files.firefox)).not.toContain('offscreen.html');
    expect(Object.keys(files.firefox)).not.toContain('background-services.js'); // inside background.js there
  });
});

describe('the sources package (AMO)', () => {
  it('holds what a reviewer rebuilds from, and no dependencies, output or test artefacts', () => {
    const names = Object.keys(files.sources);
    for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md', 'entrypoints/background.ts', 'lib/background/main.ts']) {
      expect(names, needed).toContain(needed);
    }
    const unwanted = names.filter((n) => /^(node_modules|\.output|\.wxt|test-results|playwright-report|tests|bench|demo-output|bench-output)(\/|-)/.test(n) || n.includes('/node_modules/'));
    expect(unwanted).toEqual([]);
  });

  it(`stays within ${SOURCES_BUDGET / 1024} KiB`, () => {
    const size = statSync(PATHS.sources).size;
    console.log(`${PATHS.sources}: ${(size / 1024).toFixed(0)} KiB`);
    expect(size).toBeLessThan(SOURCES_BUDGET);
  });
});
