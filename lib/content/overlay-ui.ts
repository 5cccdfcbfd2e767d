import { OverlayGuard } from './overlay-guard';
import { OverlayMenu } from './overlay-menu';
import { overlaySheet } from './overlay-styles';
import { t } from '../i18n';
import { placeBar, visibleRect } from './overlay-placement';
import { forgetOverlay, rememberOverlay } from './target-registry';

/**
 * The in-page overlay for one image: a fixed-position host at the document root (never inside the
 * page's own layout or links, so page CSS and click handlers don't reach it), a CLOSED shadow root with
 * adopted styles, and plain buttons (keyboard reachable, labelled). It follows its element's box every
 * frame while shown and hides itself when the element is scrolled out of view.
 *
 * The page is hostile: the root is closed and referenced only from this isolated-world object (never an
 * expando on the host), so page scripts get `host.shadowRoot === null` and cannot reach the buttons, the
 * status text or the compare layer; and only trusted events (a real user's click or key) act, so a page
 * that dispatches synthetic events gets nothing.
 */
export const OVERLAY_TAG = 'reimagine-overlay';

export type OverlayAction = 'cancel' | 'retry' | 'previous-version' | 'next-version' | 'replace' | 'compare' | 'revert' | 'sound' | 'download' | 'open-panel' | 'dismiss';

/**
 * With a result (its primary action Replace or Revert shown), these go into the "More actions" menu so the
 * bar holds one main button; in every other state (working, failed, cancelled) they stay in the bar.
 */
const MENU_ACTIONS: ReadonlySet<OverlayAction> = new Set(['compare', 'previous-version', 'next-version', 'download', 'open-panel', 'dismiss']);
/** Menu items that leave the menu open (stepping through versions is done several times in a row). */
const KEEPS_MENU_OPEN: ReadonlySet<OverlayAction> = new Set(['previous-version', 'next-version']);
/** The result preview's box in CSS pixels: small enough to leave the image visible around the bar. */
const THUMB_BOX = { width: 112, height: 72 };

const BUTTONS: Array<[OverlayAction, () => string, boolean]> = [
  ['cancel', () => t('overlay.cancel'), true],
  ['retry', () => t('overlay.retry'), false],
  ['previous-version', () => t('overlay.previousVersion'), true],
  ['next-version', () => t('overlay.nextVersion'), true],
  ['replace', () => t('overlay.replace'), false],
  ['compare', () => t('overlay.compare'), true],
  // Revert is the bar's main action once the result is in the page (Replace is gone then).
  ['revert', () => t('overlay.revert'), false],
  // A toggle (aria-pressed): a video swapped into the page starts muted; this click (a user gesture) unmutes it.
  ['sound', () => t('overlay.sound'), true],
  ['download', () => t('overlay.download'), true],
  ['open-panel', () => t('overlay.openInPanel'), true],
  ['dismiss', () => t('overlay.close'), true],
];

export class OverlayUi {
  readonly host: HTMLElement;
  private readonly frame: HTMLDivElement;
  private readonly layer: HTMLDivElement;
  private readonly status: HTMLDivElement;
  private readonly progress: HTMLDivElement;
  private readonly slider: HTMLInputElement;
  private readonly thumb: HTMLCanvasElement;
  private readonly menu: OverlayMenu;
  private readonly buttons = new Map<OverlayAction, HTMLButtonElement>();
  private thumbDrawn = false;
  private thumbWanted = false;
  private versionNav: { previous: boolean; next: boolean } | undefined;
  private shown: OverlayAction[] = [];
  private readonly guard: OverlayGuard;
  private raf = 0;

