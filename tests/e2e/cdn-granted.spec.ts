import type { Page } from '@playwright/test';
import { E2E_CDN_EXTENSION_PATH, expect, test } from './fixtures';
import { openPanel } from './sidepanel-helpers';
import { configureApi, decodeSentImage, nextRequest, rightClick } from './site/helpers';
import { ui, uiMatch } from './i18n';

/**
 * The grant path for page images on another host, on a build that already holds cdn.test and third.test
 * (.output/e2e-cdn from `npm run build:e2e`; Playwright cannot answer a permission prompt, so "after the grant" is
 * "a build with the grant"). The worker reads the image with its host access: Referer = the page's origin
 * only, no cookies for another site, redirects followed to a host it may read.
 */
test.use({ extensionPath: E2E_CDN_EXTENSION_PATH });

async function gallery(page: Page, site: { url(p: string): string; cdnUrl(p: string): string; sameSiteCdnUrl(p: string): string }, query = ''): Promise<void> {
  await page.route(`${site.url('/cdn-gallery')}*`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>Gallery</title>
<img id="plain" src="${site.cdnUrl('/img/plain.png')}" width="320" alt="plain">
<img id="hotlink" src="${site.cdnUrl('/hotlink/photo.jpg')}" width="350" alt="hotlink protected">
<img id="cookie" src="${site.cdnUrl('/cookie/img/large.jpg')}" width="400" height="300" alt="needs a CDN cookie">
<img id="redirect" src="${site.cdnUrl('/redirect/img/small.jpg')}" width="320" alt="redirects to third.test">
<img id="same-site-cookie" src="${site.sameSiteCdnUrl('/cookie/img/plain.png')}" width="320" alt="the site's own image host, behind its session">`,
    }),
  );
  await page.goto(site.url(`/cdn-gallery${query}`));
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
}

test('granted CDN: hotlink-protected and redirected images reach the panel; the Referer is the page origin only', async ({ context, extensionId, emulator, site }) => {
  await configureApi(context, extensionId, emulator.apiBaseUrl);
  const panel = await openPanel(context, extensionId);
  const page = await context.newPage();
  await gallery(page, site, '?session=s3cret&user=42#photos');

  const since = site.hits.length;
  await rightClick(context, page, '#hotlink', 'reimagine-edit');
  await expect(panel.getByRole('listitem', { name: uiMatch('Source {n}{tag}', { n: 1 }, 'start') })).toBeVisible();
  await expect(panel.getByRole('status', { name: ui('Reading image…') })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: ui('Generate') })).toBeEnabled();
  const hotlinkHits = site.hits.slice(since).filter((h) => h.path === '/hotlink/photo.jpg');
  expect(hotlinkHits.length).toBeGreaterThan(0);
  for (const hit of hotlinkHits) expect(hit.referer ?? '').not.toMatch(/s3cret|cdn-gallery/);
  expect(hotlinkHits.some((h) => h.referer === `${site.origin}/`)).toBe(true);

  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('pencil sketch');
  const before = emulator.requests.length;
  await panel.getByRole('button', { name: ui('Generate') }).click();
  const body = await nextRequest(emulator, '/v1/images/edits', before);
  expect(decodeSentImage((body.image as { url: string }).url)).toMatchObject({ width: 700, height: 500 });

  const thumb = panel.getByRole('listitem', { name: uiMatch('Source {n}{tag}', { n: 1 }, 'start') }).locator('img');
  const hotlinkThumb = await thumb.getAttribute('src');
  const beforeRedirect = site.hits.length;
  await rightClick(context, page, '#redirect', 'reimagine-edit');
  // cdn.test answers 302 → third.test: the worker follows it to a host it may read, and the new image arrives.
  await expect(thumb).not.toHaveAttribute('src', hotlinkThumb ?? '');
  await expect(thumb).toHaveAttribute('src', /^blob:/);
  await expect(panel.getByRole('alert')).toHaveCount(0);
  expect(site.hits.slice(beforeRedirect).some((h) => h.host.startsWith('third.test') && h.path === '/img/small.jpg')).toBe(true);
});

test('granted CDN: no cookies for another site; the screenshot fallback refuses clearly without activeTab; the site’s own image host gets its session', async ({ context, extensionId, emulator, site }) => {
  await configureApi(context, extensionId, emulator.apiBaseUrl);
  const login = await context.newPage();
  await login.goto(site.cdnUrl('/login')); // the user has a session on the CDN
  await login.close();
  const panel = await openPanel(context, extensionId);
  const page = await context.newPage();
  await gallery(page, site);

  const since = site.hits.length;
  await rightClick(context, page, '#cookie', 'reimagine-edit');
  await expect(panel.getByRole('alert')).toContainText(ui('The image could not be loaded (HTTP {status}).', { status: '403' }));
  // The CDN is another site than the page: the worker's read carried no cookie (the page's own <img> none either).
  const cookieHits = site.hits.slice(since).filter((h) => h.path.startsWith('/cookie/'));
  expect(cookieHits.length).toBeGreaterThan(0);
  for (const hit of cookieHits) expect(hit.cookie ?? '').not.toContain('cdn_session');

  // "Use a screenshot instead": Chrome allows captureVisibleTab only with the right-click's activeTab grant
  // (or <all_urls>), which a dispatched menu click does not give. Here it must refuse clearly and keep the
  // way open; the crop itself is tests/unit/screenshot-crop.test.ts.
  await page.bringToFront();
  await panel.getByRole('button', { name: ui('Use a screenshot instead') }).click();
  await expect(panel.getByRole('alert')).toContainText(uiMatch('Chrome did not allow a screenshot of this tab ({reason}). Right-click the image again, then choose “Use a screenshot instead”.'));
  await expect(panel.getByRole('button', { name: ui('Use a screenshot instead') })).toBeEnabled();
  await expect(panel.getByRole('listitem', { name: uiMatch('Source {n}{tag}', { n: 1 }, 'start') })).toHaveCount(0);
  expect(emulator.requests.filter((r) => r.method === 'POST')).toEqual([]);

  // The site's own image host (img.site.test, same site as the page) behind a session: the worker's read
  // carries that cookie, as the page's own <img> does, and the image arrives.
  const sessionLogin = await context.newPage();
  await sessionLogin.goto(site.sameSiteCdnUrl('/login'));
  await sessionLogin.close();
  await page.reload();
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  const beforeSameSite = site.hits.length;
  await rightClick(context, page, '#same-site-cookie', 'reimagine-edit');
  await expect(panel.getByRole('listitem', { name: uiMatch('Source {n}{tag}', { n: 1 }, 'start') })).toBeVisible();
  await expect(panel.getByRole('alert')).toHaveCount(0);
  const sameSiteHits = site.hits.slice(beforeSameSite).filter((h) => h.host.startsWith('img.site.test') && h.path === '/cookie/img/plain.png');
  expect(sameSiteHits.some((h) => (h.cookie ?? '').includes('img_session=ok'))).toBe(true);
});
