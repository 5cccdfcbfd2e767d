/**
 * Driving the page overlay from a plain script (the demo, the store shots), where Playwright's test-runner
 * `expect.poll` is not available. The overlay's shadow root is closed: ClosedOverlay reads it through
 * DevTools, and clicks are real (trusted) mouse clicks at the button's position, as a user's would be.
 */
import type { Page } from '@playwright/test';
import { ClosedOverlay, targetIdOf } from '../tests/e2e/site/overlay';

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
 * A trusted click on the overlay's button `name`, the test kit's way (ClosedOverlay.click): once the button
 * shows, is armed by the overlay's click guard (a button that just appeared or moved ignores clicks for
 * 500 ms: lib/content/overlay-guard.ts) and a hit test keeps finding it in the same place.
 */
export async function clickOverlay(page: Page, overlay: ClosedOverlay, name: string, timeoutMs = 60_000): Promise<void> {
  void page;
  await overlay.click(name, { timeout: timeoutMs }).catch(async (error: unknown) => {
    // Say what the overlay shows instead (an error sentence, still working…).
    throw new Error(`${String(error)}; the overlay says: ${JSON.stringify(await overlay.state())}`);
  });
}
