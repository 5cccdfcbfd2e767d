/**
 * The extension's UI text in the language the suite runs in (E2E_LANG, tests/e2e/launch.ts), so specs stay
 * written in English and still pass in German:
 *
 *   panel.getByRole('button', { name: ui('Generate') })           // "Erzeugen" under E2E_LANG=de
 *   expect(card).toContainText(ui('{duration} elapsed', { duration: '3 sec' }))
 *   expect(status).toHaveText(uiRe(/^Saved(\.| at)/))               // German sentences whose English matches
 *   tile.getByText(uiMatch('Downloading {file}', { file: raw('.*\\.webp') }, 'whole'))  // unknown parts as regex
 *   uiUsd(0.06), uiPrice(0.06), uiList([...], 'unit'), MONEY          // Intl formatting as the product does it
 *
 * The text comes from the BUILT extension's `_locales/<lang>/messages.json` (what the browser shows), found
 * by its English text (reverse lookup), so a spec reads like the UI it checks. @wxt-dev/i18n writes named
 * placeholders as `{name}` and plural forms joined by " | " (`1 | n`, or `0 | 1 | n`); a plural form is
 * found by its own English text and answered with the same form in the other language.
 * In English (no E2E_LANG) `ui` returns the English text and `uiRe` the regex unchanged, so the default
 * run checks exactly what it did before; both still throw on English text the extension does not have,
 * so a stale expectation fails in every language.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UI_LANGUAGE } from './launch';

type Messages = Record<string, { message: string }>;

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// The same build the fixtures load (fixtures.ts EXTENSION_PATH; not imported, to keep this module leaf-level).
const BUILD = process.env.EXTENSION_DIR ? path.resolve(REPO_ROOT, process.env.EXTENSION_DIR) : path.join(REPO_ROOT, '.output', 'e2e', 'chrome-mv3');

/** Chrome's folder name for a language tag: "pt-BR" → "pt_BR", "de-AT" → "de" (Chrome falls back likewise). */
function localeFolder(tag: string): string {
  const [language = '', region] = tag.split(/[-_]/);
  return region ? `${language.toLowerCase()}_${region.toUpperCase()}` : language.toLowerCase();
}

/** The language the strings are in: en when the suite runs in the default language. */
export const TEXT_LANGUAGE = UI_LANGUAGE ? localeFolder(UI_LANGUAGE) : 'en';
const IN_ENGLISH = TEXT_LANGUAGE === 'en';

/** The locale the product formats numbers, money and dates in (lib/i18n/format.ts uiLocale()). */
export const INTL_LOCALE = UI_LANGUAGE || 'en-US';

function readMessages(lang: string): Messages {
  const file = path.join(BUILD, '_locales', lang, 'messages.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Messages;
  } catch (error) {
    throw new Error(`No UI strings at ${file} (run npm run build:e2e; E2E_LANG=${UI_LANGUAGE || '(unset)'})`, { cause: error });
  }
}

const forms = (message: string): string[] => message.split(' | ');

/** English form text → the same form in the language under test (all keys that carry that English text). */
let byEnglish: Map<string, Set<string>> | undefined;
function table(): Map<string, Set<string>> {
  if (byEnglish) return byEnglish;
  const en = readMessages('en');
  let target = en;
  if (!IN_ENGLISH) {
    // Chrome falls back from "de_AT" to "de"; the suite does the same.
    const folder = TEXT_LANGUAGE.includes('_') && !safeExists(TEXT_LANGUAGE) ? (TEXT_LANGUAGE.split('_')[0] ?? TEXT_LANGUAGE) : TEXT_LANGUAGE;
    target = readMessages(folder);
  }
  byEnglish = new Map();
  for (const [key, { message }] of Object.entries(en)) {
    const targetForms = forms(target[key]?.message ?? message);
    forms(message).forEach((form, index) => {
      const translated = targetForms[index] ?? targetForms[targetForms.length - 1] ?? form;
      const set = byEnglish!.get(form) ?? new Set<string>();
      set.add(translated);
      byEnglish!.set(form, set);
    });
  }
  return byEnglish;
}

const safeExists = (folder: string): boolean => existsSync(path.join(BUILD, '_locales', folder, 'messages.json'));

export type Values = Record<string, string | number>;

/** Numbers as the product writes them (formatNumber: Intl in the UI locale). */
export const uiNumber = (value: number, options?: Intl.NumberFormatOptions): string => new Intl.NumberFormat(INTL_LOCALE, options).format(value);

function fill(template: string, values: Values): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (match, name: string) => {
    if (!(name in values)) return match;
    const value = values[name] ?? match;
    return typeof value === 'number' ? uiNumber(value) : value;
  });
}

/**
 * The UI text whose English is exactly `english` (a message or one plural form of it, placeholders as
 * `{name}`), in the language under test, with `values` filled in (numbers through Intl). Throws when the
 * extension has no such English text, or when it translates it differently in different places.
 */
export function ui(english: string, values: Values = {}): string {
  const translations = table().get(english);
  if (!translations) throw new Error(`ui(): the extension has no English UI text ${JSON.stringify(english)} (locales/en.yml)`);
  if (translations.size > 1) {
    throw new Error(`ui(): ${JSON.stringify(english)} is translated differently in different places (${[...translations].join(' / ')}); match it by a regex of the alternatives or add context`);
  }
  return fill([...translations][0] ?? english, values);
}

