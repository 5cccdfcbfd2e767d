import { KEY_STATE_MESSAGES, NO_KEY_CODE, userMessage, type ErrorInfo } from '../errors/taxonomy';
import { t } from '../i18n';

/**
 * Why a job failed, in words a web page may see (the page overlay is drawn over the page, in its DOM):
 * only the translated sentence of the error's *kind*, never text the provider sent (SECURITY: "the
 * background sends no provider text to pages"). Kinds whose sentence carries server detail get it without.
 */
export function pageReason(error: ErrorInfo): string {
  switch (error.kind) {
    case 'invalid_key':
      if (error.code !== undefined && Object.hasOwn(KEY_STATE_MESSAGES, error.code)) return KEY_STATE_MESSAGES[error.code as keyof typeof KEY_STATE_MESSAGES];
      return error.code === NO_KEY_CODE ? t('errors.noKeyOnPage') : t('errors.invalidKey');
    case 'permission_denied':
      return t('errors.permissionDenied');
    case 'invalid_request':
      return t('errors.refusedOnPage');
    case 'server_error':
      return t('errors.serverError');
    case 'spending_cap':
      return t('errors.spendingCap');
    case 'unsafe_response':
    case 'no_access':
      return t('errors.notSavedOnPage');
    case 'rate_limited':
      return t('errors.rateLimited');
    default:
      // The remaining kinds' sentences are ours alone (no detail from the server).
      return userMessage({ ...error, message: '' });
  }
}
