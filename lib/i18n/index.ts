/**
 * Every user-facing string comes from here: `t('panel.composer.generate')` reads locales/<lang>.yml through
 * @wxt-dev/i18n (browser.i18n.getMessage underneath, so the browser's UI language picks the locale and no
 * locale file is bundled into a page). Named placeholders: `t('key', { count: formatNumber(n) })`; plurals:
 * `t('key', n, { … })`. Numbers, money, dates and durations: ./format.
 */
import { i18n } from '#i18n';

export const t = i18n.t;
export type { GeneratedI18nStructure as MessageKeys } from '#i18n';
export * from './format';
