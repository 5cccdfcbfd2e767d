import { browser } from 'wxt/browser';
import { userMessage, type ErrorInfo } from '../../lib/api/errors';
import { hostOf } from '../../lib/net/host-of';

/** Generate, what is happening meanwhile, and why the last attempt was refused (with the way to fix it). */
export function SubmitArea({
  sending,
  readingImage,
  pageUrl,
  hasKey,
  error,
}: {
  sending: boolean;
  readingImage: boolean;
  pageUrl: string | undefined;
  hasKey: boolean | undefined;
  error: ErrorInfo | undefined;
}) {
  const openOptions = () => void browser.runtime.openOptionsPage();
  return (
    <>
      <div className="actions">
        <button id="generate" className="primary" type="submit" disabled={sending || readingImage}>
          Generate
        </button>
        {readingImage && <span className="hint">Waiting for the page image…</span>}
        {sending && (
          <span className="hint" role="status">
            Sending…
          </span>
        )}
        {pageUrl && <span className="hint origin">From {hostOf(pageUrl) ?? pageUrl}</span>}
      </div>
      {hasKey === false && (
        <p className="notice">
          No API key yet.{' '}
          <button type="button" className="link" onClick={openOptions}>
            Open Options
          </button>{' '}
          to add one.
        </p>
      )}
      {error && (
        <div role="alert" className={`alert error${error.kind === 'spending_cap' ? ' cap' : ''}`}>
          <p>{userMessage(error)}</p>
          {['spending_cap', 'invalid_key', 'permission_denied'].includes(error.kind) && (
            <button type="button" onClick={openOptions}>
              Open Options
            </button>
          )}
        </div>
      )}
    </>
  );
}
