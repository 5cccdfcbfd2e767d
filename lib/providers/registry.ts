import type { ProviderId } from './ids';
import type { Provider } from './types';
import { xaiProvider } from './xai';

export const PROVIDERS: Record<ProviderId, Provider> = {
  xai: xaiProvider,
  // Resellers arrive with their adapters; until then they refuse every mode with a reason.
  vydra: { ...xaiProvider, id: 'vydra', capabilities: { ...xaiProvider.capabilities, modes: {}, unavailableReason: {} } },
  runware: { ...xaiProvider, id: 'runware', capabilities: { ...xaiProvider.capabilities, modes: {}, unavailableReason: {} } },
};
