/**
 * `npm run build:e2e`: the builds the end-to-end tests and the demo load. Each is the release build plus
 * REIMAGINE_EXTRA_HOST_PERMISSIONS; a plain `npm run build` never sets it.
 * - `.output/e2e` (the default): the local emulator (http://127.0.0.1) and the fixture page host site.test,
 *   which stands in for the activeTab grant a real right-click gives, plus the resellers' media hosts
 *   (saving a reseller in Options asks for them, and Playwright cannot answer a permission prompt). The
 *   fixture CDN (cdn.test) is deliberately not granted: page images from other hosts must work as for a user.
 * - `.output/e2e-cdn`: also holds cdn.test, third.test and img.site.test (a same-site image host) — the state after "Allow access to cdn.test".
 * - `.output/e2e-bare`: only the emulator and site.test — a reseller's media host not (yet) allowed.
 * - `.output/e2e-capture`: `<all_urls>`, which lets tabs.captureVisibleTab run as the activeTab grant of a real
 *   right-click would ("Pick a picture here…"'s dragged area and the screenshot fallback).
 * - `.output/e2e-firefox` (`npm run build:e2e firefox`, run by `npm run test:firefox`): the Firefox build with
 *   the `e2e` hosts and WXT_E2E_HOOKS=1, which lets the Firefox smoke reach the menu click handler
 *   (Firefox events have no `dispatch()`). Only this build sets it.
 * - `.output/e2e-pseudo`: `.output/e2e` with the pseudo-locale in place of English (what REIMAGINE_PSEUDO_LOCALE=1
 *   builds).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { generateChromeMessagesText, parseMessagesObject } from '@wxt-dev/i18n/build';
import { pseudoMessages } from './pseudo-locale';

const BARE = ['http://127.0.0.1/*', 'http://site.test/*'];
const RESELLER_MEDIA = ['https://cdn.vydra.ai/*', 'https://im.runware.ai/*', 'https://vm.runware.ai/*'];

export const E2E_BUILDS = {
  e2e: [...BARE, ...RESELLER_MEDIA],
  'e2e-cdn': [...BARE, ...RESELLER_MEDIA, 'http://cdn.test/*', 'http://third.test/*', 'http://img.site.test/*'],
  'e2e-bare': BARE,
  // captureVisibleTab needs the right-click's activeTab grant or <all_urls>; a dispatched menu click gives
  // no grant, so the picker's area screenshots are tested on a build holding <all_urls>.
  'e2e-capture': [...BARE, ...RESELLER_MEDIA, '<all_urls>'],
} as const;
type Variant = keyof typeof E2E_BUILDS;

/** The one real build: wxt with REIMAGINE_EXTRA_HOST_PERMISSIONS, exactly as the demo builds. */
function build(outDir: string, hosts: readonly string[], extraEnv: Record<string, string> = {}, browser: 'chrome' | 'firefox' = 'chrome'): void {
  const hooks = browser === 'firefox' ? { WXT_E2E_HOOKS: '1' } : {};
  execFileSync('npx', ['wxt', 'build', '-b', browser], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...hooks, ...extraEnv, WXT_OUT_DIR: outDir, REIMAGINE_EXTRA_HOST_PERMISSIONS: hosts.join(',') },
  });
  console.log(`built ${outDir} (test build, extra hosts: ${hosts.join(', ')}${extraEnv.REIMAGINE_PSEUDO_LOCALE ? ', pseudo-locale' : ''})`);
}

/**
 * The other variants differ from `e2e` only in the manifest's host_permissions (the variable touches
 * nothing else: wxt.config.ts), so they are copies of it with that list rewritten — two wxt builds fewer
 * in every `npm test`.
 */
function derive(from: string, outDir: string, hosts: readonly string[]): void {
  rmSync(outDir, { recursive: true, force: true });
  cpSync(from, outDir, { recursive: true });
  const manifestPath = `${outDir}/chrome-mv3/manifest.json`;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions: string[] };
  const release = manifest.host_permissions.filter((pattern) => !(E2E_BUILDS.e2e as readonly string[]).includes(pattern));
  manifest.host_permissions = [...release, ...hosts];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  console.log(`built ${outDir} (copy of ${from}, extra hosts: ${hosts.join(', ')})`);
}

const only = process.argv[2] as Variant | 'firefox' | 'e2e-pseudo' | undefined;
if (only === 'firefox') {
  build('.output/e2e-firefox', E2E_BUILDS.e2e, {}, 'firefox');
  process.exit(0);
}
if (only !== 'e2e-pseudo') build('.output/e2e', E2E_BUILDS.e2e);
for (const name of ['e2e-cdn', 'e2e-bare', 'e2e-capture'] as const) {
  if (!only || only === name) derive('.output/e2e', `.output/${name}`, E2E_BUILDS[name]);
}
// The pseudo-locale variant (accented, ~40 % longer English) for tests/e2e/pseudo-locale.spec.ts. Strings are
// read at run time from _locales (browser.i18n), so it is `e2e` with its English messages.json replaced:
// the same file `REIMAGINE_PSEUDO_LOCALE=1 wxt build` writes, without a third wxt build in every npm test.
if (!only || only === 'e2e-pseudo') {
  derive('.output/e2e', '.output/e2e-pseudo', E2E_BUILDS.e2e);
  const pseudo = parseMessagesObject(pseudoMessages(readFileSync('locales/en.yml', 'utf8')));
  writeFileSync('.output/e2e-pseudo/chrome-mv3/_locales/en/messages.json', generateChromeMessagesText(pseudo));
  console.log('built .output/e2e-pseudo (copy of .output/e2e, pseudo-locale in place of English)');
}
