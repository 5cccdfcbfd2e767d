/** A small page of images to right-click in the demo: served on 127.0.0.1, images synthesised at start. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderGenerated } from '../../tests/emulator/images';

const PHOTOS = [
  { name: 'harbour', prompt: 'a quiet harbour at dawn', width: 960, height: 640 },
  { name: 'forest', prompt: 'a misty pine forest', width: 640, height: 800 },
  { name: 'city', prompt: 'a city skyline at night', width: 960, height: 540 },
  { name: 'portrait', prompt: 'a studio portrait, soft light', width: 600, height: 600 },
];

const page = (origin: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Reimagine demo page</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f4f1ec; color: #222; }
  header { padding: 24px 32px; background: #222; color: #fff; }
  main { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 24px; padding: 32px; align-items: start; }
  figure { margin: 0; background: #fff; border-radius: 12px; overflow: hidden; box-shadow: 0 2px 8px #0002; }
  img { display: block; width: 100%; height: auto; }
  figcaption { padding: 8px 12px; color: #555; }
</style></head>
<body>
<header><h1>Right-click any image → Reimagine</h1><p>Choose "Edit image…", "Animate image…" or a quick action.</p></header>
<main>
${PHOTOS.map((p) => `<figure><img src="${origin}/img/${p.name}.jpg" width="${p.width}" height="${p.height}" alt="${p.prompt}"><figcaption>${p.prompt}</figcaption></figure>`).join('\n')}
</main>
</body></html>`;

export async function startDemoSite(): Promise<{ url: string; close(): Promise<void> }> {
  const images = new Map(PHOTOS.map((p) => [`/img/${p.name}.jpg`, renderGenerated(p.prompt, p.width, p.height, 0)]));
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const image = images.get(path);
    if (image) {
      res.writeHead(200, { 'content-type': 'image/jpeg', 'cache-control': 'no-store' });
      res.end(image);
    } else if (path === '/') {
      const { port } = server.address() as AddressInfo;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page(`http://127.0.0.1:${port}`));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
