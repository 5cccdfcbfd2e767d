/** Where the overlay's bar goes over its element (overlay-ui.ts follows the element every frame). */

/**
 * Where the bar goes inside the frame: the bottom-left corner of the element's visible part, as custom
 * properties the stylesheet reads (CSSOM, so a strict style-src CSP allows it).
 */
export function placeBar(frame: HTMLElement, full: DOMRect, visible: DOMRect): void {
  frame.style.setProperty('--bar-left', `${Math.max(0, visible.left - full.left)}px`);
  frame.style.setProperty('--bar-bottom', `${Math.max(0, full.bottom - visible.bottom)}px`);
  frame.style.setProperty('--bar-width', `${visible.width}px`);
}

/** The part of the element not clipped by the viewport or a scrolling ancestor; undefined = out of view. */
export function visibleRect(target: Element): DOMRect | undefined {
  const r = target.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return undefined;
  let top = Math.max(r.top, 0);
  let left = Math.max(r.left, 0);
  let bottom = Math.min(r.bottom, innerHeight);
  let right = Math.min(r.right, innerWidth);
  for (let node = target.parentElement; node && node !== document.body; node = node.parentElement) {
    const style = getComputedStyle(node);
    if (style.overflow === 'visible' && style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    const c = node.getBoundingClientRect();
    top = Math.max(top, c.top);
    left = Math.max(left, c.left);
    bottom = Math.min(bottom, c.bottom);
    right = Math.min(right, c.right);
  }
  return bottom - top > 8 && right - left > 8 ? new DOMRect(left, top, right - left, bottom - top) : undefined;
}
