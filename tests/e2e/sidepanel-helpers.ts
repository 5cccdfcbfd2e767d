/** Shared steps for the side panel specs (tests/e2e/sidepanel-*.spec.ts). */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect, openExtensionPage, type Emulator } from './fixtures';
import { ui, uiRe } from './i18n';

export const EMULATOR_KEY = 'xai-emulator-key';

/** Options: key + emulator base URL, saved. */
export async function configure(context: BrowserContext, extensionId: string, emulator: Emulator, key = EMULATOR_KEY): Promise<void> {
  const options = await openExtensionPage(context, extensionId, 'options.html');
  await options.getByRole('textbox', { name: ui('API key'), exact: true }).fill(key);
  await options.getByRole('textbox', { name: ui('API base URL'), exact: true }).fill(emulator.apiBaseUrl);
  await options.getByRole('button', { name: ui('Save'), exact: true }).click();
  await expect(options.getByText(uiRe(/^Saved(\.| at)/))).toBeVisible();
  await options.close();
}

export async function openPanel(context: BrowserContext, extensionId: string): Promise<Page> {
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await expect(panel.getByRole('button', { name: ui('Generate') })).toBeEnabled();
  return panel;
}

export async function setupPanel(context: BrowserContext, extensionId: string, emulator: Emulator): Promise<Page> {
  await configure(context, extensionId, emulator);
  return openPanel(context, extensionId);
}

/**
 * `label`: the mode's English label (ui() gives it in the language under test). The modes of the other
 * kind sit behind the Image | Video switch, so the switch is chosen first, as a user would.
 */
export async function chooseMode(panel: Page, label: string): Promise<void> {
  const radio = panel.getByRole('radiogroup', { name: ui('Mode') }).getByRole('radio', { name: ui(label), exact: true });
  const kind = await radio.evaluate((input) => input.closest('[data-kind]')?.getAttribute('data-kind'));
  const toggle = panel.getByRole('group', { name: ui('Output') }).getByRole('button', { name: ui(kind === 'video' ? 'Video' : 'Image'), exact: true });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await radio.check();
}

/** The composer's folded settings (model, count, ratio, resolution, duration…), opened. */
export async function openSettings(panel: Page): Promise<void> {
  const details = panel.locator('details.settings');
  if (!(await details.evaluate((d: HTMLDetailsElement) => d.open))) await details.locator(':scope > summary').click(); // not the Model field's own "Advanced" inside
}

/** A labelled composer setting, with the settings opened first. */
export async function setting(panel: Page, english: string): Promise<Locator> {
  await openSettings(panel);
  return panel.getByLabel(ui(english), { exact: true });
}

export const results = (panel: Page) => panel.getByRole('region', { name: ui('Results'), exact: true });
export const queue = (panel: Page) => panel.getByRole('region', { name: ui('Queue'), exact: true });
export const tiles = (panel: Page) => results(panel).getByRole('article');

/** Adds one generated PNG as a source through the file picker. */
export async function addPngSource(panel: Page, name = 'source.png', rgb: [number, number, number] = [40, 120, 200]): Promise<void> {
  const buffer = await pngBytes(panel, rgb);
  await panel.locator('input[type=file]').setInputFiles({ name, mimeType: 'image/png', buffer });
}

/** A 64×48 PNG drawn by the page (no fixture files needed). */
export async function pngBytes(page: Page, rgb: [number, number, number], type = 'image/png'): Promise<Buffer> {
  const b64 = await page.evaluate(
    async ([r, g, b, mime]) => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 48;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = `rgb(${r},${g},${b})`;
      ctx.fillRect(0, 0, 64, 48);
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((x) => resolve(x!), mime as string));
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let s = '';
      for (const byte of bytes) s += String.fromCharCode(byte);
      return btoa(s);
    },
    [...rgb, type] as const,
  );
  return Buffer.from(b64, 'base64');
}

/** The request bodies the emulator received on one path. */
export function bodiesOf(emulator: Emulator, path: string): Record<string, unknown>[] {
  return emulator.requests.filter((r) => r.method === 'POST' && r.path === path).map((r) => r.body as Record<string, unknown>);
}

/** A result tile's action button (an icon on the tile), opening its "More actions" menu when it lives there. */
export async function tileAction(tile: Locator, english: string | RegExp): Promise<Locator> {
  const name = typeof english === 'string' ? ui(english) : english;
  const button = tile.getByRole('button', { name, exact: typeof name === 'string' });
  if ((await button.count()) === 0) await tile.getByRole('button', { name: ui('More actions'), exact: true }).click();
  return button;
}

/** Opens a result tile's viewer (its picture is a "View <title>" button); returns the dialog. */
export async function openViewer(panel: Page, tile: Locator): Promise<Locator> {
  await tile.locator('.tile-open').click();
  const dialog = panel.getByRole('dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Options as a new user fills it: only the key; the shipped base URL (https://api.x.ai/v1) stays. */
export async function configureKeyOnly(context: BrowserContext, extensionId: string, key = EMULATOR_KEY): Promise<void> {
  const options = await openExtensionPage(context, extensionId, 'options.html');
  await expect(options.getByRole('textbox', { name: ui('API base URL'), exact: true })).toHaveValue('https://api.x.ai/v1');
  await options.getByRole('textbox', { name: ui('API key'), exact: true }).fill(key);
  await options.getByRole('button', { name: ui('Save'), exact: true }).click();
  await expect(options.getByText(uiRe(/^Saved(\.| at)/))).toBeVisible();
  await options.close();
}
