import type { ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { userMessage, type ErrorInfo } from '../../lib/errors/taxonomy';
import { hostOf } from '../../lib/net/host-of';
import { t } from '../../lib/i18n';

/**
 * The bar pinned to the bottom of the panel: Generate and the estimate are always in view, whatever the
 * form's length, plus what is happening meanwhile and why the last attempt was refused (with the fix).
 */
export function SubmitArea({
  sending,
  readingImage,
  addingFiles,
  pageUrl,
  error,
  estimate,
}: {
  sending: boolean;
  readingImage: boolean;
  /** Files the user just added are still being stored: a click now would validate a draft without them. */
  addingFiles: boolean;
  pageUrl: string | undefined;
  error: ErrorInfo | undefined;
  /** The estimate's total, shown beside Generate. */
  estimate: ReactNode;
}) {
  const openOptions = () => void browser.runtime.openOptionsPage();
  return (
    <div className="generate-bar">
      {error && (
        <div role="alert" className={`alert error${error.kind === 'spending_cap' ? ' cap' : ''}`}>
          <p>{userMessage(error)}</p>
          {['spending_cap', 'invalid_key', 'permission_denied'].includes(error.kind) && (
            <button type="button" onClick={openOptions}>
              {t('composer.submitArea.openOptions')}
            </button>
          )}
        </div>
      )}
      <div className="actions">
        <div className="bar-info">
          {estimate}
          {readingImage ? (
            <span className="hint">{t('composer.submitArea.waitingForThePage')}</span>
          ) : addingFiles ? (
            <span className="hint">{t('panel.composer.adding')}</span>
          ) : sending ? (
            <span className="hint" role="status">
              {t('composer.submitArea.sending')}
            </span>
          ) : (
            pageUrl && <span className="hint origin">{t('composer.submitArea.fromHost', { host: hostOf(pageUrl) ?? pageUrl })}</span>
          )}
        </div>
        <button id="generate" className="primary" type="submit" disabled={sending || readingImage || addingFiles}>
          {t('composer.submitArea.generate')}
        </button>
      </div>
    </div>
  );
}
