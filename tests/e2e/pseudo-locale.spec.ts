import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openExtensionPage, REPO_ROOT, test, type ExtensionPageName } from './fixtures';
import { UI_LANGUAGE } from './launch';
import {  } from './i18n';

/**
 * The pseudo-locale build (.output/e2e-pseudo: English accented and ~40 % longer, as German or French run)
 * at the narrowest side panel Chrome allows (320 px): no text is clipped and nothing scrolls sideways.
 * Screenshots of each page go to the test's output folder (test-results/…/pseudo-*.png).
 */
// The pseudo-locale replaces English only: under E2E_LANG=de this spec still runs its browser in English.
test.use({ extensionPath: path.join(REPO_ROOT, '.output', 'e2e-pseudo', 'chrome-mv3'), uiLanguage: UI_LANGUAGE ? 'en' : UI_LANGUAGE });

const WIDTH = 320;

/** Every visible element that holds text of its own and is wider inside than its box; and the page's own overflow. */
async function clipped(page: Page): Promise<{ page: number; elements: string[] }> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (['SCRIPT', 'STYLE', 'OPTION', 'SELECT', 'INPUT', 'TEXTAREA', 'svg'].includes(el.tagName)) continue;
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && /\S/.test(n.textContent ?? ''));
      if (!ownText) continue;
      const style = getComputedStyle(el);
      if (style.display === 'inline' || style.visibility === 'hidden' || el.closest('.visually-hidden')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      // Overflowing its own box, or sticking out of the viewport.
      if (el.scrollWidth > el.clientWidth + 1 || box.right > window.innerWidth + 1) {
        out.push(`${el.tagName.toLowerCase()}.${el.className}: "${(el.textContent ?? '').trim().slice(0, 60)}" (${el.scrollWidth} > ${el.clientWidth}, right ${Math.round(box.right)})`);
      }
    }
    return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, elements: out };
  });
}

for (const [name, ready] of [
  ['sidepanel.html', 'Ĝéñéŕàţé'],
  ['popup.html', 'Öþéñ šîđé þàñéļ'],
  ['history-page.html', 'Ĥîšţöŕý'],
  ['options.html', 'Šàṽé'],
  // Without a key: the welcome page's setup card (the panel and popup show the same card then).
  ['welcome.html', 'Ŵéļçöɱé ţö Ŕéîɱàĝîñé'],
] as [ExtensionPageName, string][]) {
  test(`pseudo-locale at ${WIDTH} px: nothing clipped in ${name}`, async ({ context, extensionId }, testInfo) => {
    const page = await openExtensionPage(context, extensionId, name);
    await page.setViewportSize({ width: WIDTH, height: 900 });
    // The panel and popup show their own layout once a key is saved (before, the setup card).
    if (name === 'sidepanel.html' || name === 'popup.html') await page.evaluate(() => chrome.runtime.sendMessage({ type: 'settings.save', secrets: { xai: 'xai-emulator-key' } }));
    await expect(page.getByText(ready).first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`pseudo-${name.replace('.html', '')}.png`), fullPage: true });
    const result = await clipped(page);
    expect(result.elements).toEqual([]);
    expect(result.page).toBeLessThanOrEqual(0);
  });
}
