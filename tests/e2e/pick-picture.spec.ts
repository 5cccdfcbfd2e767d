import type { BrowserContext, Page } from '@playwright/test';
import { dispatchContextMenu, E2E_CAPTURE_EXTENSION_PATH, expect, test, type Emulator } from './fixtures';
import { openPanel } from './sidepanel-helpers';
import { ClosedOverlay } from './site/overlay';
import { configureApi, decodeSentImage, nextRequest, tabOf, type SentImage } from './site/helpers';
import { ui, uiMatch } from './i18n';

/**
 * "Pick a picture here…" (issue 30): pictures Chrome's context menu does not report as images, chosen with
 * real (trusted) mouse clicks in the page's picker, reach the panel in Edit image mode, and Generate sends
 * them at their real resolution. The build holds <all_urls> (E2E_CAPTURE_EXTENSION_PATH): a dispatched menu
 * click gives no activeTab grant, and a dragged area or a tainted canvas needs tabs.captureVisibleTab.
 */
test.use({ extensionPath: E2E_CAPTURE_EXTENSION_PATH });

const PICKER = 'reimagine-overlay-picker';

async function startPicking(context: BrowserContext, page: Page): Promise<ClosedOverlay> {
  await page.bringToFront(); // the screenshot is of the visible tab; the panel (a tab here) stays behind
  const tab = await tabOf(context, page);
  await dispatchContextMenu(context, { menuItemId: 'reimagine-pick', pageUrl: page.url(), frameId: 0, editable: false }, tab);
  const picker = new ClosedOverlay(page, PICKER);
  await expect(picker.host).toHaveCount(1);
  await expect.poll(() => picker.status()).toBe(ui('Click a picture, or drag to capture an area. Esc to cancel.'));
  return picker;
}

/** A user's click: the pointer comes to the picture (the outline follows it), then presses and releases. */
async function clickOn(page: Page, selector: string, at: { x?: number; y?: number } = {}): Promise<void> {
  const box = (await page.locator(selector).boundingBox())!;
  const x = box.x + (at.x ?? box.width / 2);
  const y = box.y + (at.y ?? box.height / 2);
  await page.mouse.move(x - 20, y - 20);
  await page.mouse.move(x, y, { steps: 3 });
  await page.mouse.down();
  await page.mouse.up();
}

const source = (panel: Page) => panel.getByRole('listitem', { name: uiMatch('Source {n}{tag}', { n: 1 }, 'start') });

/** The picked source is in the panel (Edit image): Generate, read the image the emulator got, clear the source. */
async function generate(panel: Page, emulator: Emulator): Promise<SentImage> {
  await expect(source(panel)).toHaveCount(1, { timeout: 20_000 });
  await expect(panel.getByRole('radio', { name: ui('Edit image') })).toBeChecked();
  const since = emulator.requests.length;
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('make it a watercolor');
  await panel.getByRole('button', { name: ui('Generate') }).click();
  const body = await nextRequest(emulator, '/v1/images/edits', since);
  await panel.getByRole('button', { name: ui('Remove source {n}', { n: 1 }) }).click();
  await expect(source(panel)).toHaveCount(0);
  return decodeSentImage((body.image as { url: string }).url);
}

test('each kind of picture, picked with real clicks, reaches the request at its real resolution', async ({ context, extensionId, emulator, site }) => {
  test.setTimeout(180_000);
  await configureApi(context, extensionId, emulator.apiBaseUrl);
  const panel = await openPanel(context, extensionId);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(site.url('/pick'));
  await expect(page.locator('#tainted')).toHaveAttribute('data-drawn', 'true');
  await expect(page.locator('#video')).toHaveAttribute('data-ready', 'true');
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));

  const cases: Array<[string, string, { width: number; height: number }]> = [
    ['a photo under a transparent div: the original file', '#cover', { width: 640, height: 480 }],
    ['a CSS background: the original file', '#hero', { width: 1600, height: 1200 }],
    ['a canvas: its own resolution, not its CSS size', '#canvas', { width: 300, height: 200 }],
    ['an inline SVG: its displayed size × devicePixelRatio', '#svg', { width: 240, height: 160 }],
    ['a picture in an open shadow root: the original file', '#shadow-host', { width: 1200, height: 800 }],
  ];
  for (const [title, selector, size] of cases) {
    await test.step(title, async () => {
      await startPicking(context, page);
      await clickOn(page, selector, selector === '#svg' ? { x: 60, y: 80 } : {}); // the SVG's circle, not its <image>
      await expect(page.locator(PICKER)).toHaveCount(0);
      const sent = await generate(panel, emulator);
      expect([sent.width, sent.height]).toEqual([size.width, size.height]);
    });
  }

  await test.step('a paused video: its current frame at full resolution', async () => {
    const frame = await page.locator('#video').evaluate((v: HTMLVideoElement) => ({ width: v.videoWidth, height: v.videoHeight, paused: v.paused }));
    expect(frame.paused).toBe(true);
    await startPicking(context, page);
    await clickOn(page, '#video');
    const sent = await generate(panel, emulator);
    expect([sent.width, sent.height]).toEqual([frame.width, frame.height]);
  });

  await test.step('the <image> inside an SVG: its original file', async () => {
    await startPicking(context, page);
    await clickOn(page, '#svg-image');
    const sent = await generate(panel, emulator);
    expect([sent.width, sent.height]).toEqual([480, 320]);
  });

  await test.step('"Use this frame" on the video: the current frame, no picking', async () => {
    const frame = await page.locator('#video').evaluate((v: HTMLVideoElement) => ({ width: v.videoWidth, height: v.videoHeight, src: v.currentSrc }));
    const tab = await tabOf(context, page);
    await dispatchContextMenu(context, { menuItemId: 'reimagine-use-frame', srcUrl: frame.src, pageUrl: page.url(), frameId: 0, mediaType: 'video', editable: false }, tab);
    const sent = await generate(panel, emulator);
    expect([sent.width, sent.height]).toEqual([frame.width, frame.height]);
    await expect(page.locator(PICKER)).toHaveCount(0);
  });

  await test.step('a tainted canvas: the panel offers the screenshot of its box, one click', async () => {
    await startPicking(context, page);
    await clickOn(page, '#tainted');
    await expect(panel.getByRole('alert')).toContainText(ui('The page does not allow reading this picture’s pixels. Use a screenshot of it instead.'));
    await page.bringToFront();
    await panel.getByRole('button', { name: ui('Use a screenshot instead') }).click();
    await expect(panel.getByRole('listitem', { name: uiMatch('Source {n}{tag}, screenshot', { n: 1 }, 'start') })).toBeVisible({ timeout: 20_000 });
    const sent = await generate(panel, emulator);
    expect([sent.width, sent.height]).toEqual([280, 180]);
  });
});

