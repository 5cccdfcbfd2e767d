import { expect, getServiceWorker, killServiceWorker, test, wakeServiceWorker } from './fixtures';
import { configureApi, decodeSentImage, nextRequest, overlayFor, rightClick, tabOf } from './site/helpers';
import type { Site } from './site/server';
import { targetIdOf } from './site/overlay';
import { ui } from './i18n';

/**
 * Right-click → page image → emulator, on the built extension and a local fixture site. Menu clicks are
 * dispatched inside the worker (Playwright can't open native menus); the side panel stays closed.
 */
let site: Site;
test.beforeAll(({ site: shared }) => {
  site = shared; // the worker's site, which the browser reaches as site.test / cdn.test
});

const MAX_UPLOAD = 4 * 1024 * 1024;

interface Case {
  selector: string;
  expect: { width?: number; height?: number; maxEdge?: number; format?: RegExp; maxBytes?: number };
}

const CASES: Case[] = [
  { selector: '#plain', expect: { width: 640, height: 480, format: /png/ } },
  { selector: '#srcset', expect: { width: 1600, height: 1200, format: /jpeg/ } }, // largest candidate, not the one shown
  { selector: '#picture', expect: { width: 1200, height: 800, format: /png/ } }, // <source> wins, transparency kept
  { selector: '#data', expect: { width: 240, height: 180, format: /png/ } },
  { selector: '#blob', expect: { width: 500, height: 400, format: /png/ } },
  { selector: '#cookie', expect: { width: 800, height: 600, format: /jpeg/ } },
  // #hotlink lives on cdn.test, which this build has no access to: see the CDN tests.
  { selector: '#huge', expect: { width: 2048, height: 1365, format: /jpeg/, maxBytes: 2 * 1024 * 1024 } },
  { selector: '#svg', expect: { width: 1024, height: 768, format: /jpeg|png/ } },
  { selector: '#gif', expect: { width: 64, height: 48, format: /jpeg|png/ } },
  { selector: '#linked', expect: { width: 480, height: 320, format: /png/ } },
];

test('quick action on every kind of page image: valid bounded upload, overlay, Replace/Compare/Revert/Download', async ({ context, extensionId, emulator }) => {
  test.setTimeout(240_000);
  await configureApi(context, extensionId, emulator.apiBaseUrl);
  const page = await context.newPage();
  await page.goto(site.url('/'));
  await expect(page.locator('#blob')).toHaveJSProperty('complete', true);
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  const worker = await getServiceWorker(context);

  for (const c of CASES) {
    await test.step(c.selector, async () => {
      const since = emulator.requests.length;
      await page.locator(c.selector).scrollIntoViewIfNeeded();
      await rightClick(context, page, c.selector, 'reimagine-quick:sketch');
      const body = await nextRequest(emulator, '/v1/images/edits', since);
      const sent = decodeSentImage((body.image as { url: string }).url);
      expect(sent.bytes).toBeLessThanOrEqual(c.expect.maxBytes ?? MAX_UPLOAD);
      expect(Math.max(sent.width, sent.height)).toBeLessThanOrEqual(2048);
      if (c.expect.width) expect([sent.width, sent.height]).toEqual([c.expect.width, c.expect.height]);
      if (c.expect.format) expect(sent.format).toMatch(c.expect.format);
      expect(body.prompt).toContain('pencil sketch');

      const overlay = await overlayFor(page, c.selector);
      const img = page.locator(c.selector);
      const box = await img.boundingBox();
      const originalSrc = await img.getAttribute('src');
      await overlay.click('Replace', { timeout: 20_000 });
      await expect(img).toHaveAttribute('src', /^blob:/);
      await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0)).toBe(true);
      const after = await img.boundingBox();
      expect(Math.abs((after?.width ?? 0) - (box?.width ?? 0))).toBeLessThan(1.5);
      expect(Math.abs((after?.height ?? 0) - (box?.height ?? 0))).toBeLessThan(1.5);

      await overlay.click('Compare');
      // Comparing against the original decodes it (6000×4000 for #huge): slow on a busy machine.
      await expect.poll(async () => (await overlay.state())?.slider, { timeout: 30_000 }).toBe(true);
      await page.keyboard.press('ArrowRight'); // the slider has focus
      await overlay.click('Compare');
      await expect.poll(async () => (await overlay.state())?.slider).toBe(false);

      await overlay.click('Revert');
      await expect(img).toHaveAttribute('src', originalSrc ?? '');
      // The original loads again (an image without a fixed size has no box meanwhile, and the bar hides).
      await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0)).toBe(true);

      const downloadsBefore = await worker.evaluate(async () => (await chrome.downloads.search({})).length);
      await overlay.click('Download');
      // The overlay's own answer first: on a failure its sentence is what the assertion reports.
      await expect.poll(() => overlay.status()).toBe(ui('Download started.'));
      await expect.poll(() => worker.evaluate(async () => (await chrome.downloads.search({})).length)).toBe(downloadsBefore + 1);
      await overlay.click('Close Reimagine overlay');
      await expect.poll(() => overlay.present()).toBe(false);
    });
  }

  await test.step('404 image: a clear message next to the image, nothing sent', async () => {
    const since = emulator.requests.length;
    await page.locator('#missing').scrollIntoViewIfNeeded();
    await rightClick(context, page, '#missing', 'reimagine-quick:sketch');
    const overlay = await overlayFor(page, '#missing');
    await expect.poll(() => overlay.status()).toContain(ui('The image could not be loaded (HTTP {status}).', { status: '404' }));
    expect(emulator.requests.slice(since).filter((r) => r.method === 'POST')).toHaveLength(0);
  });
});

