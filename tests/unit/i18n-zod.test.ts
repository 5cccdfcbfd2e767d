import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from 'zod';
import { fieldErrors, optionsErrorMap } from '../../components/options/form';
import { configureZodLocale, zodLocaleFor } from '../../lib/i18n/zod-locale';
import { emptyLibrary, importLibrary } from '../../lib/library/library';
import { settingsSchema } from '../../lib/settings/schema';

/** zod's own messages follow the language of our strings (they appear inside translated sentences). */
const englishGetMessage = fakeBrowser.i18n.getMessage;
function stringsIn(tag: string): void {
  fakeBrowser.i18n.getMessage = ((name: string, subs?: string | string[]) => (name === 'intl_locale' ? tag : englishGetMessage(name, subs))) as typeof englishGetMessage;
  configureZodLocale();
}
// Threads share modules (isolate: false): zod's global config goes back to English for the next file.
afterEach(() => stringsIn('en-US'));

const tooSmall = () => z.number().min(1).safeParse(0).error?.issues[0]?.message;

describe("zod's messages in the UI language", () => {
  it('reads German when the strings are German, and English again after', () => {
    expect(tooSmall()).toMatch(/^Too small/);
    stringsIn('de');
    expect(tooSmall()).toMatch(/^Zu klein/);
    expect(z.string().safeParse(3).error?.issues[0]?.message).toMatch(/^Ungültige Eingabe/);
    stringsIn('en-US');
    expect(tooSmall()).toMatch(/^Too small/);
  });

  it('maps each of the seven locales, by language for regional tags', () => {
    stringsIn('ja');
    expect(tooSmall()).not.toMatch(/Too small/);
    expect(zodLocaleFor('pt-BR')).not.toBe(zodLocaleFor('en-US'));
    expect(zodLocaleFor('zh-CN')).not.toBe(zodLocaleFor('en-US'));
    expect(zodLocaleFor('de-AT')).toBe(zodLocaleFor('de'));
    expect(zodLocaleFor('pt-PT')).toBe(zodLocaleFor('pt-BR'));
    expect(zodLocaleFor('ko')).toBe(zodLocaleFor('en-US'));
  });

  it('reaches the user: a bad prompt-library import names the problem in German', () => {
    stringsIn('de');
    const outcome = importLibrary(emptyLibrary(), JSON.stringify({ ...emptyLibrary(), prompts: [{ id: 'a', name: 3, text: 'x' }] }));
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message).toMatch(/ungültige Eingabe/);
    expect(!outcome.ok && outcome.message).not.toMatch(/invalid input/i);
  });

  it('Options keeps its own wording in any language, and a schema’s own message still wins', () => {
    stringsIn('de');
    const draft = settingsSchema.parse({});
    const bad = { ...draft, defaults: { ...draft.defaults, image: { ...draft.defaults.image, n: 0 } }, quickActions: [{ ...draft.quickActions[0]!, title: ' ' }] };
    const errors = fieldErrors(settingsSchema.safeParse(bad, { error: optionsErrorMap }).error!);
    expect(errors['defaults.image.n']).toBe('Must be at least 1.');
    expect(errors['quickActions.0.title']).toBe('Give the action a name.');
  });
});
