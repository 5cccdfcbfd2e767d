import { OVERLAY_TAG } from './overlay-ui';
import { OverlayGuard } from './overlay-guard';
import { overlaySheet } from './overlay-styles';
import { formatNumber, t } from '../i18n';

/**
 * The page's control for a whole batch: "Replace all" / "Revert all" (and Close), fixed in a corner.
 * Same rules as the per-image overlay (overlay-ui.ts): a closed shadow root held only by this isolated-world
 * object, CSSOM styles (CSP-safe), and only trusted clicks act — a page cannot press these for the user.
 */
export const BATCH_BAR_TAG = `${OVERLAY_TAG}-batch`;

export type BatchBarAction = 'replace-all' | 'revert-all' | 'dismiss';

export class BatchBar {
  private readonly host: HTMLElement;
  private readonly guard: OverlayGuard;
  private readonly status: HTMLDivElement;
  private readonly buttons = new Map<BatchBarAction, HTMLButtonElement>();

  constructor(onAction: (action: BatchBarAction) => void) {
    this.host = document.createElement(BATCH_BAR_TAG);
    const root = this.host.attachShadow({ mode: 'closed' });
    this.guard = new OverlayGuard(this.host, root); // top layer, own style, clicks only when visibly on top
    root.adoptedStyleSheets = [overlaySheet()];
    const frame = document.createElement('div');
    frame.className = 'frame batch';
    const bar = document.createElement('div');
    bar.className = 'bar';
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', t('overlay.batch.label'));
    this.status = document.createElement('div');
    this.status.className = 'status';
    this.status.setAttribute('role', 'status');
    this.status.setAttribute('aria-live', 'polite');
    bar.append(this.status);
    for (const [action, label, secondary] of [
      ['replace-all', t('overlay.batch.replaceAll'), false],
      ['revert-all', t('overlay.batch.revertAll'), true],
      ['dismiss', t('overlay.close'), true],
    ] as const) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = label;
      if (secondary) button.className = 'secondary';
      if (action === 'dismiss') button.setAttribute('aria-label', t('overlay.batch.close'));
      button.addEventListener('click', (event) => {
        event.stopPropagation();
        if (this.guard.allows(event, button)) onAction(action);
      });
      this.guard.watch(button);
      this.buttons.set(action, button);
      bar.append(button);
    }
    frame.append(bar);
    root.append(frame);
    document.documentElement.append(this.host);
    this.guard.mount();
  }

  /** `done` finished images of `total`; `replaced` of them are on the page now. */
  update(done: number, total: number, replaced: number): void {
    const counts = { done: formatNumber(done), total: formatNumber(total), replaced: formatNumber(replaced) };
    this.status.textContent = replaced ? t('overlay.batch.statusReplaced', counts) : t('overlay.batch.status', counts);
    this.buttons.get('replace-all')!.hidden = done === 0 || replaced === done;
    this.buttons.get('revert-all')!.hidden = replaced === 0;
  }

  destroy(): void {
    this.guard.destroy();
    this.host.remove();
  }
}
