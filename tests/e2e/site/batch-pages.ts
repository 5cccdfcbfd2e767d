/**
 * Pages for the batch ("Reimagine images on this page…"): served by the fixture site (server.ts).
 * `/batch`: five pictures of every kind the picker must find — one on cdn.test (no permission in the plain
 * e2e build) — plus what it must leave out: an icon-sized GIF, a 1×1 pixel, the same picture at another size.
 * `/batch20`: twenty distinct pictures (one file, twenty addresses), for the bench.
 */
const PLACEHOLDER = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

export const batchPage = (cdn: string) => `
<img id="a" src="/img/plain.png" width="320" alt="plain">
<img id="b" src="/img/small.jpg" srcset="/img/small.jpg 320w, /img/large.jpg 1600w" sizes="320px" width="320" alt="srcset">
<img id="b2" src="/img/large.jpg" width="200" alt="the same picture, larger file">
<img id="c" src="${PLACEHOLDER}" data-src="/img/linked.png" width="300" height="200" alt="lazy">
<div id="d" style="background-image:url(/img/list.jpg);background-size:cover;width:300px;height:220px"></div>
<img id="e" src="${cdn}/img/csp.png" width="320" alt="on the CDN">
<img id="icon" src="/img/anim.gif" width="64" alt="icon">
<img id="pixel" src="/img/rerender.jpg" width="1" height="1" alt="">`;

export const batch20Page = () =>
  Array.from({ length: 20 }, (_, i) => `<img id="p${i}" src="/img/plain.png?n=${i}" width="200" height="150" alt="picture ${i + 1}">`).join('\n');