test('strict CSP page, scrolled list, re-rendering page, animate quick action', async ({ context, extensionId, emulator }) => {
  test.setTimeout(120_000);
  emulator.configure({ videoRenderMs: 1500 });
  await configureApi(context, extensionId, emulator.apiBaseUrl);
  const page = await context.newPage();

  await test.step('CSP: overlay styled via adoptedStyleSheets, result shown', async () => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(site.url('/csp'));
    await rightClick(context, page, '#csp', 'reimagine-quick:golden-hour');
    const overlay = await overlayFor(page, '#csp');
    await overlay.expectButton('Replace', { timeout: 20_000 });
    expect((await overlay.state())?.buttons[ui('Replace')]?.background).toBe('rgb(91, 75, 219)');
    await overlay.click('Replace');
    await expect.poll(() => page.locator('#csp').evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(violations).toEqual([]);
  });

  await test.step('scrolled list: overlay follows the image and becomes a toast when scrolled away', async () => {
    await page.goto(site.url('/list'));
    await page.locator('#listed').scrollIntoViewIfNeeded();
    await rightClick(context, page, '#listed', 'reimagine-quick:sketch');
    const overlay = await overlayFor(page, '#listed');
    await overlay.expectButton('Replace', { timeout: 20_000 });
    const imgBox = await page.locator('#listed').boundingBox();
    const barBox = (await overlay.state())?.bar;
    expect(barBox && imgBox && barBox.x >= imgBox.x - 1 && barBox.y + barBox.height <= imgBox.y + imgBox.height + 1).toBe(true);
    await page.locator('#list').evaluate((el) => (el.scrollTop = 0));
    // Out of view: not gone, but a toast at the top right of the viewport (no longer over the image).
    await expect.poll(async () => (await overlay.state())?.bar?.y ?? -1).toBeLessThan(40);
    await overlay.expectButton('Replace');
  });

  await test.step('re-rendering page: the replacement survives a new <img> node', async () => {
    await page.goto(site.url('/rerender'));
    await rightClick(context, page, '#rerender', 'reimagine-quick:sketch');
    const overlay = await overlayFor(page, '#rerender');
    await overlay.click('Replace', { timeout: 20_000 });
    await expect(page.locator('#rerender')).toHaveAttribute('src', /^blob:/);
    await page.evaluate(() => (window as unknown as { rerender(): void }).rerender());
    await expect(page.locator('#app p')).toHaveText('render 1');
    await expect(page.locator('#rerender')).toHaveAttribute('src', /^blob:/);
    await overlay.expectButton('Revert');
  });

  await test.step('animate quick action: progress overlay, video plays in place of the image', async () => {
    await page.goto(site.url('/'));
    const since = emulator.requests.length;
    await rightClick(context, page, '#plain', 'reimagine-quick:push-in');
    const body = await nextRequest(emulator, '/v1/videos/generations', since);
    expect(decodeSentImage((body.image as { url: string }).url).width).toBe(640);
    const overlay = await overlayFor(page, '#plain');
    await expect.poll(async () => (await overlay.state())?.progress).toBe(true);
    await overlay.expectButton('Cancel');
    await overlay.click('Replace', { timeout: 60_000 });
    const video = page.locator('video[data-reimagine-result]');
    await expect(video).toHaveJSProperty('muted', true);
    await expect(video).toHaveJSProperty('loop', true);
    await expect(page.locator('#plain')).toBeHidden();
    await overlay.click('Revert');
    await expect(video).toHaveCount(0);
    await expect(page.locator('#plain')).toBeVisible();
  });
});

