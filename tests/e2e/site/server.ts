import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gif, hugeJpeg, jpg, png, SVG } from './images';
import { batch20Page, batchPage } from './batch-pages';
import { pickHostilePage, pickPage } from './pick-pages';
import { landscapeJpeg, showcasePage } from './showcase';

/**
 * A local web site with every kind of page image Reimagine must handle, on real-looking hostnames that the
 * browser under test maps here with `--host-resolver-rules` (`site.hostResolverRules()`):
 * - `site.test` — the pages (and same-site images). The e2e build grants it, standing in for the
 *   activeTab grant a real right-click gives.
 * - `cdn.test` — a cross-site image CDN no permission covers, with no CORS headers, like most sites'
 *   picture hosts. `/hotlink/…` refuses a Referer that is not a site.test page; `/cookie/…` needs the
 *   `cdn_session=ok` cookie (GET http://cdn.test/login sets it); `/redirect/…` answers 302 to third.test.
 * - `third.test` — where cdn.test redirects to.
 * - `img.site.test` — a same-site image host (the page's own CDN, as `upload.wikimedia.org` is to
 *   wikipedia.org users' sessions): `/cookie/…` needs `img_session=ok` (GET http://img.site.test/login).
 * `/pick` and `/pick-hostile` (pick-pages.ts): every kind of picture for "Pick a picture here…".
 * `/showcase` (showcase.ts) is the article with a landscape photo the store screenshots use.
 * Usage: `const site = await startSite(); site.url('/')`, `site.cdnUrl('/img/plain.png')`, `site.close()`.
 */
export const SITE_HOST = 'site.test';
export const CDN_HOST = 'cdn.test';
export const THIRD_HOST = 'third.test';
export const SAME_SITE_CDN_HOST = 'img.site.test';

