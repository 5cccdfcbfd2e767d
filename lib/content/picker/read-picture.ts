import { blobToDataUrl } from '../../media/encode';
import { fetchInPage } from '../capture';
import { RAW_IMAGE_MAX_BYTES } from '../../media/prepare-image';
import type { Picture } from './find-picture';

/**
 * The pixels of a picture that has no address to read it from, at its real resolution:
 * - `<canvas>`: `toBlob` at its own width × height (not its CSS size);
 * - `<video>`: the current frame at videoWidth × videoHeight;
 * - inline `<svg>`: rasterised at its displayed size × devicePixelRatio (its `<image>`s inlined first:
 *   an SVG drawn as an image loads nothing by itself);
 * - `<img>` whose address is too long to hand over (a big data: URL): drawn at its natural size.
 * `undefined` when the page may not let anyone read them (a canvas tainted by another origin's image, a
 * cross-origin video, a video with no frame yet): the caller offers the screenshot of the element's box.
 */
export async function readPixels(picture: Picture): Promise<Blob | undefined> {
  switch (picture.kind) {
    case 'canvas':
      return canvasBlob(picture.el);
    case 'video': {
      const video = picture.el;
      if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || !video.videoWidth) return undefined;
      return drawn(video, video.videoWidth, video.videoHeight);
    }
    case 'svg':
      return rasterizeSvg(picture.el);
    case 'img':
      return drawn(picture.el, picture.el.naturalWidth, picture.el.naturalHeight);
    default:
      return undefined;
  }
}

/** A tainted canvas throws on toBlob: that is the page's "you may not read this", not an error. */
function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob | undefined> {
  return new Promise((resolve) => {
    try {
      canvas.toBlob((blob) => resolve(blob ?? undefined), 'image/png');
    } catch {
      resolve(undefined);
    }
  });
}

function drawn(source: CanvasImageSource, width: number, height: number): Promise<Blob | undefined> {
  if (width < 1 || height < 1) return Promise.resolve(undefined);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.resolve(undefined);
  try {
    ctx.drawImage(source, 0, 0, width, height);
  } catch {
    return Promise.resolve(undefined);
  }
  return canvasBlob(canvas);
}

const MAX_RASTER_EDGE = 8192;

async function rasterizeSvg(svg: SVGSVGElement): Promise<Blob | undefined> {
  const box = svg.getBoundingClientRect();
  const scale = Number.isFinite(devicePixelRatio) && devicePixelRatio > 0 ? devicePixelRatio : 1;
  const width = Math.min(MAX_RASTER_EDGE, Math.round(box.width * scale));
  const height = Math.min(MAX_RASTER_EDGE, Math.round(box.height * scale));
  const clone = svg.cloneNode(true) as SVGSVGElement;
  // The displayed size, and a viewBox so the drawing scales to the device pixels instead of being cut.
  clone.setAttribute('width', String(box.width));
  clone.setAttribute('height', String(box.height));
  if (!clone.hasAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${box.width} ${box.height}`);
  await inlineImages(clone, svg.baseURI);
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(clone)], { type: 'image/svg+xml' }));
  try {
    return await drawn(await loadImage(url), width, height);
  } catch {
    return undefined;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** `<image href>` as data: URLs, read in the page like any page image; one that can't be read stays out. */
async function inlineImages(svg: SVGSVGElement, base: string): Promise<void> {
  for (const image of svg.querySelectorAll('image')) {
    const href = image.getAttribute('href') ?? image.getAttribute('xlink:href');
    if (!href || href.startsWith('data:')) continue;
    try {
      const blob = await fetchInPage(new URL(href, base).href, RAW_IMAGE_MAX_BYTES);
      image.setAttribute('href', await blobToDataUrl(blob));
      image.removeAttribute('xlink:href');
    } catch {
      image.remove();
    }
  }
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('svg'));
    img.src = src;
  });
}
