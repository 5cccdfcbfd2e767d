/**
 * The README's image-understanding screenshots ("Suggest a prompt" in the composer, light and dark):
 *   npm run build:e2e && npx tsx scripts/screenshots-vision.ts
 * Like scripts/screenshots.ts it builds nothing and talks to a local emulator (whose vision model writes
 * deterministic text that quotes the request), so the suggested prompt shown is the emulator's.
 */
import { PNG } from 'pngjs';
import { shoot, withConfiguredExtension } from './screenshot-kit';

function photo(): Buffer {
  // A sky-to-meadow gradient with a sun: enough for the emulator to describe.
  const png = new PNG({ width: 320, height: 200 });
  for (let y = 0; y < 200; y++) {
    for (let x = 0; x < 320; x++) {
      const sun = (x - 240) ** 2 + (y - 50) ** 2 < 600;
      const rgb = sun ? [250, 210, 80] : y < 120 ? [90 + y / 2, 150 + y / 3, 235] : [70, 150 - (y - 120) / 2, 60];
      png.data.set([...rgb, 255], (y * 320 + x) * 4);
    }
  }
  return PNG.sync.write(png);
}

async function main() {
  await withConfiguredExtension({ rotateReadings: false }, async ({ context, base }) => {
    const panel = await context.newPage();
    await panel.goto(`${base}/sidepanel.html`);
    await panel.getByRole('radiogroup', { name: 'Mode' }).getByRole('radio', { name: 'Edit image' }).check();
    await panel.locator('input[type=file]').setInputFiles({ name: 'meadow.png', mimeType: 'image/png', buffer: photo() });
    await panel.getByRole('textbox', { name: 'Prompt', exact: true }).fill('make it winter');
    await panel.getByRole('button', { name: 'Suggest a prompt' }).click();
    await panel.getByTestId('suggest-cost').waitFor();
    await shoot(panel, 'suggest');
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
