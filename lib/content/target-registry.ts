/**
 * Which page element each Reimagine id (a capture's or a batch candidate's) names, and the overlay drawn
 * for it. Kept in the isolated world, never in the page's DOM: an attribute on the image would tell the page
 * which picture the user sends to an AI service, and when (SECURITY.md "What the page can observe").
 *
 * picker.js and page.js are separate bundles in the same isolated world: they share this registry through
 * that world's global under a `Symbol.for` key (the page's own scripts have another global and never see it).
 * Elements are held weakly: a page that drops an image drops it from here too. The e2e helpers read the same
 * registry through DevTools (tests/e2e/site/overlay.ts), which is why its shape is plain Maps.
 */
export interface TargetRegistry {
  /** id → element (an <img>/<video>, a batch's CSS-background element, or a picked picture in a shadow root). */
  elements: Map<string, WeakRef<Element>>;
  /** element → the latest id given to it. */
  ids: WeakMap<Element, string>;
  /** id → the overlay host drawn for it. */
  overlays: Map<string, WeakRef<Element>>;
}

export const REGISTRY_KEY = Symbol.for('reimagine.targets');
/** Past this many ids, forget the ones whose element is gone (a page rescanned many times). */
const SWEEP_AT = 500;

const world = globalThis as { [REGISTRY_KEY]?: TargetRegistry };
const registry: TargetRegistry = (world[REGISTRY_KEY] ??= { elements: new Map(), ids: new WeakMap(), overlays: new Map() });

function sweep(map: Map<string, WeakRef<Element>>): void {
  if (map.size < SWEEP_AT) return;
  for (const [id, ref] of map) if (!ref.deref()?.isConnected) map.delete(id);
}

/** Remember that `id` names `el` (a capture, a batch candidate, a picked picture, or a re-found re-render). */
export function mark(el: Element, id: string): void {
  sweep(registry.elements);
  registry.elements.set(id, new WeakRef(el));
  registry.ids.set(el, id);
}

/** The element `id` names, if it is still in the page. */
export function markedElement(id: string): Element | undefined {
  const el = registry.elements.get(id)?.deref();
  return el?.isConnected ? el : undefined;
}

/** The id last given to `el`, if any. */
export function markOf(el: Element): string | undefined {
  return registry.ids.get(el);
}

export function rememberOverlay(id: string, host: Element): void {
  sweep(registry.overlays);
  registry.overlays.set(id, new WeakRef(host));
}

export function forgetOverlay(id: string): void {
  registry.overlays.delete(id);
}
