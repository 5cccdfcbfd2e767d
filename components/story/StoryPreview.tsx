import { useEffect, useRef, useState } from 'react';
import type { JobResult } from '../../lib/model/job';
import { getMedia } from '../../lib/storage/media';
import { formatDuration, t } from '../../lib/i18n';

/**
 * The finished shots played one after another in one player, with one scrubber across the whole story
 * (the position picks the clip and the time inside it). Clips are read from local storage as object URLs.
 */
export function StoryPreview({ clips }: { clips: JobResult[] }) {
  const video = useRef<HTMLVideoElement>(null);
  const [urls, setUrls] = useState<string[]>([]);
  const [lengths, setLengths] = useState<number[]>([]);
  const [current, setCurrent] = useState(0);
  const [position, setPosition] = useState(0);
  const key = clips.map((c) => c.mediaId).join(',');
  useEffect(() => {
    let made: string[] = [];
    let cancelled = false;
    void Promise.all(clips.map((clip) => getMedia(clip.mediaId))).then((media) => {
      if (cancelled) return;
      made = media.map((m) => (m ? URL.createObjectURL(m.blob) : ''));
      setUrls(made);
      setLengths(clips.map((c) => c.durationS ?? 0));
      setCurrent(0);
    });
    return () => {
      cancelled = true;
      made.forEach((url) => url && URL.revokeObjectURL(url));
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the clips' media ids
  }, [key]);
  const before = (index: number) => lengths.slice(0, index).reduce((a, b) => a + b, 0);
  const total = before(lengths.length);
  const seek = (at: number) => {
    let index = 0;
    while (index < lengths.length - 1 && at >= before(index + 1)) index++;
    const inside = at - before(index);
    setCurrent(index);
    setPosition(at);
    requestAnimationFrame(() => {
      if (video.current) video.current.currentTime = inside;
    });
  };
  if (urls.length === 0) return null;
  return (
    <div className="story-preview field">
      <video
        ref={video}
        src={urls[current]}
        controls={false}
        playsInline
        aria-label={t('story.preview')}
        onLoadedMetadata={(e) => {
          const length = e.currentTarget.duration;
          if (Number.isFinite(length)) setLengths((all) => all.map((l, i) => (i === current ? length : l)));
        }}
        onTimeUpdate={(e) => setPosition(before(current) + e.currentTarget.currentTime)}
        onEnded={() => {
          if (current < urls.length - 1) {
            setCurrent(current + 1);
            requestAnimationFrame(() => void video.current?.play().catch(() => undefined));
          }
        }}
      />
      <div className="story-actions">
        <button type="button" onClick={() => void video.current?.play().catch(() => undefined)}>
          {t('story.preview')}
        </button>
        <input type="range" min={0} max={Math.max(0.1, total)} step={0.1} value={Math.min(position, total)} aria-label={t('story.preview')} aria-valuetext={`${formatDuration(position * 1000)} / ${formatDuration(total * 1000)}`} onChange={(e) => seek(Number(e.target.value))} />
      </div>
    </div>
  );
}
