import { ui } from '../i18n';
import { expect, type CDPSession, type Locator, type Page } from '@playwright/test';

/**
 * The in-page overlay as a user sees it. Its shadow root is closed (a page must not reach it), so
 * Playwright's locators can't enter it either. Tests read it through DevTools instead: the DOM domain sees
 * closed roots, and the queries run in a DevTools-only isolated world the page has no handle on. Clicks
 * are real mouse clicks at the button's position (trusted events, like a user's), never element.click().
 */
export interface OverlayState {
  /** Visible buttons by label (aria-label when set, else text), with their centre in viewport pixels. */
  buttons: Record<string, { x: number; y: number; background: string }>;
  status: string;
  slider: boolean;
  progress: boolean;
  /** What the compare layer shows ('video' | 'canvas'), or null when it is hidden. */
  layer: string | null;
  /** The button bar's box, or null when it is hidden (e.g. scrolled out of view). */
  bar: { x: number; y: number; width: number; height: number } | null;
  /** The result's preview: its drawn size in CSS pixels and whether it holds pixels, or null when not shown. */
  thumb: { width: number; height: number; painted: boolean } | null;
  /**
   * The "More actions" menu of a finished result: whether it is open, the labels it offers (shown or not
   * yet opened), and which button has focus (by label; null when focus is outside the overlay).
   */
  menu: { open: boolean; items: string[] };
  focused: string | null;
}

/** The overlay's button that opens the menu of a result's other actions (its English label). */
export const MORE_ACTIONS = 'More actions';

const sessions = new WeakMap<Page, Promise<CDPSession>>();
const worlds = new WeakMap<Page, number>();
const session = (page: Page) => {
  let existing = sessions.get(page);
  if (!existing) {
    existing = page.context().newCDPSession(page);
    sessions.set(page, existing);
  }
  return existing;
};

/** Runs in the DevTools world with the overlay's shadow root as `this`. */
function readState(this: ShadowRoot): OverlayState {
  const visible = (el: Element | null) => !!el && (el as HTMLElement).checkVisibility();
  const buttons: OverlayState['buttons'] = {};
  for (const button of this.querySelectorAll('button')) {
    if (!visible(button)) continue;
    const r = button.getBoundingClientRect();
    buttons[button.getAttribute('aria-label') ?? button.textContent ?? ''] = { x: r.x + r.width / 2, y: r.y + r.height / 2, background: getComputedStyle(button).backgroundColor };
  }
  const bar = this.querySelector('[role="group"]');
  const box = visible(bar) ? bar!.getBoundingClientRect() : null;
  const label = (el: Element) => el.getAttribute('aria-label') ?? el.textContent ?? '';
  const thumb = this.querySelector('canvas.thumb') as HTMLCanvasElement | null;
  const thumbBox = thumb && visible(thumb) ? thumb.getBoundingClientRect() : null;
  // Painted: some pixel of the preview is not transparent (an empty canvas would still have a size).
  const painted = !!thumb && thumb.width > 0 && thumb.height > 0 && (thumb.getContext('2d')?.getImageData(0, 0, thumb.width, thumb.height).data.some((v, i) => i % 4 === 3 && v > 0) ?? false);
  const menu = this.querySelector('.menu');
  const asMenu = !!menu && !menu.classList.contains('inline');
  const active = this.activeElement;
  return {
    thumb: thumbBox ? { width: thumbBox.width, height: thumbBox.height, painted } : null,
    menu: { open: !!menu?.classList.contains('open'), items: asMenu ? [...menu!.querySelectorAll('button')].filter((b) => !b.hidden).map(label) : [] },
    focused: active ? label(active) : null,
    buttons,
    status: this.querySelector('[role="status"]')?.textContent ?? '',
    slider: visible(this.querySelector('input[type="range"]')),
    progress: visible(this.querySelector('[role="progressbar"]')),
    layer: visible(this.querySelector('.layer')) ? (this.querySelector('.layer')?.firstElementChild?.tagName.toLowerCase() ?? null) : null,
    bar: box ? { x: box.x, y: box.y, width: box.width, height: box.height } : null,
  };
}

