/**
 * The one @wxt-dev/i18n instance. It is made here rather than imported from `#i18n` (the module's generated
 * `.wxt/i18n/index.ts`): WXT imports the entrypoints while it prepares, before that file is generated, so a
 * runtime import of `#i18n` broke `wxt prepare` — and `npm ci` — on a fresh clone. Only the key types come
 * from the generated file, and type imports are erased.
 */
import { createI18n } from '@wxt-dev/i18n';
import type { GeneratedI18nStructure } from '#i18n';

export const i18n = createI18n<GeneratedI18nStructure>();
export type { GeneratedI18nStructure };
