export const PROVIDER_IDS = ['xai', 'vydra', 'runware'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export const PROVIDER_LABELS: Record<ProviderId, string> = {
  xai: 'xAI (direct)',
  vydra: 'Vydra',
  runware: 'Runware',
};

export const DEFAULT_BASE_URLS: Record<ProviderId, string> = {
  xai: 'https://api.x.ai/v1',
  // www: the bare domain redirects there, and the redirect drops the Authorization header.
  vydra: 'https://www.vydra.ai/api/v1',
  runware: 'https://api.runware.ai/v1',
};
