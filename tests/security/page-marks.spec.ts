import { expect, test } from '../e2e/fixtures';
import { batchMenu, batchRegion, openGallery } from '../e2e/batch-helpers';
import { openPanel } from '../e2e/sidepanel-helpers';
import { configureApi, overlayFor, rightClick } from '../e2e/site/helpers';
import { targetIdOf, targetIdsOf } from '../e2e/site/overlay';
import { ui } from '../e2e/i18n';

/**
 * Issue 22, "the page can observe Reimagine": which image the user sends to an AI service, and when, must not
 * be readable by the page. Reimagine's marks live in its isolated world (lib/content/target-registry.ts); the
 * page's own script — watching every attribute from before it loaded, and scanning the DOM at the end — sees
 * no `data-reimagine-*` attribute and no attribute value naming a Reimagine id, after a right-click capture,
 * a quick action that ends with its overlay shown, and two batch scans (one closed without running).
 */
declare global {
  interface Window {
    seenAttributes?: string[];
  }
}

test('the page cannot see which pictures Reimagine captures, edits or lists', async ({ context, extensionId, emulator, site }) => {
  test.setTimeout(90_000);
  await configureApi(context, extensionId, emulator.apiBaseUrl);
  const panel = await openPanel(context, extensionId);
  const page = await context.newPage();
  // The page's own script, from its first moment: every attribute any element ever carries.
  await page.addInitScript(() => {
    const seen: string[] = (window.seenAttributes = []);
    const record = (el: Element) => {
      for (const a of el.attributes) seen.push(`${a.name}=${a.value}`);
    };
    new MutationObserver((mutations) => {
      for (const m of mutations) {
        if (m.type === 'attributes' && m.target instanceof Element) seen.push(`${m.attributeName}=${m.target.getAttribute(m.attributeName ?? '') ?? ''}`);
        for (const node of m.addedNodes) if (node instanceof Element) [node, ...node.querySelectorAll('*')].forEach(record);
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  await openGallery(page, site);

  // A right-click capture for the panel.
  await rightClick(context, page, '#a', 'reimagine-edit');
  await expect.poll(() => targetIdOf(page, '#a'), { timeout: 15_000 }).toBeDefined();
  // A quick action that finishes with its overlay shown.
  await rightClick(context, page, '#b', 'reimagine-quick:sketch');
  const overlay = await overlayFor(page, '#b');
  await overlay.expectButton('Replace', { timeout: 30_000 });
  // A batch scan closed without running, then another left listed.
  const region = batchRegion(panel);
  await batchMenu(context, page);
  await expect(region.getByRole('checkbox').first()).toBeVisible();
  await region.getByRole('button', { name: ui('Close') }).first().click();
  await expect(region.getByRole('checkbox')).toHaveCount(0);
  await batchMenu(context, page);
  await expect(region.getByRole('checkbox').first()).toBeVisible();

  // Reimagine does know these pictures, in its own world: the right-click, the quick action and the batch's.
  const ids = (await targetIdsOf(page, '*')).filter((id): id is string => id !== null);
  expect(ids.length).toBeGreaterThanOrEqual(3);
  expect(ids).toContain(await targetIdOf(page, '#b'));

  const found = await page.evaluate((reimagineIds) => {
    const now = [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => `${el.localName} ${a.name}=${a.value}`));
    const ever = window.seenAttributes ?? [];
    const telling = (attr: string) => /(^|\s)data-reimagine/i.test(attr) || reimagineIds.some((id) => attr.includes(id));
    return { now: now.filter(telling), ever: ever.filter(telling), watched: ever.length };
  }, ids);
  expect(found.watched).toBeGreaterThan(0); // the page's observer did run
  expect(found.now).toEqual([]);
  expect(found.ever).toEqual([]);
});
