import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jpg, png } from '../e2e/site/images';

/**
 * The hostile-page tests' own small web: a page host and, on another port (another origin), a "service on
 * the user's machine" with a secret picture. Both on 127.0.0.1, which the e2e build grants: so only
 * Reimagine's own rule (no private targets unless the page is on that origin) keeps the worker out.
 * Every request is logged with the headers that tell who asked (Origin is chrome-extension://… for the worker).
 */
export interface HostileSite {
  origin: string;
  trapOrigin: string;
  trapHits: Array<{ path: string; origin?: string }>;
  /** Serve `html` at `pathname` on the page host. */
  page(pathname: string, html: string): string;
  close(): Promise<void>;
}

const IMAGES: Record<string, { type: string; body: Buffer }> = {
  '/img/plain.png': { type: 'image/png', body: png(640, 480, 1) },
  '/img/small.jpg': { type: 'image/jpeg', body: jpg(320, 240, 3) },
  '/img/large.jpg': { type: 'image/jpeg', body: jpg(1600, 1200, 4) },
};

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

export async function startHostileSite(): Promise<HostileSite> {
  const pages = new Map<string, string>();
  const trapHits: HostileSite['trapHits'] = [];
  const site = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const html = pages.get(path);
    const image = IMAGES[path];
    if (html !== undefined) res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' }).end(html);
    else if (image) res.writeHead(200, { 'content-type': image.type, 'cache-control': 'max-age=600' }).end(image.body);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  const secret = png(300, 200, 99);
  const trap = createServer((req, res) => {
    trapHits.push({ path: req.url ?? '/', ...(req.headers.origin ? { origin: req.headers.origin } : {}) });
    res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' }).end(secret);
  });
  const [origin, trapOrigin] = await Promise.all([listen(site), listen(trap)]);
  return {
    origin,
    trapOrigin,
    trapHits,
    page(pathname, html) {
      pages.set(pathname, `<!doctype html><html><head><meta charset="utf-8"><title>${pathname}</title></head><body>${html}</body></html>`);
      return origin + pathname;
    },
    close: async () => {
      // The worker's shared browser outlives this site and keeps idle keep-alive sockets to it: drop them,
      // or close() waits for them to time out.
      await Promise.all(
        [site, trap].map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              s.closeAllConnections();
            }),
        ),
      );
    },
  };
}
