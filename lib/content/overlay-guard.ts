/**
 * The overlay's consent can't be forged by restyling it. A page owns the DOM our host sits in: it can set
 * `opacity: 0` on the host, clip it, or lay bait over it, so that one real click on the bait is a trusted
 * click on Replace or Download. So the host (overlay-ui.ts, batch-bar.ts):
 * - lives in the top layer (`popover="manual"`, shown at once): no ordinary page element can cover it;
 * - re-asserts its own inline `!important` style (`all: initial` beats every page stylesheet) whenever the
 *   page touches it, and shows itself again if the page hides the popover;
 * - acts on a click only when the button is visibly on top at the click point: computed opacity,
 *   visibility, transform, filter, clip-path and mask of the host and every box up to the button, the top
 *   element at that point (`elementsFromPoint`, then the closed root's `elementFromPoint`) and, where Chrome
 *   has it, IntersectionObserver v2's occlusion-aware `isVisible` (which also sees a click-through cover);
 * - ignores clicks within SETTLE_MS of a button appearing or moving (a button slid under the pointer).
 * Everything here lives in the isolated world; the page sees no state of it.
 */
export const SETTLE_MS = 500;

const HOST_STYLE: ReadonlyArray<readonly [string, string]> = [
  ['all', 'initial'],
  ['position', 'fixed'],
  ['top', '0'],
  ['left', '0'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0'],
  ['overflow', 'visible'],
  ['background', 'transparent'],
  ['z-index', '2147483647'],
  ['display', 'block'],
];

/** Inside the closed root, test helpers (DevTools world) wait for this instead of a fixed delay. */
export const ARMED_ATTRIBUTE = 'data-armed';
/** How many trusted clicks on this button were refused (also inside the closed root only). */
export const REFUSED_ATTRIBUTE = 'data-refused';

/**
 * Every live guard and whether a screenshot is being taken: the screenshot hides and restores all overlays
 * at once (screenshot-box.ts). Kept on the isolated world's global under a `Symbol.for` key, because the
 * picker (picker.js) is a bundle of its own that must hide the overlays page.js drew before it captures a
 * dragged area; a module-level set would be a different, empty one there.
 */
interface SharedGuards {
  guards: Set<{ restyle(): void }>;
  hiddenForScreenshot: boolean;
}
const SHARED_KEY = Symbol.for('reimagine.overlayGuards');
const shared = ((globalThis as Record<symbol, unknown>)[SHARED_KEY] ??= { guards: new Set(), hiddenForScreenshot: false }) as SharedGuards;
const guards = shared.guards;

/** "Use a screenshot instead" and the picker's dragged area: our overlays must not be in the picture. */
export function hideOverlaysForScreenshot(hidden: boolean): void {
  shared.hiddenForScreenshot = hidden;
  for (const guard of guards) guard.restyle();
}

interface Watched {
  rect: string;
  shownAt: number;
  visibleByIo: boolean | undefined;
}

type SupportsV2 = IntersectionObserverInit & { trackVisibility?: boolean; delay?: number };
const hasIoV2 = () => typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;

export class OverlayGuard {
  private readonly watched = new Map<HTMLElement, Watched>();
  private readonly observer: MutationObserver;
  private readonly io: IntersectionObserver | undefined;
  private raf = 0;
  private written = '';

  constructor(
    private readonly host: HTMLElement,
    private readonly root: ShadowRoot,
  ) {
    guards.add(this);
    this.assertStyle();
    this.observer = new MutationObserver(() => this.reassert());
    this.observer.observe(host, { attributes: true });
    host.addEventListener('toggle', () => this.reassert());
    this.io = hasIoV2()
      ? new IntersectionObserver(
          (entries) => this.readVisibility(entries),
          { threshold: [0], trackVisibility: true, delay: 100 } as SupportsV2,
        )
      : undefined;
  }

  /** IntersectionObserver v2: occluded, transformed, filtered or faded (by anything) → not visible. Back to visible → settle again. */
  private readVisibility(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const watched = this.watched.get(entry.target as HTMLElement);
      if (!watched) continue;
      const visible = (entry as IntersectionObserverEntry & { isVisible?: boolean }).isVisible === true;
      if (visible && watched.visibleByIo === false) watched.shownAt = performance.now();
      watched.visibleByIo = visible;
    }
  }

  /** After the host is in the document: into the top layer. */
  mount(): void {
    this.assertStyle();
    this.showOnTop();
    this.track();
  }

  /** Watch a button that can give consent (Replace, Download, Replace all…). */
  watch(button: HTMLElement): void {
    this.watched.set(button, { rect: '', shownAt: performance.now(), visibleByIo: undefined });
    this.io?.observe(button);
  }

  /** May this trusted click on `button` act? */
  allows(event: MouseEvent, button: HTMLElement): boolean {
    const allowed = this.check(event, button);
    // Inside the closed root (the page cannot see it): tests wait on this count instead of a delay.
    if (!allowed && event.isTrusted) button.setAttribute(REFUSED_ATTRIBUTE, String(Number(button.getAttribute(REFUSED_ATTRIBUTE) ?? '0') + 1));
    return allowed;
  }

  private check(event: MouseEvent, button: HTMLElement): boolean {
    if (!event.isTrusted || !this.host.isConnected) return false;
    const watched = this.watched.get(button);
    if (!watched || performance.now() - watched.shownAt < SETTLE_MS) return false;
    if (this.io) this.readVisibility(this.io.takeRecords()); // the freshest occlusion verdict there is
    if (this.io && watched.visibleByIo !== true) return false;
    const box = button.getBoundingClientRect();
    // A keyboard activation has no pointer position: test the button's centre.
    const pointer = event.detail > 0 || event.clientX !== 0 || event.clientY !== 0;
    const x = pointer ? event.clientX : box.left + box.width / 2;
    const y = pointer ? event.clientY : box.top + box.height / 2;
    if (x < box.left - 1 || x > box.right + 1 || y < box.top - 1 || y > box.bottom + 1) return false;
    return this.paintedFully(button) && this.onTopAt(button, x, y);
  }

  /** Apply the host style again now (the screenshot state changed). */
  restyle(): void {
    this.written = '';
    this.assertStyle();
  }

  destroy(): void {
    guards.delete(this);
    cancelAnimationFrame(this.raf);
    this.observer.disconnect();
    this.io?.disconnect();
  }

  /** Exactly our inline style, nothing the page added (its stylesheets lose to `all: initial !important`). */
  private assertStyle(): void {
    if (!this.written || this.host.style.cssText !== this.written) {
      this.host.style.cssText = '';
      for (const [prop, value] of HOST_STYLE) this.host.style.setProperty(prop, value, 'important');
      if (shared.hiddenForScreenshot) this.host.style.setProperty('visibility', 'hidden', 'important');
      this.written = this.host.style.cssText;
    }
    if (this.host.getAttribute('popover') !== 'manual') this.host.setAttribute('popover', 'manual');
  }

  private reassert(): void {
    this.assertStyle();
    this.showOnTop();
    // Anything the page did to the host restarts the settle time: the user must see it as it is now.
    for (const watched of this.watched.values()) watched.shownAt = performance.now();
  }

  private showOnTop(): void {
    if (!this.host.isConnected || typeof this.host.showPopover !== 'function') return;
    try {
      if (!this.host.matches(':popover-open')) this.host.showPopover();
    } catch {
      // not connected yet, or a browser without popovers: the click checks still hold
    }
  }

  /** Per frame: a button that appeared, vanished or moved starts its settle time again. */
  private track(): void {
    const tick = () => {
      this.raf = requestAnimationFrame(tick);
      const now = performance.now();
      for (const [button, watched] of this.watched) {
        const r = button.getBoundingClientRect();
        const rect = button.checkVisibility() ? `${Math.round(r.left)},${Math.round(r.top)},${Math.round(r.width)},${Math.round(r.height)}` : 'hidden';
        if (rect !== watched.rect) {
          watched.rect = rect;
          watched.shownAt = now;
        }
        const armed = rect !== 'hidden' && now - watched.shownAt >= SETTLE_MS && (!this.io || watched.visibleByIo === true);
        if (button.hasAttribute(ARMED_ATTRIBUTE) !== armed) button.toggleAttribute(ARMED_ATTRIBUTE, armed);
      }
    };
    tick();
  }

  /** Opacity, visibility and geometry of every box from the button up to (and including) the host. */
  private paintedFully(button: HTMLElement): boolean {
    let opacity = 1;
    for (let node: Element | null = button; node; node = node === this.host ? null : parentAcrossRoot(node, this.root, this.host)) {
      const style = getComputedStyle(node);
      opacity *= Number(style.opacity);
      if (style.visibility !== 'visible' || style.display === 'none' || style.contentVisibility === 'hidden') return false;
      if (style.transform !== 'none' || style.filter !== 'none' || style.clipPath !== 'none' || (style.maskImage || 'none') !== 'none' || style.mixBlendMode !== 'normal') return false;
    }
    // The root element's own styles do not reach the top layer; check them anyway where it is not there.
    if (!this.host.matches(':popover-open')) {
      const html = getComputedStyle(document.documentElement);
      opacity *= Number(html.opacity);
      if (html.filter !== 'none' || html.clipPath !== 'none' || html.visibility !== 'visible') return false;
    }
    return opacity >= 0.99;
  }

  private onTopAt(button: HTMLElement, x: number, y: number): boolean {
    const [top] = document.elementsFromPoint(x, y);
    if (top !== this.host) return false;
    const inner = this.root.elementFromPoint(x, y);
    return !!inner && (inner === button || button.contains(inner));
  }
}

function parentAcrossRoot(node: Element, root: ShadowRoot, host: HTMLElement): Element | null {
  if (node.parentElement) return node.parentElement;
  return node.parentNode === root ? host : null;
}