export interface Site {
  /** http://site.test */
  origin: string;
  /** The cross-site image host, no permission, no CORS: http://cdn.test. */
  otherOrigin: string;
  url(pathname: string): string;
  cdnUrl(pathname: string): string;
  /** The same-site image host: http://img.site.test. */
  sameSiteCdnUrl(pathname: string): string;
  /** Requests received, newest last (path, host, referer, cookie) — to assert what the browser sent. */
  hits: Array<{ path: string; host: string; referer?: string; cookie?: string }>;
  /** Chromium `--host-resolver-rules` entries mapping site.test, cdn.test and third.test here. */
  hostResolverRules(): string[];
  /**
   * Holds the next requests for `pathname` (any host) until `release()`: a capture that stays pending for
   * as long as a test needs to look at it (a 6000×4000 JPEG on a slow CDN), without timing.
   */
  hold(pathname: string): { requested: Promise<void>; release(): void };
  close(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const VIDEO = readFileSync(path.join(here, '..', '..', 'emulator', 'fixtures', 'video-16x9.mp4'));

interface Asset {
  type: string;
  body: () => Buffer;
}

const lazy = (make: () => Buffer) => {
  let cached: Buffer | undefined;
  return () => (cached ??= make());
};

const ASSETS: Record<string, Asset> = {
  '/img/plain.png': { type: 'image/png', body: lazy(() => png(640, 480, 1)) },
  '/img/small.jpg': { type: 'image/jpeg', body: lazy(() => jpg(320, 240, 3)) },
  '/img/large.jpg': { type: 'image/jpeg', body: lazy(() => jpg(1600, 1200, 4)) },
  '/img/pic-fallback.jpg': { type: 'image/jpeg', body: lazy(() => jpg(300, 200, 5)) },
  '/img/pic-large.png': { type: 'image/png', body: lazy(() => png(1200, 800, 6, true)) },
  '/img/blob-source.png': { type: 'image/png', body: lazy(() => png(500, 400, 7)) },
  '/img/private.jpg': { type: 'image/jpeg', body: lazy(() => jpg(800, 600, 8)) },
  '/img/huge.jpg': { type: 'image/jpeg', body: () => hugeJpeg() },
  '/img/logo.svg': { type: 'image/svg+xml', body: () => Buffer.from(SVG) },
  '/img/anim.gif': { type: 'image/gif', body: lazy(gif) },
  '/img/linked.png': { type: 'image/png', body: lazy(() => png(480, 320, 9)) },
  '/img/list.jpg': { type: 'image/jpeg', body: lazy(() => jpg(400, 300, 10)) },
  '/img/csp.png': { type: 'image/png', body: lazy(() => png(420, 300, 11)) },
  '/img/rerender.jpg': { type: 'image/jpeg', body: lazy(() => jpg(500, 350, 12)) },
  '/hotlink/photo.jpg': { type: 'image/jpeg', body: lazy(() => jpg(700, 500, 13)) },
  '/img/showcase.jpg': { type: 'image/jpeg', body: lazy(() => landscapeJpeg(1200, 800)) },
  '/media/clip.mp4': { type: 'video/mp4', body: () => VIDEO },
};

const page = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:sans-serif;margin:16px} img,video{display:block;margin:8px 0 24px} .row img{width:400px;height:300px;object-fit:cover}</style>
</head><body>${body}</body></html>`;

function indexPage(other: string): string {
  const dataPng = `data:image/png;base64,${png(240, 180, 14).toString('base64')}`;
  return page(
    'Reimagine fixtures',
    `<h1>Fixtures</h1>
<div class="row"><img id="plain" src="/img/plain.png" alt="plain"></div>
<img id="srcset" src="/img/small.jpg" srcset="/img/small.jpg 320w, /img/large.jpg 1600w" sizes="400px" width="400" alt="srcset">
<picture><source media="(min-width: 1px)" srcset="/img/pic-large.png 1200w" sizes="400px"><img id="picture" src="/img/pic-fallback.jpg" width="400" alt="picture"></picture>
<img id="data" src="${dataPng}" alt="data">
<img id="blob" alt="blob" width="250">
<img id="cookie" src="/img/private.jpg" width="400" alt="needs cookie">
<img id="hotlink" src="${other}/hotlink/photo.jpg" width="350" alt="hotlink protected">
<img id="huge" src="/img/huge.jpg" width="600" alt="6000x4000">
<img id="svg" src="/img/logo.svg" width="300" alt="svg">
<img id="gif" src="/img/anim.gif" width="128" alt="gif">
<a id="link" href="/elsewhere"><img id="linked" src="/img/linked.png" width="300" alt="in a link"></a>
<img id="missing" src="/img/missing.png" width="200" height="100" alt="404">
<script>
fetch('/img/blob-source.png').then(r => r.blob()).then(b => { document.getElementById('blob').src = URL.createObjectURL(b); });
</script>`,
  );
}

const listPage = () =>
  page(
    'Scrolled list',
    `<div id="list" style="height:320px;width:460px;overflow:auto;border:1px solid #999">
${Array.from({ length: 12 }, (_, i) => `<div style="height:330px"><p>Item ${i}</p>${i === 6 ? '<img id="listed" src="/img/list.jpg" width="400" height="300" alt="in list">' : ''}</div>`).join('\n')}
</div>`,
  );

const rerenderPage = () =>
  page(
    'Re-rendering',
    `<div id="app"></div>
<script>
let n = 0;
function render() { document.getElementById('app').innerHTML = '<p>render ' + (n++) + '</p><img id="rerender" src="/img/rerender.jpg" width="500" height="350" alt="re-rendered">'; }
render();
window.rerender = render;
</script>`,
  );

const cspPage = () =>
  `<!doctype html><html><head><meta charset="utf-8"><title>CSP</title><link rel="stylesheet" href="/csp.css"></head>
<body><h1>Strict CSP</h1><img id="csp" src="/img/csp.png" width="420" height="300" alt="csp"></body></html>`;

const videoPage = () => page('Video', `<video id="video" src="/media/clip.mp4" width="480" muted loop autoplay playsinline></video>`);

export async function startSite(): Promise<Site> {
  const hits: Site['hits'] = [];
  let port = 0;
  const holds: Array<{ pathname: string; waiting: Array<() => void>; requested: () => void; released: boolean }> = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    const hold = holds.find((h) => !h.released && h.pathname === pathname);
    if (!hold) return handle(req, res);
    hold.waiting.push(() => handle(req, res));
    hold.requested();
  });
  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://x');
    const host = req.headers.host ?? '';
    hits.push({ path: url.pathname, host, ...(req.headers.referer ? { referer: req.headers.referer } : {}), ...(req.headers.cookie ? { cookie: req.headers.cookie } : {}) });
    const send = (status: number, type: string, body: Buffer | string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      res.end(body);
    };
    const hostname = host.replace(/:\d+$/, '');
    const other = `http://${CDN_HOST}`;
    if (hostname === CDN_HOST && url.pathname === '/login') {
      return send(200, 'text/html', page('CDN login', '<p>Signed in to the CDN.</p>'), { 'set-cookie': 'cdn_session=ok; Path=/; SameSite=Lax' });
    }
    if (hostname === CDN_HOST && url.pathname.startsWith('/redirect/')) {
      return send(302, 'text/plain', 'moved', { location: `http://${THIRD_HOST}/${url.pathname.slice('/redirect/'.length)}` });
    }
    if (hostname === CDN_HOST && url.pathname.startsWith('/cookie/')) {
      if (!/cdn_session=ok/.test(req.headers.cookie ?? '')) return send(403, 'text/plain', 'login required');
      url.pathname = url.pathname.slice('/cookie'.length);
    }
    if (hostname === SAME_SITE_CDN_HOST && url.pathname === '/login') {
      return send(200, 'text/html', page('Image host login', '<p>Signed in.</p>'), { 'set-cookie': 'img_session=ok; Path=/; SameSite=Lax' });
    }
    if (hostname === SAME_SITE_CDN_HOST && url.pathname.startsWith('/cookie/')) {
      if (!/img_session=ok/.test(req.headers.cookie ?? '')) return send(403, 'text/plain', 'login required');
      url.pathname = url.pathname.slice('/cookie'.length);
    }
    switch (url.pathname) {
      case '/':
        // "Logging in": the cookie the private image checks.
        return send(200, 'text/html', indexPage(other), { 'set-cookie': 'reimagine_session=ok; Path=/; SameSite=Lax' });
      case '/list':
        return send(200, 'text/html', listPage());
      case '/batch':
        return send(200, 'text/html', page('Batch', batchPage(other)));
      case '/batch20':
        return send(200, 'text/html', page('Batch of 20', batch20Page()));
      case '/rerender':
        return send(200, 'text/html', rerenderPage());
      case '/video':
        return send(200, 'text/html', videoPage());
      case '/pick':
        return send(200, 'text/html', page('Pick a picture', pickPage(other)));
      case '/pick-hostile':
        return send(200, 'text/html', page('Hostile picking', pickHostilePage()));
      case '/showcase':
        return send(200, 'text/html', showcasePage());
      case '/csp':
        return send(200, 'text/html', cspPage(), { 'content-security-policy': "default-src 'self'; style-src 'self'" });
      case '/csp.css':
        return send(200, 'text/css', 'body{font-family:serif} img{display:block}');
    }
    const asset = ASSETS[url.pathname];
    if (!asset) return send(404, 'text/html', '<h1>Not found</h1>');
    if (url.pathname === '/img/private.jpg' && !/reimagine_session=ok/.test(req.headers.cookie ?? '')) return send(403, 'text/plain', 'login required');
    if (url.pathname.startsWith('/hotlink/')) {
      const referer = req.headers.referer ?? '';
      if (!referer.startsWith(`http://${SITE_HOST}/`)) return send(403, 'text/plain', 'hotlinking not allowed');
    }
    return send(200, asset.type, asset.body());
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  const origin = `http://${SITE_HOST}`;
  return {
    origin,
    otherOrigin: `http://${CDN_HOST}`,
    url: (pathname) => `${origin}${pathname}`,
    cdnUrl: (pathname) => `http://${CDN_HOST}${pathname}`,
    sameSiteCdnUrl: (pathname) => `http://${SAME_SITE_CDN_HOST}${pathname}`,
    hits,
    hostResolverRules: () => [SITE_HOST, CDN_HOST, THIRD_HOST, SAME_SITE_CDN_HOST].map((name) => `MAP ${name} 127.0.0.1:${port}`),
    hold: (pathname) => {
      let requested!: () => void;
      const entry = { pathname, waiting: [] as Array<() => void>, requested: () => requested(), released: false };
      const seen = new Promise<void>((resolve) => (requested = resolve));
      holds.push(entry);
      return {
        requested: seen,
        release: () => {
          entry.released = true;
          for (const go of entry.waiting.splice(0)) go();
        },
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // idle keep-alive sockets would hold close() open
      }),
  };
}
