import { E2E_CDN_EXTENSION_PATH, expect, test } from '../e2e/fixtures';
import { batchMenu, batchRegion, expectPictures } from '../e2e/batch-helpers';
import { openPanel } from '../e2e/sidepanel-helpers';
import { configureApi } from '../e2e/site/helpers';
import { startHostileSite, type HostileSite } from './hostile-site';

/**
 * Attack 2 of issue 22: a page lists lazy-load addresses it never loads itself (`<img data-src=…>`), and
 * "Images on this page" would render them as <img> in the side panel, from the extension's origin — with the
 * target site's cookies (Lax and Strict ones too, once the extension has host access). Thumbnails now are
 * bytes: drawn by the page script from what the page shows, or read by the worker without cookies.
 */
let web: HostileSite;
test.beforeAll(async () => {
  web = await startHostileSite();
});
test.afterAll(async () => web.close());

test.use({ extensionPath: E2E_CDN_EXTENSION_PATH }); // host access to cdn.test, as after "Read images on all sites"

test('the batch picker never sends another site’s cookies to addresses the page chose', async ({ context, extensionId, emulator, site }) => {
  await configureApi(context, extensionId, emulator.apiBaseUrl);
  const panel = await openPanel(context, extensionId);
  const page = await context.newPage();
  await page.goto(site.cdnUrl('/login')); // the user is signed in on the other site (cdn_session, SameSite=Lax)
  const pixel = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
  const lazy = [1, 2, 3]
    .map((n) => `<img data-src="${site.cdnUrl(`/cookie/img/plain.png?transfer=${n}`)}" src="${pixel}" width="400" height="300" alt="">`)
    .join('');
  await page.goto(web.page('/lazy', `<img id="own" src="/img/plain.png" width="640" height="480" alt="own">${lazy}`));
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  const since = site.hits.length;

  await batchMenu(context, page);
  await expectPictures(panel, 4);
  const region = batchRegion(panel);
  // Every thumbnail in the panel is bytes; the page's own picture has one, drawn from its pixels.
  const sources = await region.locator('img').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('src') ?? ''));
  expect(sources.length).toBeGreaterThan(0);
  for (const src of sources) expect(src).toMatch(/^data:image\//);
  // The other site saw no request with its cookie.
  const cdnHits = site.hits.slice(since).filter((h) => h.host.startsWith('cdn.test'));
  expect(cdnHits.filter((h) => h.cookie)).toEqual([]);
});
