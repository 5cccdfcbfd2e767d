import { OVERLAY_TAG } from '../overlay-ui';
import { t } from '../../i18n';

/**
 * What the user sees while picking: a layer over the whole viewport (crosshair) that takes the pointer,
 * the outline of the picture under it, the rectangle being dragged, and a bar with the instructions — a
 * polite live region, so a screen reader says them — and a Cancel button. Same rules as the overlay
 * (overlay-ui.ts): a CLOSED shadow root held only by this isolated-world object, CSSOM styles (CSP-safe),
 * and in the top layer (a manual popover) where the browser supports it, so no page z-index covers it.
 * The picker (picker.ts) acts only on trusted events; this class only draws.
 */
export const PICKER_TAG = `${OVERLAY_TAG}-picker`;

const CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.layer { position: fixed; inset: 0; cursor: crosshair; pointer-events: auto; background: rgba(10, 8, 30, .08); touch-action: none; }
.outline { position: fixed; pointer-events: none; border: 3px solid #8f7fff; border-radius: 3px;
  box-shadow: 0 0 0 1px #fff, 0 0 0 9999px rgba(10, 8, 30, .25); }
.area { position: fixed; pointer-events: none; border: 2px dashed #fff; outline: 2px solid #5b4bdb; background: rgba(143, 127, 255, .15); }
[hidden] { display: none !important; }
.bar { position: fixed; top: 12px; left: 50%; transform: translateX(-50%); max-width: calc(100vw - 24px); pointer-events: auto;
  display: flex; align-items: center; gap: 8px; padding: 8px 10px; border-radius: 10px; cursor: default;
  background: rgba(22, 20, 40, .92); color: #fff; box-shadow: 0 2px 10px rgba(0,0,0,.35);
  font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.status { overflow-wrap: anywhere; }
button { font: inherit; color: #fff; background: rgba(255,255,255,.16); border: 0; border-radius: 6px; padding: 3px 9px; cursor: pointer; flex: none; }
button:hover { filter: brightness(1.15); }
button:focus-visible { outline: 2px solid #fff; outline-offset: 1px; }
`;

let sheet: CSSStyleSheet | undefined;
const pickerSheet = () => {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
};

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class PickerUi {
  readonly host: HTMLElement;
  readonly layer: HTMLDivElement;
  private readonly outline: HTMLDivElement;
  private readonly area: HTMLDivElement;
  private readonly status: HTMLDivElement;

  constructor(onCancel: () => void) {
    this.host = document.createElement(PICKER_TAG);
    for (const [prop, value] of [
      ['all', 'initial'],
      ['position', 'fixed'],
      ['inset', '0'],
      ['width', '100vw'],
      ['height', '100vh'],
      ['margin', '0'],
      ['padding', '0'],
      ['border', '0'],
      ['background', 'transparent'],
      ['overflow', 'visible'],
      ['z-index', '2147483647'],
      ['display', 'block'],
    ] as const) {
      this.host.style.setProperty(prop, value, 'important');
    }
    const root = this.host.attachShadow({ mode: 'closed' });
    root.adoptedStyleSheets = [pickerSheet()];
    this.layer = div('layer');
    this.outline = div('outline');
    this.outline.hidden = true;
    this.area = div('area');
    this.area.hidden = true;
    const bar = div('bar');
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', t('extension.name'));
    this.status = div('status');
    this.status.setAttribute('role', 'status');
    this.status.setAttribute('aria-live', 'polite');
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.textContent = t('overlay.cancel');
    cancel.setAttribute('aria-label', t('overlay.picker.cancel'));
    cancel.addEventListener('click', (event) => {
      event.stopPropagation();
      if (event.isTrusted) onCancel();
    });
    bar.append(this.status, cancel);
    root.append(this.layer, this.outline, this.area, bar);
    document.documentElement.append(this.host);
    // The top layer, where supported: above any page stacking context, dialogs and fullscreen elements.
    if (typeof this.host.showPopover === 'function') {
      this.host.setAttribute('popover', 'manual');
      try {
        this.host.showPopover();
      } catch {
        // not connected or already shown: the fixed host with the top z-index still covers the page
      }
    }
    // The live region is announced when its text changes after it is in the page.
    queueMicrotask(() => this.setStatus(t('overlay.picker.hint')));
  }

  setStatus(text: string): void {
    this.status.textContent = text;
  }

  showOutline(rect: Rect | undefined): void {
    place(this.outline, rect);
  }

  showArea(rect: Rect | undefined): void {
    place(this.area, rect);
  }

  destroy(): void {
    this.host.remove();
  }
}

function div(className: string): HTMLDivElement {
  const node = document.createElement('div');
  node.className = className;
  return node;
}

function place(node: HTMLElement, rect: Rect | undefined): void {
  node.hidden = !rect;
  if (!rect) return;
  node.style.left = `${rect.x}px`;
  node.style.top = `${rect.y}px`;
  node.style.width = `${rect.width}px`;
  node.style.height = `${rect.height}px`;
}
