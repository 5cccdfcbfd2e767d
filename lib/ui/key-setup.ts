import { KEY_STATE_MESSAGES, NO_KEY_CODE, userMessage, type ErrorInfo } from '../errors/taxonomy';
import { send } from '../messaging/client';
import { PROVIDER_LABELS, type ProviderId } from '../model/provider-ids';

/** The company's name in a sentence ("xAI rejected this key"), without the picker's "(direct)". */
export const providerName = (provider: ProviderId): string => (provider === 'xai' ? 'xAI' : PROVIDER_LABELS[provider]);
import { t } from '../i18n';

/** Where xAI keys are made and credits bought (the welcome page, the setup card, Options). */
export const PROVIDER_CONSOLE_URL = 'https://console.x.ai';

export type KeyCheck =
  | { ok: true; message: string }
  /** `addCredits`: the key works but its team has no credits: offer the console's billing link. */
  | { ok: false; message: string; addCredits: boolean };

/**
 * The failure sentence for a key being set up, where the user is already holding it: "check the key in
 * Options" would point away from the very field they are typing in. Other kinds keep the shared wording.
 */
export function keySetupMessage(error: ErrorInfo, provider: ProviderId): string {
  if (error.kind === 'invalid_key') {
    if (error.code === NO_KEY_CODE) return t('setup.pasteFirst');
    // Blocked or disabled keys and teams: their own sentences already say what to do in the console.
    if (error.code === undefined || !Object.hasOwn(KEY_STATE_MESSAGES, error.code)) return t('setup.keyRejected', { provider: providerName(provider) });
  }
  if (error.kind === 'credits_exhausted') return t('setup.noCredits');
  return userMessage(error);
}

/**
 * "Test & save": asks the provider whether `key` works (the same check as Options' "Test connection",
 * which also lists the key's models) and saves it only when it does. Nothing is stored on failure, so a
 * mistyped key never replaces a working one.
 */
export async function testAndSaveKey(key: string, provider: ProviderId, baseUrl?: string): Promise<KeyCheck> {
  const trimmed = key.trim();
  if (!trimmed) return { ok: false, message: t('setup.pasteFirst'), addCredits: false };
  const test = await send({ type: 'connection.test', provider, apiKey: trimmed, ...(baseUrl ? { baseUrl } : {}) });
  if (!test.ok) return { ok: false, message: keySetupMessage(test.error, provider), addCredits: test.error.kind === 'credits_exhausted' };
  const saved = await send({ type: 'settings.save', secrets: { [provider]: trimmed } });
  if (!saved.ok) return { ok: false, message: t('setup.notSaved', { reason: userMessage(saved.error) }), addCredits: false };
  return { ok: true, message: test.message };
}
