import type { startServices } from './services';

/**
 * How the start script (main.ts) reaches the heavy half of the worker (services.ts and everything it imports).
 *
 * Chrome: a service worker may not `import()`, and a single classic script makes Chrome fetch and compile all of
 * it on every wake even when none of it runs. So the services are a second classic script,
 * `background-services.js` (entrypoints/background-services.ts, an unlisted IIFE), that registers itself on a
 * global and is pulled in with `importScripts`. The service-worker spec only lets an installed worker import a
 * script it already imported while it was being installed (the script resource map), so the worker imports it
 * once from its `install` event (importServicesOnInstall) and later, on the first event that needs it,
 * synchronously again from that map — compiled from Chrome's code cache, never fetched over again.
 *
 * Firefox: the background is an event page, where rolldown's lazy init of `import('./services')` inside the
 * one bundle does the same job (the branch is dropped from the Chrome build, and the unlisted script from Firefox's).
 */
export interface ServicesModule {
  startServices: typeof startServices;
}

/** The services script in the package (WXT names an unlisted script's output after its entrypoint). */
export const SERVICES_SCRIPT = '/background-services.js';
const REGISTRY = '__reimagineServices';

type WorkerScope = { importScripts?: (...urls: string[]) => void; addEventListener(type: string, listener: () => void): void };
const registry = () => globalThis as unknown as Record<typeof REGISTRY, ServicesModule | undefined>;

/** Called by the services script when it is evaluated: the only link between the two scripts. */
export function registerServices(module: ServicesModule): void {
  registry()[REGISTRY] = module;
}

function importServices(): ServicesModule {
  const registered = registry()[REGISTRY];
  if (registered) return registered;
  (self as unknown as WorkerScope).importScripts?.(SERVICES_SCRIPT);
  const module = registry()[REGISTRY];
  // eslint-disable-next-line reimagine/no-ui-literal -- a packaging bug, for the developer's console
  if (!module) throw new Error(`Reimagine: ${SERVICES_SCRIPT} did not register its services`);
  return module;
}

/**
 * The services module, loaded now: on Chrome synchronously inside the caller's turn (so a burst of work — the
 * compile and the module's top level — happens before the promise settles), on Firefox by `import()`.
 */
export function loadServicesModule(): Promise<ServicesModule> {
  if (import.meta.env.FIREFOX) return import('./services');
  try {
    return Promise.resolve(importServices());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/**
 * Chrome: put the services script into the worker's script map while it installs (a fresh install or an
 * update), the only time the spec lets a service worker import a new script. Its top level runs then too
 * (it only registers); nothing is started until an event asks for the services.
 */
export function importServicesOnInstall(): void {
  if (import.meta.env.FIREFOX) return;
  (self as unknown as WorkerScope).addEventListener('install', () => void importServices());
}
