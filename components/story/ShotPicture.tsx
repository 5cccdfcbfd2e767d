import type { ShotStart } from '../../lib/story/story-schema';
import { useMediaUrl } from '../../lib/ui/media-url';
import { t } from '../../lib/i18n';

/** The picture an image shot starts from (its stored thumbnail), or why the page's picture could not be read. */
export function ShotPicture({ start }: { start: Extract<ShotStart, { kind: 'image' }> }) {
  const url = useMediaUrl(start.source?.mediaId);
  if (start.captureError) {
    return (
      <p className="error" role="alert">
        {start.captureError}
      </p>
    );
  }
  return <div className="story-picture">{url ? <img src={url} alt={t('story.startImage')} /> : <span className="hint">{t('story.state.reading')}</span>}</div>;
}
