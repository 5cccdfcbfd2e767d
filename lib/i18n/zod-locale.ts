/**
 * zod's own messages ("Too small: expected number to be >=1") in the language of our strings, since they end
 * up inside translated sentences (import and settings errors). Called once per context that parses user
 * input — the worker, the side panel, the popup, Options —, not from lib/i18n/index.ts: the overlay imports
 * that and has no zod. Only our seven languages are imported (each is a few kB), never `z.locales`, which
 * would bundle all of zod's ~45.
 */
import { z } from 'zod';
import de from 'zod/v4/locales/de.js';
import en from 'zod/v4/locales/en.js';
import es from 'zod/v4/locales/es.js';
import fr from 'zod/v4/locales/fr.js';
import ja from 'zod/v4/locales/ja.js';
import ptBR from 'zod/v4/locales/pt-BR.js';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { stringsLocale } from './format';

/** Keyed by each locale file's `intl.locale` (the language the strings were picked in). */
const ZOD_LOCALES: Record<string, () => ReturnType<typeof en>> = { 'en-US': en, de, es, fr, ja, 'pt-BR': ptBR, 'zh-CN': zhCN };

/** The zod locale for a BCP 47 tag: exact, else by language ("de-AT" → de), else English. */
export function zodLocaleFor(tag: string): () => ReturnType<typeof en> {
  return ZOD_LOCALES[tag] ?? Object.entries(ZOD_LOCALES).find(([key]) => key.split('-')[0] === tag.split('-')[0])?.[1] ?? en;
}

/** Point zod's messages at the language our strings are in (English outside an extension). */
export function configureZodLocale(tag = stringsLocaleOrEnglish()): void {
  z.config(zodLocaleFor(tag)());
}

function stringsLocaleOrEnglish(): string {
  try {
    return stringsLocale() || 'en-US';
  } catch {
    return 'en-US';
  }
}