test('panel menus write a pending request; references collect; video menus send the right requests', async ({ context, extensionId, emulator }) => {
  test.setTimeout(120_000);
  await configureApi(context, extensionId, emulator.apiBaseUrl);
  // The capture's outcome, not its "Reading image…" state (which the panel tests cover).
  const pending = async () =>
    (await getServiceWorker(context)).evaluate(async () => {
      const request = (await chrome.storage.session.get('pendingPanelRequest')).pendingPanelRequest as { capture?: { state: string } } | undefined;
      return (request?.capture?.state === 'pending' ? undefined : request) as Record<string, unknown> | undefined;
    });
  const page = await context.newPage();
  await page.goto(site.url('/'));
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));

  await rightClick(context, page, '#plain', 'reimagine-edit');
  await expect.poll(async () => (await pending())?.mode).toBe('edit-image');
  const edit = (await pending()) as { sources: Array<{ mimeType: string; width: number }>; origin: { targetId: string; tabId: number } };
  expect(edit.sources[0]).toMatchObject({ mimeType: 'image/png', width: 640 });
  expect(edit.origin.targetId).toBe(await targetIdOf(page, '#plain'));

  // A restarted worker still handles clicks (listeners are registered at every start).
  await killServiceWorker(context);
  await wakeServiceWorker(context, extensionId);
  await rightClick(context, page, '#linked', 'reimagine-animate');
  await expect.poll(async () => (await pending())?.mode).toBe('animate-image');

  for (const [i, sel] of ['#plain', '#srcset', '#cookie', '#data'].entries()) {
    await rightClick(context, page, sel, 'reimagine-reference');
    await expect.poll(async () => ((await pending())?.sources as unknown[] | undefined)?.length).toBe(i + 1);
  }
  expect((await pending())?.mode).toBe('reference-video');

  const tab = await tabOf(context, page);
  await (await getServiceWorker(context)).evaluate(
    ([t]) => (chrome.contextMenus.onClicked as unknown as { dispatch(...a: unknown[]): void }).dispatch({ menuItemId: 'reimagine-generate', selectionText: ' a red fox ', editable: false, pageUrl: t.url }, t),
    [tab] as const,
  );
  await expect.poll(async () => (await pending())?.mode).toBe('create-image');
  expect((await pending())?.prompt).toBe('a red fox');

  // Video: capture → pending request → the panel submits it (done here through the page protocol).
  await page.goto(site.url('/video'));
  for (const [menu, mode, path] of [
    ['reimagine-edit-video', 'edit-video', '/v1/videos/edits'],
    ['reimagine-extend-video', 'extend-video', '/v1/videos/extensions'],
  ] as const) {
    await rightClick(context, page, '#video', menu, 'video');
    await expect.poll(async () => (await pending())?.mode, { timeout: 15_000 }).toBe(mode);
    const req = (await pending()) as { sources: Array<{ mimeType: string }>; origin: unknown };
    expect(req.sources[0]?.mimeType).toBe('video/mp4');
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const since = emulator.requests.length;
    const reply = await options.evaluate(
      ([r, m]) =>
        chrome.runtime.sendMessage({
          type: 'job.submit',
          input: { request: { mode: m, prompt: 'make it snow', model: 'grok-imagine-video', sources: r.sources, ...(m === 'extend-video' ? { duration: 4 } : {}) }, origin: r.origin },
        }),
      [req, mode] as const,
    );
    expect(reply).toMatchObject({ ok: true });
    const body = await nextRequest(emulator, path, since);
    expect((body.video as { url: string }).url).toMatch(/^data:video\/mp4;base64,/);
    await options.close();
    await (await overlayFor(page, '#video')).expectButton('Cancel');
  }
});