test('dragging an area sends that crop of the tab at device pixels, labelled as a screenshot; Esc cancels; Tab and Enter pick without a pointer', async ({ context, extensionId, emulator, site }) => {
  await configureApi(context, extensionId, emulator.apiBaseUrl);
  const panel = await openPanel(context, extensionId);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(site.url('/pick'));
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));

  await startPicking(context, page);
  await page.keyboard.press('Escape');
  await expect(page.locator(PICKER)).toHaveCount(0);

  // Without a pointer: Tab walks the pictures on screen (the live region says which), Enter chooses.
  const picker = await startPicking(context, page);
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  await expect.poll(() => picker.status()).toBe(ui('Picture {n} of {count}. Enter to choose, Tab for the next one.', { n: 3, count: 7 }));
  await page.keyboard.press('Enter');
  const canvas = await generate(panel, emulator);
  expect([canvas.width, canvas.height]).toEqual([300, 200]);

  // A high-density screen: the crop is in device pixels (2 per CSS pixel), and so is an SVG's raster.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 720, deviceScaleFactor: 2, mobile: false });
  await expect.poll(() => page.evaluate(() => devicePixelRatio)).toBe(2);

  await startPicking(context, page);
  await clickOn(page, '#svg', { x: 60, y: 80 });
  const svg = await generate(panel, emulator);
  expect([svg.width, svg.height]).toEqual([480, 320]);

  await startPicking(context, page);
  await page.mouse.move(40, 60);
  await page.mouse.down();
  await page.mouse.move(200, 150, { steps: 4 });
  await page.mouse.move(250, 190, { steps: 4 });
  await page.mouse.up();
  await expect(page.locator(PICKER)).toHaveCount(0);
  await expect(panel.getByRole('listitem', { name: uiMatch('Source {n}{tag}, screenshot', { n: 1 }, 'start') })).toBeVisible({ timeout: 20_000 });
  const sent = await generate(panel, emulator);
  expect([sent.width, sent.height]).toEqual([420, 260]);
});

test('a hostile page moving pictures under the pointer cannot redirect the choice; forged events do nothing', async ({ context, extensionId, emulator, site }) => {
  await configureApi(context, extensionId, emulator.apiBaseUrl);
  const panel = await openPanel(context, extensionId);
  const page = await context.newPage();
  await page.goto(site.url('/pick-hostile'));
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  const picker = await startPicking(context, page);

  // The page cannot press the picker's controls or choose for the user.
  expect(await picker.syntheticClicks()).toBe(1);
  await page.evaluate(() => {
    const host = document.querySelector('reimagine-overlay-picker')!;
    for (const type of ['pointerdown', 'pointerup', 'click']) host.dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true, clientX: 100, clientY: 100 }));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  });
  await expect(picker.host).toHaveCount(1);
  // The forged pointerdown also ran the page's own trick: put the second photo back where it was.
  await page.evaluate(() => Object.assign(document.getElementById('second')!.style, { left: '360px', zIndex: '' }));

  // The user points at the first photo and clicks; at the press the page slides the second one under the pointer.
  await clickOn(page, '#first');
  await expect.poll(() => picker.status()).toBe(ui('The page moved the picture under the pointer. Click the picture again.'));
  await expect(picker.host).toHaveCount(1);
  await expect(source(panel)).toHaveCount(0);

  // Clicking again, on what is there now and outlined, chooses it: the second photo (320×240).
  await clickOn(page, '#second');
  await expect(picker.host).toHaveCount(0);
  const sent = await generate(panel, emulator);
  expect([sent.width, sent.height]).toEqual([320, 240]);
  expect(emulator.requests.filter((r) => r.method === 'POST' && r.path === '/v1/images/edits')).toHaveLength(1);
});
