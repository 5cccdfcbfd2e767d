import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NO_KEY_CODE, userMessage } from '../../lib/errors/taxonomy';
import { batchTargetId } from '../../lib/batch/batch-schema';
import { problemText } from '../../lib/export/export-animation';
import { pageCommandSchema } from '../../lib/messaging/protocol';
import { settingsSchema } from '../../lib/settings/schema';
import { chromeGetMessage } from './setup/i18n';

/**
 * lib/'s sentences follow the UI language. The zod schemas are built once, at module load, so their messages
 * are `{ error: () => t(…) }`: read at parse time, they change with the language (a plain string would keep
 * whatever language the module was loaded in).
 */
const english = fakeBrowser.i18n.getMessage;
const german = generateChromeMessages(parseMessagesText(readFileSync(path.resolve('locales/de.yml'), 'utf8'), 'YAML'));
const inGerman = () => {
  fakeBrowser.i18n.getMessage = ((name: string, subs?: string | string[]) => chromeGetMessage(german, name, subs)) as typeof english;
};
afterEach(() => {
  fakeBrowser.i18n.getMessage = english;
});

const batchStart = (patch: object) => ({ type: 'batch.start', scanId: 's', targetIds: ['abcdefgh'], prompt: 'snow', mode: 'edit-image', ...patch });
const firstIssue = (input: unknown) => pageCommandSchema.safeParse(input).error?.issues[0]?.message;

describe('protocol messages in the UI language', () => {
  it('a batch without images or prompt is refused in German, and in English again after', () => {
    inGerman();
    expect(firstIssue(batchStart({ targetIds: [] }))).toBe('Wähle mindestens ein Bild aus.');
    expect(firstIssue(batchStart({ prompt: '   ' }))).toBe('Schreibe einen Prompt für den Stapel.');
    expect(firstIssue(batchStart({ prompt: 'x'.repeat(5001) }))).toBe('Der Prompt ist länger als 5000 Zeichen.');
    fakeBrowser.i18n.getMessage = english;
    expect(firstIssue(batchStart({ targetIds: [] }))).toBe('Choose at least one image.');
    expect(firstIssue(batchStart({ prompt: '' }))).toBe('Write a prompt for the batch.');
  });

  it('an imported file that is not a data: URL, an over-long address, a bad image id, a bad base URL', () => {
    inGerman();
    expect(firstIssue({ type: 'media.import', dataUrl: 'https://example.com/a.png' })).toBe('Die Datei kam nicht als base64-data:-URL an.');
    expect(firstIssue({ type: 'vision.run', purpose: 'describe', intent: '', sources: [{ mediaId: 'm', mimeType: 'image/png', srcUrl: 'x'.repeat(8193) }] })).toBe('Diese Adresse ist zu lang.');
    expect(batchTargetId.safeParse('!').error?.issues[0]?.message).toBe('Diese Bild-ID ist ungültig.');
    const draft = settingsSchema.parse({});
    const badUrl = settingsSchema.safeParse({ ...draft, baseUrls: { ...draft.baseUrls, xai: 'http://example.com' } });
    expect(badUrl.error?.issues[0]?.message).toBe(chromeGetMessage(german, 'security_useAnHttpsUrlHttp'));
    expect(badUrl.error?.issues[0]?.message).not.toBe(english('security_useAnHttpsUrlHttp'));
  });

  it('a submission whose free-form strings are too long names the field, in a translated sentence', () => {
    inGerman();
    const input = { request: { mode: 'create-image', prompt: 'x', model: 'grok-imagine-image', n: 1, aspectRatio: '1:1', resolution: '1k' }, origin: { pageUrl: 'x'.repeat(9000) } };
    const messages = pageCommandSchema.safeParse({ type: 'job.submit', input }).error?.issues.map((i) => i.message) ?? [];
    expect(messages).toContain('Ein Teil der Anfrage ist zu lang (origin).');
  });
});

describe('the encoder worker’s problems, translated by the page', () => {
  it('turns each problem word into a sentence; a crash keeps its English diagnostic in parentheses', () => {
    inGerman();
    expect(problemText('webp')).toBe('Dieser Browser kann keine WebP-Bilder kodieren.');
    expect(problemText('request')).toBe('Die Exportanfrage wurde nicht verstanden.');
    expect(problemText('failed', 'no frames')).toBe('Die Animation konnte nicht kodiert werden (no frames).');
    fakeBrowser.i18n.getMessage = english;
    expect(problemText('failed')).toBe('The encoder stopped.');
  });
});

describe('a missing key is told apart by its code', () => {
  it('userMessage keeps the no-key sentence (made in the UI language) instead of "the provider rejected it"', () => {
    expect(userMessage({ kind: 'invalid_key', code: NO_KEY_CODE, message: 'Speichere zuerst einen API-Schlüssel.' })).toBe('Speichere zuerst einen API-Schlüssel.');
    expect(userMessage({ kind: 'invalid_key', message: 'bad key' })).toMatch(/^Invalid API key/);
  });
});
