import { useState } from 'react';
import type { ShotStart } from '../../lib/story/story-schema';
import { send } from '../../lib/messaging/client';
import { useMediaUrl } from '../../lib/ui/media-url';
import { HostAccessButton } from '../HostAccessButton';
import { t } from '../../lib/i18n';

type ImageStart = Extract<ShotStart, { kind: 'image' }>;

/** The picture an image shot starts from (its stored thumbnail), or why the page's picture could not be read. */
export function ShotPicture({ start }: { start: ImageStart }) {
  const url = useMediaUrl(start.source?.mediaId);
  if (start.captureError) return <ShotPictureFailure key={start.captureError} start={start} />;
  return <div className="story-picture">{url ? <img src={url} alt={t('story.startImage')} /> : <span className="hint">{t('story.state.reading')}</span>}</div>;
}

/**
 * The ways out of an unreadable picture, as in the batch and the composer: for a host the worker may not
 * read, "Allow access to <host>" (the browser's prompt, from this click), then the same capture is read
 * again (`capture.retry`; the shot shows "Reading" and then the picture). Always: another Start, or Delete.
 */
function ShotPictureFailure({ start }: { start: ImageStart }) {
  const [problem, setProblem] = useState<string>();
  const retry = async (captureId: string) => {
    const reply = await send({ type: 'capture.retry', captureId });
    // A new failure is recorded on the shot itself; only a refusal the background could not record shows here.
    if (!reply.ok) setProblem(reply.error.message);
  };
  return (
    <div className="story-picture failed">
      <p className="error" role="alert">
        {start.captureError}
      </p>
      {start.accessOrigin && start.captureId && (
        <p className="inline">
          <HostAccessButton origin={start.accessOrigin} onGranted={() => void retry(start.captureId!)} />
        </p>
      )}
      <p className="hint">{t('story.unreadableWaysOut')}</p>
      {problem && <p className="error">{problem}</p>}
    </div>
  );
}
