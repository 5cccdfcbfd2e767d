/**
 * Pages for "Pick a picture here…" (tests/e2e/pick-picture.spec.ts), served by the fixture site (server.ts).
 * `/pick` holds one of every kind of picture Chrome's context menu does not report as an image, all on
 * screen at 1280×720 without scrolling:
 * - `#covered`: /img/plain.png (640×480) shown at 320×240 under a transparent `div` (`#cover`), as on
 *   photo grids and zoomers;
 * - `#hero`: a CSS `background-image` (/img/large.jpg, 1600×1200);
 * - `#canvas`: a 300×200 canvas drawn by the page, shown at half size (its real resolution is 300×200);
 * - `#tainted`: a canvas drawn from cdn.test without CORS, which the page (and so Reimagine) may not read;
 * - `#svg`: an inline SVG shown at 240×160, with an `<image>` (`#svg-image`, /img/linked.png 480×320);
 * - `#shadow-host`: an open shadow root holding `<img id="shadow-img">` (/img/pic-large.png, 1200×800);
 * - `#video`: the emulator's 16:9 clip, paused on a frame.
 * `/pick-hostile`: two photos; at the user's press (`pointerdown`, capture phase, before anyone else sees
 * it) the page slides the second photo over the first, so the press and the release land on different pictures.
 */
const block = 'flex:none;margin:0;display:block';

export const pickPage = (cdn: string) => `
<h1 style="margin:4px 0;font-size:16px">Pick a picture</h1>
<div style="display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start">
  <div id="covered-wrap" style="position:relative;width:320px;height:240px;${block}">
    <img id="covered" src="/img/plain.png" width="320" height="240" alt="" style="display:block;margin:0">
    <div id="cover" style="position:absolute;inset:0;background:transparent"></div>
  </div>
  <div id="hero" style="background-image:url(/img/large.jpg);background-size:cover;background-position:center;width:400px;height:200px;${block}"></div>
  <canvas id="canvas" width="300" height="200" style="width:150px;height:100px;${block}"></canvas>
  <canvas id="tainted" width="280" height="180" style="${block}"></canvas>
  <svg id="svg" width="240" height="160" viewBox="0 0 120 80" style="${block}" xmlns="http://www.w3.org/2000/svg">
    <rect width="120" height="80" fill="#2a6"/>
    <circle cx="30" cy="40" r="22" fill="#fd3"/>
    <image id="svg-image" href="/img/linked.png" x="64" y="10" width="48" height="32"/>
  </svg>
  <div id="shadow-host" style="width:300px;height:200px;${block}"></div>
  <video id="video" src="/media/clip.mp4" width="320" muted playsinline preload="auto" style="${block}"></video>
</div>
<script>
  const c = document.getElementById('canvas').getContext('2d');
  const g = c.createLinearGradient(0, 0, 300, 200);
  g.addColorStop(0, '#c33'); g.addColorStop(1, '#33c');
  c.fillStyle = g; c.fillRect(0, 0, 300, 200);
  c.fillStyle = '#fff'; c.fillRect(40, 40, 60, 60);
  const tainted = document.getElementById('tainted');
  const photo = new Image();
  photo.onload = () => { tainted.getContext('2d').drawImage(photo, 0, 0, 280, 180); tainted.dataset.drawn = 'true'; };
  photo.src = '${cdn}/img/small.jpg';
  const root = document.getElementById('shadow-host').attachShadow({ mode: 'open' });
  root.innerHTML = '<img id="shadow-img" src="/img/pic-large.png" width="300" height="200" alt="in a shadow root" style="display:block">';
  const video = document.getElementById('video');
  video.addEventListener('loadeddata', () => { video.currentTime = 0.5; }, { once: true });
  video.addEventListener('seeked', () => { video.dataset.ready = 'true'; }, { once: true });
</script>`;

export const pickHostilePage = () => `
<div style="position:relative;width:700px;height:260px">
  <img id="first" src="/img/plain.png" width="320" height="240" alt="first" style="position:absolute;left:0;top:0;margin:0">
  <img id="second" src="/img/small.jpg" width="320" height="240" alt="second" style="position:absolute;left:360px;top:0;margin:0">
</div>
<script>
  // Hostile: at the press, before any other listener, the second photo slides under the pointer.
  window.addEventListener('pointerdown', () => {
    const second = document.getElementById('second');
    second.style.left = '0px';
    second.style.zIndex = '5';
  }, true);
</script>`;
