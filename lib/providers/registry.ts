import type { ProviderId } from '../model/provider-ids';
import { runwareProvider } from './runware';
import type { Provider } from './types';
import { vydraProvider } from './vydra';
import { xaiProvider } from './xai';

/** Every provider the engine can talk to. A job names its provider (frozen at creation) and is served by that entry. */
export const PROVIDERS: Record<ProviderId, Provider> = {
  xai: xaiProvider,
  vydra: vydraProvider,
  runware: runwareProvider,
};