/**
 * Runs in the DevTools world: the centre of the visible button labelled `name`, only if a click there lands
 * on it now and still did two frames ago. The bar moves, or hides for a moment, while its image re-lays out
 * (right after Revert an image without a fixed size loads its original again): a click read from one
 * layout could land on nothing in the next.
 */
async function hittableCentre(this: ShadowRoot, name: string): Promise<{ x: number; y: number } | null> {
  const look = () => {
    for (const button of this.querySelectorAll('button')) {
      if ((button.getAttribute('aria-label') ?? button.textContent ?? '') !== name || !button.checkVisibility()) continue;
      // The click guard ignores a button that just appeared or moved (overlay-guard.ts): wait until it is armed.
      if (!button.hasAttribute('data-armed')) return null;
      const r = button.getBoundingClientRect();
      const x = r.x + r.width / 2;
      const y = r.y + r.height / 2;
      const hit = this.elementFromPoint(x, y);
      return hit && (hit === button || button.contains(hit)) ? { x, y } : null;
    }
    return null;
  };
  const before = look();
  if (!before) return null;
  const frame = () => new Promise<void>((resolve) => {
    requestAnimationFrame(() => resolve());
    setTimeout(resolve, 100); // a page in the background gets no frames
  });
  await frame();
  await frame();
  const after = look();
  return after && after.x === before.x && after.y === before.y ? after : null;
}

/** Runs in the DevTools world: every way to poke the controls without a real user. */
function clickEverything(this: ShadowRoot): number {
  const buttons = [...this.querySelectorAll('button')];
  for (const button of buttons) {
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  }
  for (const el of this.querySelectorAll('*')) el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
  const slider = this.querySelector('input[type="range"]') as HTMLInputElement | null;
  slider?.dispatchEvent(new Event('input', { bubbles: true }));
  return buttons.length;
}

/** Runs in the DevTools world: how many trusted clicks the click guard refused on the button labelled `name`. */
function refusedClicks(this: ShadowRoot, name: string): number {
  for (const button of this.querySelectorAll('button')) {
    if ((button.getAttribute('aria-label') ?? button.textContent ?? '') === name) return Number(button.getAttribute('data-refused') ?? '0');
  }
  return 0;
}

/** Runs in the DevTools world: would the click guard let a click on this button act now? */
function isArmed(this: ShadowRoot, name: string): boolean {
  for (const button of this.querySelectorAll('button')) {
    if ((button.getAttribute('aria-label') ?? button.textContent ?? '') === name) return button.hasAttribute('data-armed');
  }
  return false;
}

/**
 * Reimagine's own registry of the page elements it works on (lib/content/target-registry.ts) lives in the
 * extension's isolated world, never in page-visible attributes. Tests read it there through DevTools: the
 * execution context Chrome reports as `auxData.type === 'isolated'` with the extension's origin, in the main
 * frame (`Page.createIsolatedWorld` would make a new, empty world instead).
 */
const extensionWorlds = new WeakMap<Page, Promise<Map<number, { origin: string; type?: string; frameId?: string }>>>();
const REGISTRY = `globalThis[Symbol.for('reimagine.targets')]`;

function contextsOf(page: Page): Promise<Map<number, { origin: string; type?: string; frameId?: string }>> {
  let existing = extensionWorlds.get(page);
  if (!existing) {
    existing = (async () => {
      const cdp = await session(page);
      const contexts = new Map<number, { origin: string; type?: string; frameId?: string }>();
      cdp.on('Runtime.executionContextCreated', ({ context }) => {
        const aux = context.auxData as { type?: string; frameId?: string } | undefined;
        contexts.set(context.id, { origin: context.origin, ...(aux?.type ? { type: aux.type } : {}), ...(aux?.frameId ? { frameId: aux.frameId } : {}) });
      });
      cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => contexts.delete(executionContextId));
      cdp.on('Runtime.executionContextsCleared', () => contexts.clear());
      await cdp.send('Runtime.enable'); // reports every existing context before it answers
      return contexts;
    })();
    extensionWorlds.set(page, existing);
  }
  return existing;
}

