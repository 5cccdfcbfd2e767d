import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseMessagesText } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';

/**
 * docs/store/listing/<locale>.md: one listing per UI locale, with the sections the store forms ask for in
 * the English order, and a summary that is the manifest description of that locale (what the store shows
 * under the name) within Chrome's 132 characters.
 */
const LOCALES = readdirSync('locales').map((file) => file.replace(/\.yml$/, '')).sort();
const SECTIONS = ['Name', 'Summary', 'Description', 'Category', 'Support / homepage'];

function sections(locale: string): Map<string, string> {
  const text = readFileSync(path.join('docs/store/listing', `${locale}.md`), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  const out = new Map<string, string>();
  for (const part of text.split(/^# /m).slice(1)) {
    const [title = '', ...body] = part.split('\n');
    out.set(title.trim(), body.join('\n').trim());
  }
  return out;
}

function manifestDescription(locale: string): string | undefined {
  const messages = parseMessagesText(readFileSync(path.join('locales', `${locale}.yml`), 'utf8'), 'YAML');
  const found = messages.find((m) => m.key.join('.') === 'extension.description');
  return found?.type === 'simple' ? found.message : undefined;
}

describe('store listings', () => {
  it('exist for exactly the UI locales', () => {
    expect(readdirSync('docs/store/listing').map((file) => file.replace(/\.md$/, '')).sort()).toEqual(LOCALES);
  });

  for (const locale of LOCALES) {
    it(`${locale}: every section, the manifest description as summary, within the store limits`, () => {
      const listing = sections(locale);
      expect([...listing.keys()]).toEqual(SECTIONS);
      for (const [title, body] of listing) expect(body.length, `${locale} › ${title}`).toBeGreaterThan(0);
      expect(listing.get('Name')).toBe('Reimagine');
      expect(listing.get('Summary')).toBe(manifestDescription(locale));
      expect(listing.get('Summary')!.length).toBeLessThanOrEqual(132);
      // The Chrome Web Store's description field takes up to 16,000 characters.
      expect(listing.get('Description')!.length).toBeLessThan(16_000);
    });
  }
});
