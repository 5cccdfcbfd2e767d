import { browser } from 'wxt/browser';
import { useState } from 'react';
import type { CaptureState } from '../lib/messaging/panel-request';
import { send } from '../lib/messaging/client';
import { hostOf } from '../lib/net/host-of';
import { useComposer } from '../lib/ui/composer-store';
import { t } from '../lib/i18n';

/**
 * Where the right-clicked page image stands, in the source tray: a "Reading image…" placeholder while the
 * background reads it (Generate waits), or why it failed with the two ways out — grant the image's host
 * (permissions.request must run inside this click) and read it again, or crop a screenshot of the tab.
 */
export function CaptureStatus() {
  const capture = useComposer((s) => s.capture);
  const dismiss = useComposer((s) => s.dismissCapture);
  if (!capture) return null;
  if (capture.state === 'pending') {
    return (
      <div className="capture-status">
        <div className="source-placeholder" role="status" aria-label={t('panel.captureStatus.readingImage')}>
          <span className="spinner" aria-hidden="true" />
          <span aria-hidden="true">{capture.host ? t('panel.captureStatus.readingImageFrom', { host: capture.host }) : t('panel.captureStatus.readingImageEllipsis')}</span>
        </div>
        <button type="button" className="link" onClick={dismiss}>
          {t('panel.captureStatus.stopWaiting')}
        </button>
      </div>
    );
  }
  // Keyed by content: a new failure (after a retry) starts with a clean slate.
  return <CaptureFailure key={JSON.stringify(capture)} capture={capture} onDismiss={dismiss} />;
}

function CaptureFailure({ capture, onDismiss }: { capture: CaptureState; onDismiss(): void }) {
  const [problem, setProblem] = useState<string>();
  const [working, setWorking] = useState(false);
  const host = hostOf(capture.accessOrigin);

  /** The background announces every outcome as a new capture state; only a refusal it could not announce shows here. */
  async function run(command: { type: 'capture.retry' | 'capture.screenshot'; captureId: string }) {
    setWorking(true);
    setProblem(undefined);
    const before = useComposer.getState().capture;
    const reply = await send(command);
    setWorking(false);
    if (!reply.ok && useComposer.getState().capture === before) setProblem(reply.error.message);
  }

  function allowAccess() {
    if (!capture.accessOrigin) return;
    // Synchronously, inside the click: Chrome only shows the permission prompt for a user gesture.
    void browser.permissions
      .request({ origins: [`${capture.accessOrigin}/*`] })
      .then((granted) => (granted ? run({ type: 'capture.retry', captureId: capture.id }) : setProblem(t('panel.captureStatus.stillCannotRead', { host: host ?? '' }))))
      .catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  }

  return (
    <div className="capture-status failed" role="group" aria-label={t('panel.captureStatus.pageImage')}>
      <p className="error" role="alert">
        {capture.message ?? t('panel.captureStatus.theImageCouldNot')}
      </p>
      <div className="inline">
        {host && (
          <button type="button" className="primary" disabled={working} onClick={allowAccess}>
            {t('panel.captureStatus.allowAccessTo', { host: host ?? '' })}
          </button>
        )}
        {capture.canScreenshot && (
          <button type="button" disabled={working} onClick={() => void run({ type: 'capture.screenshot', captureId: capture.id })}>
            {t('panel.captureStatus.useAScreenshotInstead')}
          </button>
        )}
        <button type="button" className="link" onClick={onDismiss}>
          {t('panel.captureStatus.dismiss')}
        </button>
      </div>
      {host && <p className="hint">{t('panel.captureStatus.asksOnlyFor', { host })}</p>}
      {problem && <p className="error">{problem}</p>}
    </div>
  );
}
