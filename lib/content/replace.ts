import { playOnHover } from './hover-play';

/**
 * Swapping a result into the page without disturbing its layout: the element keeps the box it had
 * (explicit px size, object-fit: cover), <picture> sources are muted so they can't win over the new src,
 * and everything touched is remembered so Revert puts the page back exactly.
 */
export interface Swap {
  /** The element now showing the result (the <img> itself, or the <video> put in its place). */
  shown: Element;
  revert(): void;
}

const STYLE_PROPS = ['width', 'height', 'object-fit', 'display'] as const;

function saveStyle(el: HTMLElement): () => void {
  const saved = STYLE_PROPS.map((p) => [p, el.style.getPropertyValue(p), el.style.getPropertyPriority(p)] as const);
  return () => {
    for (const [p, value, priority] of saved) {
      if (value) el.style.setProperty(p, value, priority);
      else el.style.removeProperty(p);
    }
  };
}

function pinBox(el: HTMLElement, rect: DOMRect): void {
  if (rect.width > 0 && rect.height > 0) {
    el.style.setProperty('width', `${rect.width}px`);
    el.style.setProperty('height', `${rect.height}px`);
  }
  el.style.setProperty('object-fit', 'cover');
}

function attrSaver(el: Element, names: string[]): () => void {
  const saved = names.map((n) => [n, el.getAttribute(n)] as const);
  return () => {
    for (const [n, v] of saved) {
      if (v === null) el.removeAttribute(n);
      else el.setAttribute(n, v);
    }
  };
}

export function swapImage(img: HTMLImageElement, url: string): Swap {
  const rect = img.getBoundingClientRect();
  const restorers = [saveStyle(img), attrSaver(img, ['src', 'srcset', 'sizes'])];
  if (img.parentElement instanceof HTMLPictureElement) {
    for (const source of img.parentElement.querySelectorAll('source')) {
      restorers.push(attrSaver(source, ['srcset']));
      source.removeAttribute('srcset');
    }
  }
  pinBox(img, rect);
  img.removeAttribute('srcset');
  img.removeAttribute('sizes');
  img.src = url;
  return { shown: img, revert: () => restorers.forEach((r) => r()) };
}

/**
 * A video result takes the element's place: muted, looping, same box, playing while hovered
 * (hover-play.ts); the original is only hidden.
 */
export function swapToVideo(el: HTMLElement, url: string): Swap {
  const rect = el.getBoundingClientRect();
  const display = getComputedStyle(el).display;
  const video = document.createElement('video');
  Object.assign(video, { muted: true, loop: true, autoplay: false, playsInline: true, controls: false, preload: 'auto', src: url });
  video.setAttribute('data-reimagine-result', '');
  video.style.setProperty('display', display === 'inline' ? 'inline-block' : display);
  pinBox(video, rect);
  const restoreStyle = saveStyle(el);
  el.before(video);
  el.style.setProperty('display', 'none', 'important');
  const stopHover = playOnHover(video);
  return {
    shown: video,
    revert: () => {
      stopHover();
      video.remove();
      restoreStyle();
    },
  };
}

/** A picture that is an element's CSS background (batch): the result becomes the background, same box and sizing. */
export function swapBackground(el: HTMLElement, url: string): Swap {
  const previous = el.style.getPropertyValue('background-image');
  const priority = el.style.getPropertyPriority('background-image');
  el.style.setProperty('background-image', `url("${url}")`, 'important');
  return {
    shown: el,
    revert: () => {
      if (previous) el.style.setProperty('background-image', previous, priority);
      else el.style.removeProperty('background-image');
    },
  };
}