export const escapeRe = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A message as a pattern: literal text, placeholders as `.*?`, or the given values (escaped; a `raw()` value
 * as its regex source).
 */
function templatePattern(template: string, values: Record<string, string | number | RawPattern>): string {
  return template
    .split(/(\{[A-Za-z0-9_]+\})/)
    .map((part) => {
      const name = /^\{([A-Za-z0-9_]+)\}$/.exec(part)?.[1];
      if (name === undefined) return escapeRe(part);
      const value = values[name];
      if (value === undefined) return '.*?';
      if (typeof value === 'object') return `(?:${value.source})`;
      return escapeRe(typeof value === 'number' ? uiNumber(value) : value);
    })
    .join('');
}

/**
 * For a spec that matches part of a sentence: in English the regex itself; in another language a regex
 * matching any whole translated message (or plural form) whose English template `english` matches
 * (placeholders as `.*?`, or the given `values`; with values, the English run gets such a regex too, so
 * `english` is written against the template: /“Allow access to \{host\}”/), unanchored so it works for
 * toContainText and substring locators as well. `^` in the English regex anchors the translation at the start of the text.
 * Throws when no English UI text matches, so the English run catches a stale pattern too.
 */
export function uiRe(english: RegExp, values: Values = {}): RegExp {
  const matches = [...table().entries()].filter(([form]) => english.test(form));
  english.lastIndex = 0;
  if (matches.length === 0) throw new Error(`ui(): no English UI text matches ${String(english)} (locales/en.yml)`);
  if (IN_ENGLISH && Object.keys(values).length === 0) return english;
  const alternatives = [...new Set(matches.flatMap(([, translated]) => [...translated]))].map((t) => templatePattern(t, values));
  const anchor = english.source.startsWith('^') ? '^' : '';
  return new RegExp(`${anchor}(?:${alternatives.join('|')})`, english.flags.replace('g', ''));
}

/** A price as the cost lines write it (lib/pricing/estimate.ts formatPrice): "$0.06" / "0,06 $". */
export const uiPrice = (usd: number): string =>
  uiNumber(usd, { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: usd < 0.1 ? 3 : 2 });

/** US dollars as lib/i18n/format.ts formatUsd writes them (four decimals below a cent). */
export const uiUsd = (usd: number): string => {
  const digits = usd < 0.01 && usd > 0 ? 4 : 2;
  return uiNumber(usd, { style: 'currency', currency: 'USD', minimumFractionDigits: digits, maximumFractionDigits: digits });
};

/** A list as lib/i18n/format.ts formatList writes it ("a, b, c" for 'unit' in English, "a, b und c" in German). */
export const uiList = (items: string[], type: Intl.ListFormatType = 'conjunction'): string =>
  new Intl.ListFormat(INTL_LOCALE, type === 'unit' ? { type, style: 'short' } : { type }).format(items);

/** A pattern for a money amount in the UI locale (any amount): "$0.06" in English, "0,06 $" in German. */
export const MONEY_SOURCE = (() => {
  const parts = new Intl.NumberFormat(INTL_LOCALE, { style: 'currency', currency: 'USD' }).formatToParts(1234.5);
  const number = `[\\d${escapeRe(parts.find((p) => p.type === 'group')?.value ?? ',')}]+(?:${escapeRe(parts.find((p) => p.type === 'decimal')?.value ?? '.')}\\d+)?`;
  const firstInteger = parts.findIndex((p) => p.type === 'integer');
  return parts
    .map((p, i) => {
      if (i === firstInteger) return number;
      if (['integer', 'group', 'decimal', 'fraction'].includes(p.type)) return '';
      return escapeRe(p.value).replace(/\s/g, '\\s');
    })
    .join('');
})();

/**
 * The source of a RegExp matching the UI text whose English is exactly `english` (as for ui()), with the
 * given placeholder values as literal text, or as a regex source when passed through `raw()`
 * (e.g. MONEY), and the others as `.*?`. Unanchored.
 */
export function uiPattern(english: string, values: Record<string, string | number | RawPattern> = {}): string {
  // The template in the language under test (placeholders left in).
  return templatePattern(ui(english, {}), values);
}

export type RawPattern = { source: string };
/** A regex source to put into a uiPattern()/uiMatch() placeholder. */
export const raw = (source: string): RawPattern => ({ source });

/** uiPattern() as a RegExp; `anchor` 'start' or 'whole' pins it to the start / the whole text. */
export function uiMatch(english: string, values: Record<string, string | number | RawPattern> = {}, anchor: 'start' | 'whole' | 'none' = 'none'): RegExp {
  const source = uiPattern(english, values);
  return new RegExp(anchor === 'whole' ? `^${source}$` : anchor === 'start' ? `^${source}` : source);
}
/** MONEY_SOURCE for a uiPattern()/uiMatch() placeholder. */
export const MONEY = raw(MONEY_SOURCE);

/** A "Test connection" success, whichever provider (xAI, Vydra or Runware) answered. */
export function uiConnected(): RegExp {
  return IN_ENGLISH ? /Connected/ : uiRe(/^Connected/);
}
