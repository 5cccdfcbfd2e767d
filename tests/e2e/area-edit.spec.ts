import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openPanel } from './sidepanel-helpers';
import { configureApi, decodeSentImage, nextRequest, overlayFor, rightClick } from './site/helpers';
import { ui } from './i18n';
import { areaBounds, paddedCrop, sendSize } from '../../lib/media/area/geometry';
import { areaSchema, type PixelBox } from '../../lib/media/area/area';
import { newestJob } from './area-helpers';

/**
 * "Edit an area…" on a page image, end to end: the picker in the panel, the padded crop at the emulator, the
 * whole picture blended back at the source's exact size, untouched pixels outside the feathered area, and
 * Replace / Compare on the page. A rectangle and a brush stroke, each on a 640×480 PNG and a 6000×4000 JPEG.
 */

/**
 * Decodes two stored media in the panel and compares them outside `keep` (and, for the record, inside it):
 * every channel for lossless sources, luma for JPEG ones (a JPEG encoder subsamples colour: on the fixture's
 * per-pixel colour noise that alone moves single channels by tens of levels, while the brightness stays put).
 */
const comparePixels = (panel: Page, originalId: string, resultId: string, keep: PixelBox, luma: boolean) =>
  panel.evaluate(
    async ([a, b, box, luma]) => {
      const read = (id: string) =>
        new Promise<Blob>((resolve, reject) => {
          const open = indexedDB.open('reimagine');
          open.onsuccess = () => {
            const get = open.result.transaction('media').objectStore('media').get(id);
            get.onsuccess = () => {
              open.result.close();
              resolve((get.result as { blob: Blob }).blob);
            };
            get.onerror = () => reject(get.error);
          };
        });
      const pixels = async (id: string) => {
        const bitmap = await createImageBitmap(await read(id), { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        return { w: bitmap.width, h: bitmap.height, data: ctx.getImageData(0, 0, bitmap.width, bitmap.height).data };
      };
      const [src, out] = await Promise.all([pixels(a), pixels(b)]);
      let outsideMax = 0, outsideSum = 0, outsideN = 0, outsideFar = 0, insideSum = 0, insideN = 0;
      for (let y = 0; y < src.h; y++) {
        for (let x = 0; x < src.w; x++) {
          const inside = x >= box.x && x < box.x + box.w && y >= box.y && y < box.y + box.h;
          const i = (y * src.w + x) * 4;
          let d = 0;
          if (luma) {
            const y0 = 0.299 * src.data[i]! + 0.587 * src.data[i + 1]! + 0.114 * src.data[i + 2]!;
            const y1 = 0.299 * out.data[i]! + 0.587 * out.data[i + 1]! + 0.114 * out.data[i + 2]!;
            d = Math.abs(y0 - y1);
          } else for (let c = 0; c < 3; c++) d = Math.max(d, Math.abs(src.data[i + c]! - out.data[i + c]!));
          if (inside) {
            insideSum += d;
            insideN++;
          } else {
            outsideMax = Math.max(outsideMax, d);
            if (d > 16) outsideFar++;
            outsideSum += d;
            outsideN++;
          }
        }
      }
      return { size: [out.w, out.h], sourceSize: [src.w, src.h], outsideMax, outsideMean: outsideSum / Math.max(1, outsideN), outsideFar: outsideFar / Math.max(1, outsideN), insideMean: insideSum / Math.max(1, insideN) };
    },
    [originalId, resultId, keep, luma] as const,
  );

const PNG = { selector: '#plain', size: [640, 480], type: 'image/png', outsideMax: 0 };
// JPEG in, JPEG out: re-encoding at quality 0.95 moves pixels a little (most where the fixture's noise wraps
// 255 → 0), so the test bounds the mean luma error and the share of pixels off by more than 16.
const JPEG = { selector: '#huge', size: [6000, 4000], type: 'image/jpeg', outsideMax: 255 };
const CASES = [
  { ...PNG, tool: 'rect' as const },
  { ...PNG, tool: 'brush' as const },
  { ...JPEG, tool: 'rect' as const },
  { ...JPEG, tool: 'brush' as const },
];

for (const c of CASES) {
  test(`area edit, ${c.tool} on a ${c.size.join('×')} ${c.type}: the crop is sent, the whole picture comes back`, async ({ context, extensionId, emulator, site }) => {
    test.setTimeout(180_000);
    await configureApi(context, extensionId, emulator.apiBaseUrl);
    const panel = await openPanel(context, extensionId);
    const page = await context.newPage();
    await page.goto(site.url('/'));
    await page.waitForFunction(() => [...document.images].every((i) => i.complete));
    await page.locator(c.selector).scrollIntoViewIfNeeded();
    await rightClick(context, page, c.selector, 'reimagine-edit-area');

    const surface = panel.getByRole('img', { name: ui('Select an area') });
    await expect(surface).toBeVisible({ timeout: 30_000 });
    const picture = surface.locator('img');
    await expect.poll(() => picture.evaluate((el) => (el as HTMLImageElement).naturalWidth), { timeout: 30_000 }).toBe(c.size[0]);
    const box = (await picture.boundingBox())!;
    const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;
    if (c.tool === 'rect') {
      await panel.mouse.move(...at(0.3, 0.3));
      await panel.mouse.down();
      await panel.mouse.move(...at(0.45, 0.4), { steps: 4 });
      await panel.mouse.move(...at(0.55, 0.6), { steps: 4 });
      await panel.mouse.up();
    } else {
      await panel.getByRole('button', { name: ui('Brush') }).click();
      await panel.mouse.move(...at(0.6, 0.5));
      await panel.mouse.down();
      for (const [fx, fy] of [[0.65, 0.55], [0.7, 0.5], [0.75, 0.55]] as const) await panel.mouse.move(...at(fx, fy), { steps: 3 });
      await panel.mouse.up();
    }
    await panel.getByRole('button', { name: ui('Use area') }).click();
    await expect(surface).toHaveCount(0);

    await panel.getByRole('textbox', { name: ui('Prompt') }).fill('add a red balloon');
    const since = emulator.requests.length;
    await panel.getByRole('button', { name: ui('Generate') }).click();
    const body = await nextRequest(emulator, '/v1/images/edits', since, 60_000);

    await expect.poll(async () => (await newestJob(panel))?.status, { timeout: 90_000 }).toBe('done');
    const job = (await newestJob(panel))!;
    const area = areaSchema.parse(job.request.area);
    expect([area.width, area.height]).toEqual(c.size);
    expect(area.shape.kind).toBe(c.tool);
    const crop = paddedCrop(area);
    expect(job.request.areaSource?.crop).toEqual(crop);
    // The request's image is the padded crop, scaled to the send size — never the whole picture.
    const sent = decodeSentImage((body.image as { url: string }).url);
    expect([sent.width, sent.height]).toEqual(Object.values(sendSize(crop)));
    expect(crop.w).toBeLessThan(c.size[0]!);

    const [result] = job.results;
    expect(result).toMatchObject({ mimeType: c.type, width: c.size[0], height: c.size[1] });
    const bounds = areaBounds(area);
    const reach = area.feather + 2;
    const keep = { x: bounds.x - reach, y: bounds.y - reach, w: bounds.w + 2 * reach, h: bounds.h + 2 * reach };
    const diff = await comparePixels(panel, job.request.areaSource!.original.mediaId, result!.mediaId, keep, c.type === 'image/jpeg');
    expect(diff.size).toEqual(c.size);
    expect(diff.outsideMax).toBeLessThanOrEqual(c.outsideMax);
    expect(diff.outsideMean).toBeLessThan(3); // luma levels; 0 for PNG (outsideMax is 0)
    test.info().annotations.push({ type: 'pixels', description: JSON.stringify(diff) });
    expect(diff.outsideFar).toBeLessThan(0.005);
    expect(diff.insideMean).toBeGreaterThan(5); // the edit did land in the area

    // On the page: Replace shows the whole picture (the element keeps its size), Compare slides over it.
    const overlay = await overlayFor(page, c.selector);
    const img = page.locator(c.selector);
    const before = await img.boundingBox();
    await overlay.click('Replace', { timeout: 30_000 });
    await expect(img).toHaveAttribute('src', /^blob:/);
    await expect.poll(() => img.evaluate((el) => [(el as HTMLImageElement).naturalWidth, (el as HTMLImageElement).naturalHeight]), { timeout: 30_000 }).toEqual(c.size);
    const after = await img.boundingBox();
    expect(Math.abs((after?.width ?? 0) - (before?.width ?? 0))).toBeLessThan(1.5);
    await overlay.click('Compare');
    await expect.poll(async () => (await overlay.state())?.slider, { timeout: 30_000 }).toBe(true);
  });
}

test('Select area from the panel, by keyboard: arrows place and resize the rectangle, Invert, Use area, Clear area', async ({ context, extensionId, emulator, site }) => {
  await configureApi(context, extensionId, emulator.apiBaseUrl);
  const panel = await openPanel(context, extensionId);
  const page = await context.newPage();
  await page.goto(site.url('/'));
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  await rightClick(context, page, '#plain', 'reimagine-edit'); // a plain Edit image source: no picker yet
  await expect(panel.getByRole('button', { name: ui('Select area') })).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByRole('img', { name: ui('Select an area') })).toHaveCount(0);

  await panel.getByRole('button', { name: ui('Select area') }).click();
  const surface = panel.getByRole('img', { name: ui('Select an area') });
  await expect(surface).toBeFocused();
  await expect(panel.getByRole('button', { name: ui('Use area') })).toBeDisabled();
  await panel.keyboard.press('ArrowRight'); // the first arrow puts a rectangle in the middle (213×160)
  await panel.keyboard.press('ArrowRight'); // moves it 6 px (1 % of 640)
  await panel.keyboard.press('Shift+ArrowDown'); // grows it 6 px
  await panel.getByRole('button', { name: ui('Invert') }).click();
  await expect(panel.getByRole('button', { name: ui('Invert') })).toHaveAttribute('aria-pressed', 'true');
  await panel.getByRole('button', { name: ui('Use area') }).click();
  await expect(panel.getByText(ui('Everything but the outlined area changes; the result keeps the full picture.'))).toBeVisible();

  await panel.getByRole('button', { name: ui('Select area') }).click();
  await panel.getByRole('button', { name: ui('Invert') }).click();
  await panel.getByRole('button', { name: ui('Use area') }).click();
  await expect(panel.getByText(ui('Only the outlined area changes ({w} × {h} px); the result keeps the full picture.', { w: '213', h: '166' }))).toBeVisible();

  await panel.getByRole('button', { name: ui('Select area') }).click();
  await panel.getByRole('button', { name: ui('Clear area') }).click();
  await expect(panel.getByRole('status').filter({ hasText: ui('Only the outlined area changes ({w} × {h} px); the result keeps the full picture.', { w: '213', h: '166' }) })).toHaveCount(0);
});

test('the brush by keyboard: B picks it, arrows move the cursor, Space paints, Shift+arrows paint a line, [ ] size, E erases, Ctrl+Z / Ctrl+Y, all announced', async ({ context, extensionId, emulator, site }) => {
  await configureApi(context, extensionId, emulator.apiBaseUrl);
  const panel = await openPanel(context, extensionId);
  const page = await context.newPage();
  await page.goto(site.url('/'));
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  await rightClick(context, page, '#plain', 'reimagine-edit');
  await panel.getByRole('button', { name: ui('Select area') }).click({ timeout: 30_000 });
  const surface = panel.getByRole('img', { name: ui('Select an area') });
  await expect(surface).toBeFocused();
  await expect.poll(() => surface.locator('img').evaluate((el) => (el as HTMLImageElement).naturalWidth), { timeout: 30_000 }).toBe(640);
  const said = (english: string, params?: Record<string, string>) => panel.getByRole('status').filter({ hasText: ui(english, params) });

  await panel.keyboard.press('b');
  await expect(panel.getByRole('button', { name: ui('Brush') })).toHaveAttribute('aria-pressed', 'true');
  await expect(said('Tool: {tool}', { tool: ui('Brush') })).toHaveCount(1);
  await surface.focus();
  // 640 px: the brush starts at 53 px (a twelfth), a step is 6 px (1 %), the cursor starts at the middle.
  await panel.keyboard.press(']');
  await expect(said('Brush size: {px} px', { px: '58' })).toHaveCount(1);
  await expect(panel.getByRole('slider', { name: ui('Brush size') })).toHaveValue('58');
  await panel.keyboard.press('ArrowRight');
  await panel.keyboard.press('ArrowRight');
  await expect(said('{tool} at {x}, {y}', { tool: ui('Brush'), x: '332', y: '240' })).toHaveCount(1);
  await panel.keyboard.press('Space');
  await expect(said('Painted at {x}, {y}', { x: '332', y: '240' })).toHaveCount(1);
  await panel.keyboard.press('Shift+ArrowDown');
  await expect(said('Painted at {x}, {y}', { x: '332', y: '246' })).toHaveCount(1);

  await panel.keyboard.press('e');
  await expect(panel.getByRole('button', { name: ui('Eraser') })).toHaveAttribute('aria-pressed', 'true');
  await panel.keyboard.press('Enter');
  await expect(said('Erased at {x}, {y}', { x: '332', y: '246' })).toHaveCount(1);
  await panel.keyboard.press('Control+z');
  await expect(said('Undone')).toHaveCount(1);
  await panel.keyboard.press('Control+y');
  await expect(said('Redone')).toHaveCount(1);
  await panel.keyboard.press('Control+z');
  await expect(panel.getByRole('button', { name: ui('Redo') })).toBeEnabled();

  // The dab (58 px at 332, 240) and the line down to 246: 58 × 64 px; the eraser's dab was undone.
  await panel.getByRole('button', { name: ui('Use area') }).click();
  await expect(panel.getByText(ui('Only the outlined area changes ({w} × {h} px); the result keeps the full picture.', { w: '58', h: '64' }))).toBeVisible();
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('a small red star');
  const since = emulator.requests.length;
  await panel.getByRole('button', { name: ui('Generate') }).click();
  await nextRequest(emulator, '/v1/images/edits', since, 60_000);
  await expect.poll(async () => (await newestJob(panel))?.status, { timeout: 60_000 }).toBe('done');
  const area = areaSchema.parse((await newestJob(panel))!.request.area);
  expect(area.shape).toEqual({ kind: 'brush', strokes: [{ size: 58, erase: false, points: [[332, 240]] }, { size: 58, erase: false, points: [[332, 240], [332, 246]] }] });
});
