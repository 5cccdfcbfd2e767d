import type { OverlayGuard } from './overlay-guard';
import { t } from '../i18n';

/**
 * The overlay's "More actions" menu (a disclosure: a button with `aria-expanded` and the group it opens),
 * for a finished result whose bar holds one main button. In other states it is `inline`: its buttons are
 * simply part of the bar. It lives inside the overlay's closed root like every other control.
 */
export class OverlayMenu {
  /** The "More actions" button (its clicks pass the overlay's click guard like every button). */
  readonly button: HTMLButtonElement;
  /** The group the menu's buttons are appended to. */
  readonly list: HTMLDivElement;
  private opened = false;
  private readonly onPointerDown: (event: PointerEvent) => void;

  constructor(host: HTMLElement, guard: OverlayGuard) {
    this.list = document.createElement('div');
    this.list.className = 'menu inline';
    this.list.id = 'reimagine-more-menu';
    this.list.setAttribute('aria-label', t('overlay.moreActions'));
    this.button = document.createElement('button');
    this.button.type = 'button';
    this.button.className = 'secondary more';
    this.button.textContent = '⋯';
    this.button.setAttribute('aria-label', t('overlay.moreActions'));
    this.button.setAttribute('aria-haspopup', 'true');
    this.button.setAttribute('aria-controls', this.list.id);
    this.button.setAttribute('aria-expanded', 'false');
    this.button.hidden = true;
    // A keyboard press (no pointer: detail 0) moves focus to the first item.
    this.button.addEventListener('click', (event) => {
      event.stopPropagation();
      if (guard.allows(event, this.button)) this.toggle(!this.opened, event.detail === 0);
    });
    guard.watch(this.button);
    this.list.addEventListener('keydown', (event) => {
      if (event.isTrusted) this.moveFocus(event);
    });
    // Focus or a pointer leaving the menu closes it, as any menu does.
    this.list.addEventListener('focusout', (event) => {
      const next = event.relatedTarget as Node | null;
      if (this.opened && next && !this.list.contains(next) && next !== this.button) this.toggle(false, false);
    });
    this.onPointerDown = (event: PointerEvent) => {
      if (this.opened && event.isTrusted && !event.composedPath().includes(host)) this.toggle(false, false);
    };
    document.addEventListener('pointerdown', this.onPointerDown, true);
  }

  get isOpen(): boolean {
    return this.opened;
  }

  /** As a menu (a result's secondary actions) or inline (its buttons part of the bar). */
  setMenuMode(asMenu: boolean): void {
    this.list.classList.toggle('inline', !asMenu);
    // A group of its own only as a menu.
    if (asMenu) this.list.setAttribute('role', 'group');
    else this.list.removeAttribute('role');
    this.button.hidden = !asMenu;
    if (!asMenu) this.toggle(false, false);
  }

  /** Whether `element` waits in the closed menu, out of sight. */
  hides(element: HTMLElement): boolean {
    return this.list.contains(element) && !this.list.classList.contains('inline') && !this.opened;
  }

  toggle(open: boolean, focusFirst: boolean): void {
    if (open === this.opened) return;
    this.opened = open;
    this.list.classList.toggle('open', open);
    this.button.setAttribute('aria-expanded', String(open));
    if (!open) return;
    // Above the bar where there is room, else below it (a toast at the top, a bar under a small image).
    this.list.classList.remove('below');
    if (this.list.getBoundingClientRect().top < 4) this.list.classList.add('below');
    if (focusFirst) this.items()[0]?.focus();
  }

  /** Close and give focus back to "More actions" (Escape). */
  close(): void {
    this.toggle(false, false);
    this.button.focus();
  }

  destroy(): void {
    document.removeEventListener('pointerdown', this.onPointerDown, true);
  }

  private items(): HTMLButtonElement[] {
    return [...this.list.querySelectorAll('button')].filter((b) => !b.hidden && !b.disabled);
  }

  /** Arrow keys, Home and End move through the open menu (Escape is the overlay frame's). */
  private moveFocus(event: KeyboardEvent): void {
    if (!this.opened) return;
    const items = this.items();
    const at = items.indexOf(event.target as HTMLButtonElement);
    const next =
      event.key === 'ArrowDown' ? items[(at + 1) % items.length]
      : event.key === 'ArrowUp' ? items[(at - 1 + items.length) % items.length]
      : event.key === 'Home' ? items[0]
      : event.key === 'End' ? items[items.length - 1]
      : undefined;
    if (!next) return;
    event.preventDefault();
    next.focus();
  }
}
