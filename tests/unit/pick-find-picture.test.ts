// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { addressOf, elementsAt, pictureAt, pictureOf, picturesOnScreen } from '../../lib/content/picker/find-picture';

/**
 * "Pick a picture here…": which picture is under the pointer. happy-dom does no layout or hit testing, so
 * each test gives elements the box a browser would and says what `elementsFromPoint` lists (topmost first).
 */
function box(el: Element, width: number, height: number): void {
  (el as HTMLElement).getBoundingClientRect = () => ({ x: 0, y: 0, top: 0, left: 0, right: width, bottom: height, width, height, toJSON: () => ({}) }) as DOMRect;
}

function loaded(img: HTMLImageElement, width: number, height: number): HTMLImageElement {
  Object.defineProperty(img, 'complete', { value: true });
  Object.defineProperty(img, 'naturalWidth', { value: width });
  Object.defineProperty(img, 'naturalHeight', { value: height });
  Object.defineProperty(img, 'currentSrc', { value: img.src });
  return img;
}

function stack(root: Document | ShadowRoot, elements: Element[]): void {
  (root as { elementsFromPoint: (x: number, y: number) => Element[] }).elementsFromPoint = () => elements;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('pictureAt', () => {
  it('finds the photo under a transparent overlay, skipping Reimagine’s own picker host', () => {
    document.body.innerHTML = '<reimagine-overlay-picker></reimagine-overlay-picker><div id="wrap"><img id="photo" src="https://site.test/p.jpg"><div id="cover"></div></div>';
    const [host, photo, cover, wrap] = ['reimagine-overlay-picker', '#photo', '#cover', '#wrap'].map((s) => document.querySelector(s)!);
    for (const el of [host!, photo!, cover!, wrap!, document.body]) box(el, 640, 480);
    loaded(photo as HTMLImageElement, 640, 480);
    stack(document, [host!, cover!, photo!, wrap!, document.body, document.documentElement]);
    const picture = pictureAt(10, 10);
    expect(picture).toMatchObject({ kind: 'img', el: photo, url: 'https://site.test/p.jpg' });
    expect(addressOf(picture!)).toBe('https://site.test/p.jpg');
  });

  it('looks into open shadow roots, inner elements before their host', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const host = document.querySelector('#host')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<img id="inner" src="https://site.test/inner.png">';
    const inner = loaded(root.querySelector('img')!, 1200, 800);
    box(host, 300, 200);
    box(inner, 300, 200);
    stack(document, [host, document.body]);
    stack(root, [inner, host, document.body]);
    expect(elementsAt(5, 5)).toEqual([inner, host, document.body]);
    expect(pictureAt(5, 5)).toMatchObject({ kind: 'img', el: inner });
  });

  it('takes a CSS background when nothing above it is a picture', () => {
    document.body.innerHTML = '<div id="hero" style="background-image: url(&quot;/img/hero.jpg&quot;)"><p id="text">Hello</p></div>';
    const hero = document.querySelector('#hero')!;
    const text = document.querySelector('#text')!;
    box(hero, 400, 200);
    box(text, 200, 30);
    stack(document, [text, hero, document.body]);
    expect(pictureAt(1, 1)).toMatchObject({ kind: 'background', el: hero, url: `${location.origin}/img/hero.jpg` });
  });
});

describe('pictureAt, pictures hit testing skips', () => {
  it('finds a carousel image with pointer-events: none by its box, not one elsewhere', () => {
    document.body.innerHTML = '<div id="slide"><img id="near" src="https://site.test/n.jpg" style="pointer-events:none"><img id="far" src="https://site.test/f.jpg" style="pointer-events:none"></div>';
    const slide = document.querySelector('#slide')!;
    const near = loaded(document.querySelector<HTMLImageElement>('#near')!, 800, 600);
    const far = loaded(document.querySelector<HTMLImageElement>('#far')!, 800, 600);
    box(slide, 400, 300);
    box(near, 400, 300);
    far.getBoundingClientRect = () => ({ x: 500, y: 0, top: 0, left: 500, right: 900, bottom: 300, width: 400, height: 300, toJSON: () => ({}) }) as DOMRect;
    stack(document, [slide, document.body, document.documentElement]);
    expect(pictureAt(100, 100)).toMatchObject({ kind: 'img', el: near });
    expect(pictureAt(600, 100)).toMatchObject({ kind: 'img', el: far });
    expect(pictureAt(450, 100)).toBeUndefined();
  });
});

