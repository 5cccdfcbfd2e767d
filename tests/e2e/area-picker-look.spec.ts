import { expect, test } from './fixtures';
import { openPanel } from './sidepanel-helpers';
import { configureApi, rightClick } from './site/helpers';
import { ui } from './i18n';

/**
 * The area picker at the panel's design size (400×860) in light and dark: theme colours with readable text
 * (WCAG AA contrast), the picture, tools and "Use area" in view, nothing wider than the panel. Screenshots
 * go to the test's output folder (area-picker-light.png / -dark.png) for a person to look at.
 */
const luminance = (rgb: number[]) => {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const contrast = (a: number[], b: number[]) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

test('the area picker in light and dark at 400×860: readable, everything in view, nothing wider than the panel', async ({ context, extensionId, emulator, site }) => {
  await configureApi(context, extensionId, emulator.apiBaseUrl);
  const panel = await openPanel(context, extensionId);
  await panel.setViewportSize({ width: 400, height: 860 });
  const page = await context.newPage();
  await page.goto(site.url('/'));
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  await rightClick(context, page, '#plain', 'reimagine-edit-area');
  const surface = panel.getByRole('img', { name: ui('Select an area') });
  await expect.poll(() => surface.locator('img').evaluate((el) => (el as HTMLImageElement).naturalWidth), { timeout: 30_000 }).toBe(640);
  await surface.focus();
  await panel.keyboard.press('b');
  await panel.keyboard.press('ArrowRight');
  await panel.keyboard.press('Space');
  await panel.keyboard.press('Shift+ArrowRight');
  await panel.keyboard.press('Shift+ArrowRight');

  for (const colorScheme of ['light', 'dark'] as const) {
    await panel.emulateMedia({ colorScheme });
    const look = await panel.evaluate(() => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const picker = document.querySelector('.area-picker')!;
      const style = getComputedStyle(picker);
      const hint = getComputedStyle(picker.querySelector('#area-hint')!);
      return { bg: rgb(style.backgroundColor), text: rgb(style.color), hint: rgb(hint.color), scrollWidth: picker.scrollWidth, width: picker.clientWidth };
    });
    expect(contrast(look.bg, look.text)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(look.bg, look.hint)).toBeGreaterThanOrEqual(4.5);
    if (colorScheme === 'dark') expect(luminance(look.bg)).toBeLessThan(0.1);
    else expect(luminance(look.bg)).toBeGreaterThan(0.6);
    expect(look.scrollWidth).toBeLessThanOrEqual(look.width);
    for (const name of ['Brush', 'Eraser', 'Invert', 'Undo', 'Use area', 'Clear area']) await expect(panel.getByRole('button', { name: ui(name) })).toBeInViewport();
    await expect(surface).toBeInViewport();
    await panel.screenshot({ path: test.info().outputPath(`area-picker-${colorScheme}.png`) });
  }
});