  constructor(
    private readonly element: () => Element | undefined,
    onAction: (action: OverlayAction) => void,
    private readonly targetId: string,
  ) {
    this.host = document.createElement(OVERLAY_TAG);
    // Which image this overlay is for stays in the isolated world: the host carries no attribute naming it.
    rememberOverlay(targetId, this.host);
    const root = this.host.attachShadow({ mode: 'closed' });
    // Top layer, its own style, and clicks only when visibly on top (overlay-guard.ts). CSSOM writes are
    // allowed under any style-src CSP (style attributes in markup are not).
    this.guard = new OverlayGuard(this.host, root);
    root.adoptedStyleSheets = [overlaySheet()];
    this.frame = el('div', 'frame');
    this.layer = el('div', 'layer');
    this.layer.hidden = true;
    const bar = el('div', 'bar');
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', t('extension.name'));
    this.status = el('div', 'status');
    this.status.setAttribute('role', 'status');
    this.status.setAttribute('aria-live', 'polite');
    this.progress = el('div', 'progress');
    this.progress.setAttribute('role', 'progressbar');
    this.progress.setAttribute('aria-label', t('overlay.progress'));
    this.progress.setAttribute('aria-valuemin', '0');
    this.progress.setAttribute('aria-valuemax', '100');
    this.progress.append(el('div', ''));
    this.progress.hidden = true;
    this.slider = document.createElement('input');
    this.slider.type = 'range';
    this.slider.min = '0';
    this.slider.max = '100';
    this.slider.value = '50';
    this.slider.hidden = true;
    this.slider.setAttribute('aria-label', t('overlay.beforeAfter'));
    this.slider.addEventListener('input', (event) => {
      if (event.isTrusted) this.clipCompare();
    });
    // The result's preview: pixels in a canvas inside the closed root, never a URL (SECURITY.md, "The
    // overlay's preview"). Decorative for assistive tech: the status says Done and Replace follows.
    this.thumb = el('canvas', 'thumb');
    this.thumb.setAttribute('aria-hidden', 'true');
    this.thumb.hidden = true;
    const head = el('div', 'head');
    head.append(this.thumb, this.status);
    this.menu = new OverlayMenu(this.host, this.guard);
    bar.append(head, this.progress, this.slider);
    for (const [action, label, secondary] of BUTTONS) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = label();
      if (secondary) button.className = 'secondary';
      if (action === 'dismiss') button.setAttribute('aria-label', t('overlay.closeOverlay'));
      button.hidden = true;
      button.addEventListener('click', (event) => {
        event.stopPropagation();
        if (!this.guard.allows(event, button)) return;
        if (this.menu.isOpen && !KEEPS_MENU_OPEN.has(action)) this.menu.toggle(false, false);
        onAction(action);
      });
      this.guard.watch(button);
      this.buttons.set(action, button);
      (MENU_ACTIONS.has(action) ? this.menu.list : bar).append(button);
    }
    bar.append(this.menu.button, this.menu.list);
    this.frame.append(this.layer, bar);
    root.append(this.frame);
    // Escape closes the open menu first (wherever focus is in the overlay), and the overlay only after that.
    this.frame.addEventListener('keydown', (event) => {
      if (!event.isTrusted || event.key !== 'Escape') return;
      if (this.menu.isOpen) this.menu.close();
      else onAction('dismiss');
    });
    document.documentElement.append(this.host);
    this.guard.mount();
    this.follow();
  }

  setStatus(text: string, kind: 'info' | 'error' = 'info'): void {
    this.status.textContent = text;
    this.status.classList.toggle('error', kind === 'error');
  }

  /** A reported percentage; 'indeterminate' while nothing is reported (never an empty 0 % bar); undefined hides it. */
  setProgress(percent: number | 'indeterminate' | undefined): void {
    this.progress.hidden = percent === undefined;
    this.progress.classList.toggle('indeterminate', percent === 'indeterminate');
    if (percent === undefined) return;
    const fill = this.progress.firstElementChild as HTMLElement;
    if (percent === 'indeterminate') {
      this.progress.removeAttribute('aria-valuenow');
      fill.style.removeProperty('width');
      return;
    }
    this.progress.setAttribute('aria-valuenow', String(Math.round(percent)));
    fill.style.width = `${Math.max(2, Math.min(100, percent))}%`;
  }

  show(actions: OverlayAction[]): void {
    this.shown = actions;
    // Version stepping goes with a finished result's actions (those always include Download).
    const nav = this.versionNav && actions.includes('download') ? (['previous-version', 'next-version'] as const) : [];
    for (const [action, button] of this.buttons) button.hidden = !actions.includes(action) && !(nav as readonly OverlayAction[]).includes(action);
    const previous = this.buttons.get('previous-version');
    const next = this.buttons.get('next-version');
    if (previous) previous.disabled = !this.versionNav?.previous;
    if (next) next.disabled = !this.versionNav?.next;
    // A result: one main button (Replace, or Revert once replaced) and the rest behind "More actions".
    const asMenu = actions.includes('replace') || actions.includes('revert');
    this.menu.setMenuMode(asMenu);
    this.thumb.hidden = !(this.thumbWanted && this.thumbDrawn);
  }

  /**
   * Draws the result's preview (the stored thumbnail, already small) into the canvas, fitted in THUMB_BOX.
   * The canvas lives only in the closed root: the page has no reference to read it back from.
   */
  setThumb(image: ImageBitmap): void {
    const scale = Math.min(THUMB_BOX.width / image.width, THUMB_BOX.height / image.height, 1);
    this.thumb.width = image.width;
    this.thumb.height = image.height;
    this.thumb.getContext('2d')?.drawImage(image, 0, 0);
    this.thumb.style.width = `${Math.max(1, Math.round(image.width * scale))}px`;
    this.thumb.style.height = `${Math.max(1, Math.round(image.height * scale))}px`;
    this.thumbDrawn = true;
    this.thumb.hidden = !this.thumbWanted;
  }

  /** Whether the preview shows (not once the result itself is on the page). */
  showThumb(wanted: boolean): void {
    this.thumbWanted = wanted;
    this.thumb.hidden = !(wanted && this.thumbDrawn);
  }

  /** Previous/Next version buttons (undefined: one version, none shown), with which way there is to go. */
  setVersionNav(nav: { previous: boolean; next: boolean } | undefined): void {
    this.versionNav = nav;
    this.show(this.shown);
  }

  setPressed(action: OverlayAction, pressed: boolean): void {
    this.buttons.get(action)?.setAttribute('aria-pressed', String(pressed));
  }

  /** Before/after: the result layer over the page image, revealed from the slider's position. */
  showCompare(media: HTMLCanvasElement | HTMLVideoElement | undefined, labels: [string, string] = [t('overlay.before'), t('overlay.after')]): void {
    this.layer.replaceChildren();
    this.slider.hidden = !media;
    this.layer.hidden = !media;
    if (!media) return;
    const tags = el('div', 'labels');
    const [a, b] = labels.map((text) => Object.assign(document.createElement('span'), { textContent: text }));
    tags.append(a as HTMLElement, b as HTMLElement);
    this.layer.append(media, tags);
    this.clipCompare();
    this.slider.focus();
  }

  private clipCompare(): void {
    const media = this.layer.firstElementChild as HTMLElement | null;
    if (media) media.style.clipPath = `inset(0 0 0 ${this.slider.value}%)`;
  }

  /** Focus a button; one that waits in the closed menu hands focus to "More actions" instead. */
  focus(action: OverlayAction): void {
    const button = this.buttons.get(action);
    if (button && this.menu.hides(button)) this.menu.button.focus();
    else button?.focus();
  }

  /**
   * Track the element's box. The button bar sits in the part of the element that is in view (a tall image
   * in a short window still shows it without scrolling); with no element, or none of it in view, the
   * overlay becomes a toast at the top right of the viewport.
   */
  private follow(): void {
    const tick = () => {
      this.raf = requestAnimationFrame(tick);
      const target = this.element();
      const r = target?.isConnected ? visibleRect(target) : undefined;
      if (!target || !r) {
        this.frame.classList.add('floating');
        for (const p of ['top', 'left', 'width', 'height', '--bar-left', '--bar-bottom', '--bar-width']) this.frame.style.removeProperty(p);
        this.frame.hidden = false;
        return;
      }
      this.frame.classList.remove('floating');
      this.frame.hidden = false;
      const full = target.getBoundingClientRect();
      this.frame.style.top = `${full.top}px`;
      this.frame.style.left = `${full.left}px`;
      this.frame.style.width = `${full.width}px`;
      this.frame.style.height = `${full.height}px`;
      this.frame.classList.toggle('small', full.width < 200 || full.height < 90);
      placeBar(this.frame, full, r);
    };
    tick();
  }

  destroy(): void {
    cancelAnimationFrame(this.raf);
    this.menu.destroy();
    this.guard.destroy();
    this.host.remove();
    forgetOverlay(this.targetId);
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tagName: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tagName);
  if (className) node.className = className;
  return node;
}
