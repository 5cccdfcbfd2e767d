import { defineConfig } from 'wxt';

// The manifest is the product's permission contract: every entry here is something a store reviewer
// (and a careful user) will ask about, so each one is justified inline.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Reimagine',
    description: 'Right-click any image to edit it with a prompt or animate it into a video, with Grok Imagine.',
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
    // The API (and local emulators) are reached from the background only. Other API origins are
    // requested at runtime from the options page.
    host_permissions: ['https://api.x.ai/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'Reimagine history' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'reimagine@example.org' } } }
      : {}),
  }),
  // Dev server never used by tests: they run on the production build so the worker can be killed.
  webExt: { disabled: true },
  // Lets parallel work (and the bench) build into its own folder without clobbering .output/.
  ...(process.env.WXT_OUT_DIR ? { outDir: process.env.WXT_OUT_DIR } : {}),
});