describe('picturesOnScreen (Tab / Enter)', () => {
  it('lists the pictures in the viewport in page order, with open shadow roots’ pictures, once each', () => {
    document.body.innerHTML = `<img id="a" src="https://site.test/a.jpg"><div id="host"></div><svg id="s" width="100" height="100"><rect width="50" height="50"></rect></svg>
      <img id="below" src="https://site.test/below.jpg"><reimagine-overlay-picker></reimagine-overlay-picker>`;
    const root = document.querySelector('#host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<canvas width="300" height="200"></canvas>';
    const a = loaded(document.querySelector<HTMLImageElement>('#a')!, 640, 480);
    const below = loaded(document.querySelector<HTMLImageElement>('#below')!, 640, 480);
    const svg = document.querySelector('#s')!;
    const canvas = root.querySelector('canvas')!;
    for (const el of [a, svg, canvas, svg.querySelector('rect')!]) box(el, 100, 100);
    below.getBoundingClientRect = () => ({ x: 0, y: 5000, top: 5000, left: 0, right: 100, bottom: 5100, width: 100, height: 100, toJSON: () => ({}) }) as DOMRect;
    expect(picturesOnScreen().map((p) => p.el)).toEqual([a, canvas, svg]);
  });
});

describe('pictureOf', () => {
  it('reads canvas, video and SVG as pixels; an SVG shape means its outermost <svg>; an <image> has its address', () => {
    document.body.innerHTML = `<canvas width="300" height="200"></canvas><video></video>
      <svg id="outer" width="240" height="160"><svg id="nested"><circle id="dot" r="10"></circle></svg><image id="pic" href="/img/linked.png" width="48" height="32"></image></svg>`;
    const canvas = document.querySelector('canvas')!;
    const video = document.querySelector('video')!;
    const outer = document.querySelector('#outer')!;
    const dot = document.querySelector('#dot')!;
    const pic = document.querySelector('#pic')!;
    for (const el of [canvas, video, outer, dot, pic]) box(el, 240, 160);
    expect(pictureOf(canvas)).toMatchObject({ kind: 'canvas', el: canvas });
    expect(pictureOf(video)).toMatchObject({ kind: 'video', el: video });
    expect(pictureOf(dot)).toMatchObject({ kind: 'svg', el: outer });
    expect(addressOf(pictureOf(dot)!)).toBeUndefined();
    expect(pictureOf(pic)).toMatchObject({ kind: 'svg-image', url: `${location.origin}/img/linked.png` });
  });

  it('skips what the batch scan skips: hidden elements; and what no one points at: tiny ones, images not loaded', () => {
    document.body.innerHTML = '<img id="hidden" src="https://site.test/a.jpg" style="opacity:0"><img id="tiny" src="https://site.test/b.jpg"><img id="broken" src="https://site.test/c.jpg"><div id="plain"></div>';
    const hidden = loaded(document.querySelector<HTMLImageElement>('#hidden')!, 640, 480);
    const tiny = loaded(document.querySelector<HTMLImageElement>('#tiny')!, 16, 16);
    const broken = document.querySelector('#broken')!;
    const plain = document.querySelector('#plain')!;
    box(hidden, 640, 480);
    box(tiny, 16, 16);
    box(broken, 200, 100);
    box(plain, 400, 300);
    for (const el of [hidden, tiny, broken, plain]) expect(pictureOf(el)).toBeUndefined();
  });
});
