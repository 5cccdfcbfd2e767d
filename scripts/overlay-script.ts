/**
 * Driving the page overlay from a plain script (the demo, the store shots), where Playwright's test-runner
 * `expect.poll` is not available. The overlay's shadow root is closed: ClosedOverlay reads it through
 * DevTools, and clicks are real (trusted) mouse clicks at the button's position, as a user's would be.
 */
import type { Page } from '@playwright/test';
import { ClosedOverlay, MORE_ACTIONS, targetIdOf } from '../tests/e2e/site/overlay';

/** Polls `ready` every 100 ms until it holds, for up to `timeoutMs` (a video render or a slow machine). */
export async function until(ready: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The overlay Reimagine drew over the page element `selector`, once the content script has marked it (in its isolated world). */
export async function overlayOver(page: Page, selector: string): Promise<ClosedOverlay> {
  let id: string | undefined;
  await until(async () => !!(id = await targetIdOf(page, selector)), `the overlay over ${selector}`);
  return new ClosedOverlay(page, { targetId: id! });
}

/**
 * A trusted click on the overlay's button `name` once it shows, stays put between two looks and is armed by
 * the overlay's click guard (a button that just appeared or moved ignores clicks: lib/content/overlay-guard.ts).
 * A plain-script loop rather than ClosedOverlay.click, which waits through the test runner's `expect.poll`.
 * Used by the demo and the store screenshots.
 */
export async function clickOverlay(page: Page, overlay: ClosedOverlay, name: string, timeoutMs = 60_000): Promise<void> {
  let last: string | undefined;
  let at: { x: number; y: number } | undefined;
  await until(async () => {
    const state = await overlay.state();
    // A finished result's other actions are in its "More actions" menu: open it first, as a user would.
    if (name !== MORE_ACTIONS && state && !state.buttons[name] && state.menu.items.includes(name) && !state.menu.open) {
      await clickOverlay(page, overlay, MORE_ACTIONS, timeoutMs);
      return false;
    }
    const button = state?.buttons[name];
    const seen = button ? `${button.x},${button.y}` : undefined;
    const steady = seen !== undefined && seen === last && (await overlay.armed(name));
    last = seen;
    at = button;
    return steady;
  }, `the overlay's ${name} button`, timeoutMs).catch(async (error: unknown) => {
    // Say what the overlay shows instead (an error sentence, still working…).
    throw new Error(`${String(error)}; the overlay says: ${JSON.stringify(await overlay.state())}`);
  });
  await page.mouse.click(at!.x, at!.y);
}
