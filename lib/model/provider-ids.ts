import { t } from '../i18n';

export const PROVIDER_IDS = ['xai', 'vydra', 'runware'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

/** What a provider is called in the UI: brand names as they are, the word "direct" translated (read when shown). */
export const PROVIDER_LABELS: Readonly<Record<ProviderId, string>> = {
  get xai() {
    return t('providers.direct', { provider: 'xAI' });
  },
  vydra: 'Vydra',
  runware: 'Runware',
};

export const DEFAULT_BASE_URLS: Record<ProviderId, string> = {
  xai: 'https://api.x.ai/v1',
  // www: the bare domain redirects there, and the redirect drops the Authorization header.
  vydra: 'https://www.vydra.ai/api/v1',
  runware: 'https://api.runware.ai/v1',
};
