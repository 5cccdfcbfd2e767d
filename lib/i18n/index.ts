/**
 * Every user-facing string comes from here: `t('panel.composer.generate')` reads locales/<lang>.yml through
 * @wxt-dev/i18n (browser.i18n.getMessage underneath, so the browser's UI language picks the locale and no
 * locale file is bundled into a page). Named placeholders: `t('key', { count: formatNumber(n) })`; plurals:
 * `t('key', n, { … })`. Numbers, money, dates and durations: ./format.
 */
import { i18n } from './instance';

/**
 * The typed translate function. Outside an extension (Node: bench, scripts) there is no browser.i18n:
 * the key itself is returned rather than throwing from an error path.
 */
export const t: typeof i18n.t = ((...args: Parameters<typeof i18n.t>) => {
  try {
    return i18n.t(...args);
  } catch {
    return String(args[0]);
  }
}) as typeof i18n.t;
export type { GeneratedI18nStructure as MessageKeys } from './instance';
export * from './format';
import { uiLocale } from './format';

/** An extension page in the UI language: `<html lang>` for screen readers and hyphenation, and its title. */
export function localizeDocument(title?: string): void {
  document.documentElement.lang = uiLocale();
  if (title) document.title = title;
}