/** Evaluates `expression` in the extension's isolated world of the page's main frame; undefined while there is none. */
async function inExtensionWorld(page: Page, expression: string, byValue: boolean): Promise<{ value?: unknown; objectId?: string } | undefined> {
  const cdp = await session(page);
  const contexts = await contextsOf(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  for (const [id, c] of [...contexts].reverse()) {
    if (c.type !== 'isolated' || !c.origin.startsWith('chrome-extension://') || c.frameId !== frameTree.frame.id) continue;
    const reply = await cdp.send('Runtime.evaluate', { expression, contextId: id, returnByValue: byValue }).catch(() => undefined);
    if (reply && !reply.exceptionDetails) return reply.result;
  }
  return undefined;
}

/** The Reimagine ids of every element matching `selector` (null for one the page script has not marked). */
export async function targetIdsOf(page: Page, selector: string): Promise<Array<string | null>> {
  const all = `[...document.querySelectorAll(${JSON.stringify(selector)})]`;
  const result = await inExtensionWorld(page, `${all}.map((el) => ${REGISTRY}?.ids.get(el) ?? null)`, true);
  return Array.isArray(result?.value) ? (result.value as Array<string | null>) : [];
}

/** The Reimagine id of the first element matching `selector` (undefined until the page script marked it). */
export async function targetIdOf(page: Page, selector: string): Promise<string | undefined> {
  return (await targetIdsOf(page, selector))[0] ?? undefined;
}

/** Where the overlay host is: a CSS selector (the picker, the batch bar), or the id of the target it is drawn for. */
type HostAt = string | { targetId: string };

export class ClosedOverlay {
  constructor(
    private readonly page: Page,
    private readonly at: HostAt,
  ) {}

  /** The host element, for a selector-found overlay (e.g. `toHaveCount`); see `present()` for a target's. */
  get host(): Locator {
    if (typeof this.at !== 'string') throw new Error('a target overlay has no page-visible selector: use present()');
    return this.page.locator(this.at);
  }

  /** Whether the overlay's host is in the page now. */
  async present(): Promise<boolean> {
    return (await this.hostNode()) !== undefined;
  }

  /** The overlay's current state; null when it is not on the page. */
  async state(): Promise<OverlayState | null> {
    return this.inDevtoolsWorld(readState);
  }

  /**
   * What a page would do if it ever got hold of the root: `click()` and dispatched (untrusted) clicks and
   * keys on every button, the slider and the frame. Returns how many buttons it hit.
   */
  async syntheticClicks(): Promise<number> {
    return (await this.inDevtoolsWorld(clickEverything)) ?? 0;
  }

  /** The host with its (closed) shadow root, as DevTools describes it. */
  private async hostNode(): Promise<{ shadowRoots?: Array<{ backendNodeId: number }> } | undefined> {
    const cdp = await session(this.page);
    if (typeof this.at === 'string') {
      const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: this.at });
      if (!nodeId) return undefined;
      return (await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true })).node;
    }
    const id = JSON.stringify(this.at.targetId);
    const host = await inExtensionWorld(this.page, `(() => { const h = ${REGISTRY}?.overlays.get(${id})?.deref(); return h?.isConnected ? h : null; })()`, false);
    if (!host?.objectId) return undefined;
    try {
      return (await cdp.send('DOM.describeNode', { objectId: host.objectId, depth: 1, pierce: true })).node;
    } finally {
      await cdp.send('Runtime.releaseObject', { objectId: host.objectId });
    }
  }

  /** Runs `fn` with the overlay's shadow root as `this`, in a world the page has no handle on. */
  private async inDevtoolsWorld<T, A extends unknown[] = []>(fn: (this: ShadowRoot, ...args: A) => T | Promise<T>, ...args: A): Promise<T | null> {
    const cdp = await session(this.page);
    const shadow = (await this.hostNode())?.shadowRoots?.[0];
    if (!shadow) return null;
    const resolve = async (fresh: boolean) => {
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId, executionContextId: await this.world(cdp, fresh) });
      return object.objectId!;
    };
    // The world dies with its document: after a navigation, make a new one.
    const objectId = await resolve(false).catch(() => resolve(true));
    // Under tsx (scripts/store-shots.ts) esbuild's keepNames wraps inner functions in `__name(fn, 'name')`, a
    // helper this world lacks: an identity stand-in in the wrapper's scope keeps the source runnable.
    const functionDeclaration = `function (...args) { const __name = (f) => f; return (${fn.toString()}).apply(this, args); }`;
    const { result } = await cdp.send('Runtime.callFunctionOn', { objectId, functionDeclaration, arguments: args.map((value) => ({ value })), returnByValue: true, awaitPromise: true });
    await cdp.send('Runtime.releaseObject', { objectId });
    return result.value as T;
  }

  private async world(cdp: CDPSession, fresh: boolean): Promise<number> {
    let id = worlds.get(this.page);
    if (id === undefined || fresh) {
      const { frameTree } = await cdp.send('Page.getFrameTree');
      ({ executionContextId: id } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'reimagine-e2e-devtools' }));
      worlds.set(this.page, id);
    }
    return id;
  }

  async visibleButtons(): Promise<string[]> {
    return Object.keys((await this.state())?.buttons ?? {});
  }

  /** What the overlay offers now: the buttons in view, and those in a finished result's "More actions" menu. */
  async offeredButtons(): Promise<string[]> {
    const state = await this.state();
    return [...new Set([...Object.keys(state?.buttons ?? {}), ...(state?.menu.items ?? [])])];
  }

  /** `english`: the button's English label; the overlay shows it in the language under test (ui()). In view or in the menu. */
  async expectButton(english: string, options: { timeout?: number } = {}): Promise<void> {
    const name = ui(english);
    await expect.poll(() => this.offeredButtons(), { timeout: options.timeout ?? 10_000, message: `overlay button "${name}"` }).toContain(name);
  }

  async expectNoButton(english: string): Promise<void> {
    const name = ui(english);
    await expect.poll(() => this.offeredButtons(), { message: `overlay button "${name}" hidden` }).not.toContain(name);
  }

  /** Trusted clicks on the button that the click guard refused (lib/content/overlay-guard.ts). */
  async refused(english: string): Promise<number> {
    return (await this.inDevtoolsWorld(refusedClicks, ui(english))) ?? 0;
  }

  /** The click guard would let a click on the button act (visible on top, settled). */
  async armed(english: string): Promise<boolean> {
    return (await this.inDevtoolsWorld(isArmed, ui(english))) ?? false;
  }

  async status(): Promise<string> {
    return (await this.state())?.status ?? '';
  }

  /**
   * A real (trusted) mouse click on the button, once it is visible. Waits like a locator click would: the
   * overlay hides while its image has no box (e.g. a 6000×4000 original decoding again after Revert).
   */
  async click(english: string, options: { timeout?: number } = {}): Promise<void> {
    const name = ui(english);
    // Visible is not enough: the bar may still be moving (its image re-laid out), and a click read from one
    // frame's layout can land beside the button in the next. Click where a hit test keeps finding it.
    let at: { x: number; y: number } | null = null;
    await expect
      .poll(
        async () => {
          // A finished result keeps its other actions in the "More actions" menu: open it first, as a user would.
          const state = await this.state();
          if (english !== MORE_ACTIONS && state && !state.buttons[name] && state.menu.items.includes(name) && !state.menu.open) {
            await this.click(MORE_ACTIONS, options);
            return null;
          }
          return (at = await this.inDevtoolsWorld(hittableCentre, name));
        },
        { timeout: options.timeout ?? 30_000, message: `overlay button "${name}" clickable` },
      )
      .not.toBeNull();
    await this.page.mouse.click(at!.x, at!.y);
  }
}

