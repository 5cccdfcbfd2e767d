import { defineConfig } from 'wxt';
import { DEFAULT_BASE_URLS } from './lib/model/provider-ids';
import { MEDIA_ORIGINS, originPattern } from './lib/providers/media-origins';
import { MANIFEST_COMMANDS } from './lib/keyboard/commands';
import { pseudoLocalesDir } from './scripts/pseudo-locale';

/**
 * Host access the release build asks for at install: the default provider's API and its media hosts (results
 * are read from imgen/vidgen.x.ai, which send no CORS headers). Nothing local: in production nothing of ours
 * is on 127.0.0.1. Other providers' origins are requested at runtime when the user picks them.
 */
const RELEASE_HOSTS = [originPattern(new URL(DEFAULT_BASE_URLS.xai).origin), ...MEDIA_ORIGINS.xai.map(originPattern)];

/**
 * Tests and the demo only: `REIMAGINE_EXTRA_HOST_PERMISSIONS` (comma-separated match patterns) adds hosts —
 * the local emulator, and a fixture page host standing in for the activeTab grant a real right-click gives.
 * A plain `npm run build` never sets it; the build says so loudly when it is set.
 */
function extraHostPermissions(): string[] {
  const raw = process.env.REIMAGINE_EXTRA_HOST_PERMISSIONS ?? '';
  const extra = raw.split(',').map((p) => p.trim()).filter(Boolean);
  for (const pattern of extra) {
    if (!/^(\*|https?):\/\/(\*|\*\.[^/*]+|[^/*]+)\/.*$/.test(pattern)) throw new Error(`REIMAGINE_EXTRA_HOST_PERMISSIONS: not a match pattern: ${pattern}`);
  }
  if (extra.length > 0) console.warn(`\n[reimagine] TEST BUILD: extra host permissions ${extra.join(', ')}\n`);
  return extra;
}

/**
 * Firefox (AMO) identity. Data collection: Reimagine sends the images and prompts the user chooses to the
 * AI provider the user configured (website content), and nothing to us; Firefox asks extensions to say so.
 */
const GECKO_SETTINGS = {
  gecko: {
    id: 'reimagine@example.org',
    strict_min_version: '142.0',
    data_collection_permissions: { required: ['websiteContent'] },
  },
};

// The manifest is the product's permission contract: every entry here is something a store reviewer
// (and a careful user) will ask about, so each one is justified inline.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // Strings live in locales/<lang>.yml (docs/ARCHITECTURE.md, "Languages"). REIMAGINE_PSEUDO_LOCALE=1 builds
  // with an accented, longer English (scripts/pseudo-locale.ts) to show what clips in longer languages.
  ...(process.env.REIMAGINE_PSEUDO_LOCALE === '1' ? { i18n: { localesDir: pseudoLocalesDir() } } : {}),
  manifest: ({ browser }) => ({
    default_locale: 'en',
    name: '__MSG_extension_name__',
    description: '__MSG_extension_description__',
    permissions: [
      'contextMenus', // the right-click entry points
      'storage', // session storage for pending panel requests
      'unlimitedStorage', // results are kept locally as blobs; vendor URLs expire
      'alarms', // polling that survives the service worker being stopped
      'notifications', // tell the user a long video finished while no Reimagine page is open
      'scripting', // inject the in-page overlay on demand, only where the user used Reimagine
      'activeTab', // ...which grants access to that tab only after a user gesture
      'downloads', // "Download" saves results with sensible names
      // Cross-origin page images are re-read by the worker with the page as Referer (hotlink checks);
      // no install warning, and it only acts on hosts Reimagine already has access to.
      'declarativeNetRequestWithHostAccess',
      // Chrome only: the side panel, and an offscreen document to grab a poster frame from videos
      // (a service worker cannot decode video).
      ...(browser === 'firefox' ? [] : ['sidePanel', 'offscreen']),
    ],
    // The API and its media hosts are reached from the background only. Other providers' origins, page
    // image hosts ("Allow access to <host>") and "Read images on all sites" are requested at runtime.
    host_permissions: [...RELEASE_HOSTS, ...extraHostPermissions()],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Extension pages never load a page-chosen address (issue 22): images and media only from the package,
    // blob: (results and sources from IndexedDB) and data: (batch thumbnails as bytes). A regression that
    // renders a page's URL in the panel fails to load instead of sending a credentialed GET.
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; img-src 'self' blob: data:; media-src 'self' blob: data:",
    },
    action: { default_title: '__MSG_extension_actionTitle__' },
    // Keyboard shortcuts, rebindable at chrome://extensions/shortcuts (defaults and why: lib/keyboard/commands.ts).
    commands: MANIFEST_COMMANDS,
    ...(browser === 'firefox' ? { browser_specific_settings: GECKO_SETTINGS } : {}),
  }),
  // Firefox gets Manifest V3 too (WXT defaults it to MV2): the same permission model as Chrome
  // (`host_permissions` apart from `optional_host_permissions`, which MV2 cannot express; `action`,
  // `scripting`, storage.session), and its MV3 background is a non-persistent event page with a DOM.
  // Firefox ≥ 127 grants MV3 host_permissions at install but the user may revoke them, which the
  // background already copes with (it asks `permissions.contains`, never the manifest).
  manifestVersion: 3,
  // `npm run zip` (scripts/zip.ts): the store packages, and for AMO the sources a reviewer rebuilds from
  // (npm ci && npm run build:firefox). WXT already leaves out node_modules, dotfiles (.output's siblings,
  // .wxt, .ci) and *.test/*.spec files; tests, benches and every output or report folder go too.
  zip: {
    name: 'reimagine',
    excludeSources: ['tests/**', 'bench/**', 'test-results*/**', 'playwright-report/**', 'demo-output/**', 'bench-output/**', '*.log', 'docs/screenshots/**', 'docs/store/screenshots/**'],
  },
  // Dev server never used by tests: they run on the production build so the worker can be killed.
  webExt: { disabled: true },
  // `npm run bench -- --only=wake-profile` builds unminified (REIMAGINE_PROFILE_BUILD=1) so that a CPU profile of
  // the worker's start names the source module every sample ran in (rolldown's `//#region <file>` comments).
  ...(process.env.REIMAGINE_PROFILE_BUILD === '1' ? { vite: () => ({ build: { minify: false, rollupOptions: { output: { strictExecutionOrder: true } } } }) } : {}),
  // Lets parallel work (and the bench) build into its own folder without clobbering .output/.
  ...(process.env.WXT_OUT_DIR ? { outDir: process.env.WXT_OUT_DIR } : {}),
});
