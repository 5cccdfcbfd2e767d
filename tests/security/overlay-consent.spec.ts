import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';
import { configureApi, overlayFor, rightClick } from '../e2e/site/helpers';
import { ui } from '../e2e/i18n';

/**
 * Attack 4 of issue 22: the overlay host is a node in the page's DOM, so the page restyles it (opacity 0,
 * hidden, clipped) or lays bait over it, and one real click on the bait would be a trusted click on Replace.
 * The rule (lib/content/overlay-guard.ts): a click acts only when the button is visibly on top where it
 * lands. So for every attack: either the user still sees the button exactly as before (the attack did not
 * take), or a real click at the button's place does nothing.
 */
type Attack = { name: string; install: (page: Page) => Promise<void>; restyle: boolean };

const sheet = (css: string) => async (page: Page) =>
  page.evaluate((text) => {
    const style = Object.assign(document.createElement('style'), { id: 'attack', textContent: text });
    document.head.append(style);
  }, css);

/** The page rewrites the host's own inline style every frame. */
const inline = (prop: string, value: string) => async (page: Page) =>
  page.evaluate(
    ([p, v]) => {
      const host = document.querySelector('reimagine-overlay') as HTMLElement;
      const tick = () => {
        host.style.setProperty(p!, v!, 'important');
        (window as unknown as { attackFrame: number }).attackFrame = requestAnimationFrame(tick);
      };
      tick();
    },
    [prop, value],
  );

/** Bait in the page's own top-layer popover, exactly over the Replace button; `through`: clicks pass to what is below. */
const cover = (through: boolean) => async (page: Page, at?: { x: number; y: number }) =>
  page.evaluate(
    ([x, y, passThrough]) => {
      const bait = document.createElement('div');
      bait.id = 'attack';
      bait.setAttribute('popover', 'manual');
      bait.textContent = 'Claim your prize';
      bait.style.cssText = `position:fixed;inset:auto;margin:0;left:${x - 60}px;top:${y - 20}px;width:120px;height:40px;background:#0a0;color:#fff;border:0;pointer-events:${passThrough ? 'none' : 'auto'}`;
      bait.addEventListener('click', () => ((window as unknown as { baitClicks: number }).baitClicks = ((window as unknown as { baitClicks?: number }).baitClicks ?? 0) + 1));
      document.body.append(bait);
      bait.showPopover();
    },
    [at!.x, at!.y, through] as const,
  );

async function undo(page: Page): Promise<void> {
  await page.evaluate(() => {
    cancelAnimationFrame((window as unknown as { attackFrame?: number }).attackFrame ?? 0);
    document.getElementById('attack')?.remove();
    const host = document.querySelector('reimagine-overlay') as HTMLElement;
    for (const p of ['opacity', 'visibility', 'clip-path']) host.style.removeProperty(p);
  });
}

test('a page that hides the overlay (opacity, visibility, clip-path, a covering element) gets no click through', async ({ context, extensionId, emulator, site }) => {
  await configureApi(context, extensionId, emulator.apiBaseUrl);
  const page = await context.newPage();
  await page.goto(site.url('/'));
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  const originalSrc = await page.locator('#plain').getAttribute('src');
  await rightClick(context, page, '#plain', 'reimagine-quick:sketch');
  const overlay = await overlayFor(page, '#plain');
  await overlay.expectButton('Replace', { timeout: 20_000 });
  await page.mouse.move(0, 0);
  const replace = (await overlay.state())!.buttons[ui('Replace')]!;
  const shot = () => page.screenshot({ clip: { x: replace.x - 8, y: replace.y - 6, width: 16, height: 12 } });
  const baseline = await shot();

  const attacks: Attack[] = [
    { name: 'opacity 0 (stylesheet)', install: sheet('reimagine-overlay { opacity: 0 !important }'), restyle: true },
    { name: 'opacity 0 (inline, every frame)', install: inline('opacity', '0'), restyle: true },
    { name: 'visibility hidden (stylesheet)', install: sheet('reimagine-overlay { visibility: hidden !important }'), restyle: true },
    { name: 'visibility hidden (inline, every frame)', install: inline('visibility', 'hidden'), restyle: true },
    { name: 'clip-path (stylesheet)', install: sheet('reimagine-overlay { clip-path: inset(50%) !important }'), restyle: true },
    { name: 'clip-path (inline, every frame)', install: inline('clip-path', 'inset(50%)'), restyle: true },
    { name: 'a covering element that lets clicks through', install: (p) => cover(true)(p, replace), restyle: false },
    { name: 'a covering element that takes the click', install: (p) => cover(false)(p, replace), restyle: false },
  ];
  for (const attack of attacks) {
    await attack.install(page);
    const seen = (await shot()).equals(baseline);
    // Restyling does not take (top layer, re-asserted style); a covering element is seen by the user instead.
    expect(seen, `${attack.name}: the user still sees Replace`).toBe(attack.restyle);
    if (!seen) {
      // As a user would: the bait is on screen (the guard's occlusion check has seen it too) before the click.
      await expect.poll(() => overlay.armed('Replace'), { message: attack.name }).toBe(false);
      const refusedBefore = await overlay.refused('Replace');
      const baitBefore = await page.evaluate(() => (window as unknown as { baitClicks?: number }).baitClicks ?? 0);
      await page.mouse.click(replace.x, replace.y);
      await page.mouse.move(0, 0);
      // Settled: the guard refused the click, or the bait took it.
      await expect
        .poll(async () => (await overlay.refused('Replace')) > refusedBefore || (await page.evaluate(() => (window as unknown as { baitClicks?: number }).baitClicks ?? 0)) > baitBefore, {
          message: attack.name,
        })
        .toBe(true);
      expect(await page.locator('#plain').getAttribute('src'), attack.name).toBe(originalSrc);
    }
    await undo(page);
  }

  // The same place, the overlay in plain view: the user's click replaces.
  await overlay.click('Replace');
  await expect(page.locator('#plain')).toHaveAttribute('src', /^blob:/);
});
