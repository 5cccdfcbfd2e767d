import { expect, getServiceWorker, test } from './fixtures';
import { bodiesOf, chooseMode, openPanel, pngBytes, setupPanel, tiles } from './sidepanel-helpers';
import { ui, uiRe } from './i18n';

const GIF_1PX = 'R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==';

test('sources from paste and drop, reorder/remove, GIF converted to PNG, inline validation before sending', async ({ context, extensionId, emulator }) => {
  const panel = await setupPanel(context, extensionId, emulator);
  const sources = panel.getByRole('listitem', { name: uiRe(/^Source/) });

  // Paste an image anywhere in the panel: the mode switches to Edit image.
  const red = (await pngBytes(panel, [220, 20, 20])).toString('base64');
  await panel.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'pasted.png', { type: 'image/png' }));
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, red);
  await expect(sources).toHaveCount(1);
  await expect(panel.getByRole('radio', { name: ui('Edit image') })).toBeChecked();

  // Drop a GIF on the composer: converted to PNG in the panel before import.
  await panel.evaluate((gif) => {
    const bytes = Uint8Array.from(atob(gif), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'dropped.gif', { type: 'image/gif' }));
    const target = document.querySelector('.composer')!;
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, GIF_1PX);
  await expect(sources).toHaveCount(2);
  // Tags for multi-image prompts.
  await expect(sources.nth(0)).toHaveAccessibleName(ui('Source {n}{tag}', { n: 1, tag: ' <IMAGE_0>' }));
  await expect(sources.nth(1)).toHaveAccessibleName(ui('Source {n}{tag}', { n: 2, tag: ' <IMAGE_1>' }));

  // Reorder: the GIF (now PNG) moves first.
  await panel.getByRole('button', { name: ui('Move source {n} earlier', { n: 2 }) }).click();

  // Inline validation: no prompt → message, focus on Prompt, nothing sent.
  await panel.getByRole('button', { name: ui('Generate') }).click();
  await expect(panel.getByText(ui('Write a prompt.'))).toBeVisible();
  await expect(panel.getByRole('textbox', { name: ui('Prompt') })).toBeFocused();
  expect(emulator.requests.filter((r) => r.method === 'POST')).toHaveLength(0);

  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('merge <IMAGE_0> and <IMAGE_1>');
  await expect(panel.getByText(ui('Write a prompt.'))).toHaveCount(0);
  await panel.getByRole('button', { name: ui('Generate') }).click();
  await expect(tiles(panel)).toHaveCount(1, { timeout: 20_000 });
  const images = bodiesOf(emulator, '/v1/images/edits')[0]!.images as { url: string }[];
  expect(images[0]!.url).toMatch(/^data:image\/png;base64,/); // was the GIF
  expect(images[1]!.url.slice(0, 40)).toBe(`data:image/png;base64,${red}`.slice(0, 40));

  // Remove leaves one source; the ratio control disappears for single edits.
  await panel.getByRole('button', { name: ui('Remove source {n}', { n: 1 }) }).click();
  await expect(sources).toHaveCount(1);
  await expect(panel.getByLabel(ui('Aspect ratio'))).toHaveCount(0);
});

test('a pending request from the context menu is applied on open and while open, then removed', async ({ context, extensionId, emulator }) => {
  const panel = await setupPanel(context, extensionId, emulator);
  const b64 = (await pngBytes(panel, [10, 10, 200])).toString('base64');
  const source = await panel.evaluate(async (data) => {
    const reply = (await chrome.runtime.sendMessage({ type: 'media.import', dataUrl: `data:image/png;base64,${data}` })) as { source: unknown };
    return reply.source;
  }, b64);
  const worker = await getServiceWorker(context);

  // While open.
  await worker.evaluate((src) => chrome.storage.session.set({ pendingPanelRequest: { id: 'r1', mode: 'animate-image', sources: [src] } }), source);
  await expect(panel.getByRole('radio', { name: ui('Animate image') })).toBeChecked();
  await expect(panel.getByRole('listitem', { name: uiRe(/^Source/) })).toHaveCount(1);
  await expect(panel.getByRole('textbox', { name: ui('Prompt') })).toBeFocused();
  await expect.poll(() => worker.evaluate(() => chrome.storage.session.get('pendingPanelRequest'))).toEqual({});

  // Written before the panel opens.
  await panel.close();
  await worker.evaluate(
    (src) => chrome.storage.session.set({ pendingPanelRequest: { id: 'r2', mode: 'edit-image', sources: [src], prompt: 'golden hour' } }),
    source,
  );
  const again = await openPanel(context, extensionId);
  await expect(again.getByRole('radio', { name: ui('Edit image') })).toBeChecked();
  await expect(again.getByRole('textbox', { name: ui('Prompt') })).toHaveValue('golden hour');
  await expect.poll(() => worker.evaluate(() => chrome.storage.session.get('pendingPanelRequest'))).toEqual({});
  await chooseMode(again, 'Create image');
  await expect(again.getByRole('listitem', { name: uiRe(/^Source/) })).toHaveCount(0);
});
