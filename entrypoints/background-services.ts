import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startServices } from '../lib/background/services';
import { registerServices } from '../lib/background/services-loader';

// Chrome only: the worker's heavy half, a classic script the start script (background.ts) loads with
// importScripts on the first event that needs it (lib/background/services-loader.ts). Firefox's event page
// reaches services.ts inside its one bundle instead.
export default defineUnlistedScript({
  exclude: ['firefox'],
  globalName: false,
  main: () => registerServices({ startServices }),
});
